/**
 * The 三调 working classification (TD/T 1055-2019 表A.2, from GB/T 21010-2017), as tabulated in
 * docs/methods/sandiao-landclass.csv (kept in step by land-class-table.test.ts). Level-1 class of a code is taken from
 * this table, not from its first two digits: the 00 湿地 group keeps GB numbers (0303, 0402, 1105 …).
 */
export type LandClassKind = 'level1' | 'level2' | 'level2_K' | 'level2_H' | 'level2_A' | 'czcsxm';

export interface LandClass {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Level-1 code ('00'…'12'), or 'CZCSXM' for 城镇村属性码 values. */
  level1: string;
  isWetland: boolean;
  kind: LandClassKind;
  confidence: 'high' | 'medium' | 'low';
}

// [code, nameZh, nameEn, level1, isWetland, kind, confidence]
const ROWS: [string, string, string, string, boolean, LandClassKind, LandClass['confidence']][] = [
  ["00", "湿地", "Wetland", "00", true, "level1", "high"],
  ["01", "耕地", "Cultivated land", "01", false, "level1", "high"],
  ["02", "种植园用地", "Plantation land (orchards etc.)", "02", false, "level1", "high"],
  ["03", "林地", "Forest land", "03", false, "level1", "high"],
  ["04", "草地", "Grassland", "04", false, "level1", "high"],
  ["05", "商业服务业用地", "Commercial and service land", "05", false, "level1", "high"],
  ["06", "工矿用地", "Industrial and mining land", "06", false, "level1", "high"],
  ["07", "住宅用地", "Residential land", "07", false, "level1", "high"],
  ["08", "公共管理与公共服务用地", "Public administration and public service land", "08", false, "level1", "high"],
  ["09", "特殊用地", "Special-use land", "09", false, "level1", "high"],
  ["10", "交通运输用地", "Transport land", "10", false, "level1", "high"],
  ["11", "水域及水利设施用地", "Water areas and water-conservancy facility land", "11", false, "level1", "high"],
  ["12", "其他土地", "Other land", "12", false, "level1", "high"],
  ["0303", "红树林地", "Mangrove forest land", "00", true, "level2", "high"],
  ["0304", "森林沼泽", "Forest swamp", "00", true, "level2", "high"],
  ["0306", "灌丛沼泽", "Shrub swamp", "00", true, "level2", "high"],
  ["0402", "沼泽草地", "Marsh grassland", "00", true, "level2", "high"],
  ["1105", "沿海滩涂", "Coastal tidal flat", "00", true, "level2", "high"],
  ["1106", "内陆滩涂", "Inland tidal flat / floodland", "00", true, "level2", "high"],
  ["1108", "沼泽地", "Swamp / marsh land", "00", true, "level2", "high"],
  ["0101", "水田", "Paddy field", "01", false, "level2", "high"],
  ["0102", "水浇地", "Irrigated dry land", "01", false, "level2", "high"],
  ["0103", "旱地", "Rain-fed dry land", "01", false, "level2", "high"],
  ["0201", "果园", "Orchard", "02", false, "level2", "high"],
  ["0201K", "可调整果园", "Orchard, adjustable (converted from cultivated land, plough layer intact)", "02", false, "level2_K", "medium"],
  ["0202", "茶园", "Tea garden", "02", false, "level2", "high"],
  ["0202K", "可调整茶园", "Tea garden, adjustable", "02", false, "level2_K", "medium"],
  ["0203", "橡胶园", "Rubber plantation", "02", false, "level2", "high"],
  ["0203K", "可调整橡胶园", "Rubber plantation, adjustable", "02", false, "level2_K", "medium"],
  ["0204", "其他园地", "Other plantation land", "02", false, "level2", "high"],
  ["0204K", "可调整其他园地", "Other plantation land, adjustable", "02", false, "level2_K", "medium"],
  ["0301", "乔木林地", "Arbor forest land", "03", false, "level2", "high"],
  ["0301K", "可调整乔木林地", "Arbor forest land, adjustable", "03", false, "level2_K", "medium"],
  ["0302", "竹林地", "Bamboo forest land", "03", false, "level2", "high"],
  ["0302K", "可调整竹林地", "Bamboo forest land, adjustable", "03", false, "level2_K", "medium"],
  ["0305", "灌木林地", "Shrub forest land", "03", false, "level2", "high"],
  ["0307", "其他林地", "Other forest land", "03", false, "level2", "high"],
  ["0307K", "可调整其他林地", "Other forest land, adjustable", "03", false, "level2_K", "medium"],
  ["0401", "天然牧草地", "Natural pasture", "04", false, "level2", "high"],
  ["0403", "人工牧草地", "Artificial pasture", "04", false, "level2", "high"],
  ["0403K", "可调整人工牧草地", "Artificial pasture, adjustable", "04", false, "level2_K", "medium"],
  ["0404", "其他草地", "Other grassland", "04", false, "level2", "high"],
  ["05H1", "商业服务业设施用地", "Commercial and service facility land", "05", false, "level2_H", "high"],
  ["0508", "物流仓储用地", "Logistics and warehousing land", "05", false, "level2", "high"],
  ["0601", "工业用地", "Industrial land", "06", false, "level2", "high"],
  ["0602", "采矿用地", "Mining land", "06", false, "level2", "high"],
  ["0603", "盐田", "Salt pan", "06", false, "level2", "medium"],
  ["0701", "城镇住宅用地", "Urban residential land", "07", false, "level2", "high"],
  ["0702", "农村宅基地", "Rural homestead", "07", false, "level2", "high"],
  ["08H1", "机关团体新闻出版用地", "Government, organisations, press and publishing land", "08", false, "level2_H", "high"],
  ["08H2", "科教文卫用地", "Science, education, culture, health and welfare land", "08", false, "level2_H", "high"],
  ["0809", "公用设施用地", "Public utility land", "08", false, "level2", "high"],
  ["0810", "公园与绿地", "Parks and green space", "08", false, "level2", "high"],
  ["0810A", "广场用地", "Public square land", "08", false, "level2_A", "low"],
  ["1001", "铁路用地", "Railway land", "10", false, "level2", "high"],
  ["1002", "轨道交通用地", "Rail transit land", "10", false, "level2", "high"],
  ["1003", "公路用地", "Highway land", "10", false, "level2", "high"],
  ["1004", "城镇村道路用地", "Urban/village road land", "10", false, "level2", "high"],
  ["1005", "交通服务场站用地", "Transport service station land", "10", false, "level2", "high"],
  ["1006", "农村道路", "Rural road", "10", false, "level2", "high"],
  ["1007", "机场用地", "Airport land", "10", false, "level2", "high"],
  ["1008", "港口码头用地", "Port and wharf land", "10", false, "level2", "high"],
  ["1009", "管道运输用地", "Pipeline transport land", "10", false, "level2", "high"],
  ["1101", "河流水面", "River water surface", "11", false, "level2", "high"],
  ["1102", "湖泊水面", "Lake water surface", "11", false, "level2", "high"],
  ["1103", "水库水面", "Reservoir water surface", "11", false, "level2", "high"],
  ["1104", "坑塘水面", "Pond water surface", "11", false, "level2", "high"],
  ["1104A", "养殖坑塘", "Aquaculture pond", "11", false, "level2_A", "medium"],
  ["1104K", "可调整养殖坑塘", "Aquaculture pond, adjustable", "11", false, "level2_K", "medium"],
  ["1107", "沟渠", "Ditch / canal", "11", false, "level2", "high"],
  ["1107A", "干渠", "Main canal", "11", false, "level2_A", "medium"],
  ["1109", "水工建筑用地", "Hydraulic structure land", "11", false, "level2", "high"],
  ["1110", "冰川及永久积雪", "Glacier and permanent snow", "11", false, "level2", "high"],
  ["1201", "空闲地", "Vacant land", "12", false, "level2", "high"],
  ["1202", "设施农用地", "Agricultural facility land", "12", false, "level2", "high"],
  ["1203", "田坎", "Field ridge / terrace bank", "12", false, "level2", "high"],
  ["1204", "盐碱地", "Saline-alkali land", "12", false, "level2", "high"],
  ["1205", "沙地", "Sandy land", "12", false, "level2", "high"],
  ["1206", "裸土地", "Bare soil", "12", false, "level2", "high"],
  ["1207", "裸岩石砾地", "Bare rock and gravel", "12", false, "level2", "high"],
  ["201", "城市", "City", "CZCSXM", false, "czcsxm", "high"],
  ["202", "建制镇", "Designated town", "CZCSXM", false, "czcsxm", "high"],
  ["203", "村庄", "Village", "CZCSXM", false, "czcsxm", "high"],
  ["204", "盐田及采矿用地", "Salt pan and mining land (outside 201-203)", "CZCSXM", false, "czcsxm", "high"],
  ["205", "特殊用地", "Special-use land (outside 201-203)", "CZCSXM", false, "czcsxm", "high"],
  ["201A", "城市独立工业用地", "City: detached industrial land", "CZCSXM", false, "czcsxm", "medium"],
  ["202A", "建制镇独立工业用地", "Town: detached industrial land", "CZCSXM", false, "czcsxm", "medium"],
  ["203A", "村庄独立工业用地", "Village: detached industrial land", "CZCSXM", false, "czcsxm", "medium"],
];

export const LAND_CLASSES: readonly LandClass[] = ROWS.map(([code, nameZh, nameEn, level1, isWetland, kind, confidence]) => ({
  code, nameZh, nameEn, level1, isWetland, kind, confidence,
}));
