import type { Message } from './index';

/** Messages of the crs domain (core/src/crs/). Errors that stop a layer from opening name the way out: `--crs`. */
export const crsMessages = {
  // reading a CRS
  CRS_UNPARSEABLE: {
    zh: '{source}：无法读取坐标系定义（{reason}）；请用 --crs 指定坐标系，例如 --crs EPSG:4528',
    en: '{source}: the coordinate system definition cannot be read ({reason}); give the CRS with --crs, e.g. --crs EPSG:4528',
  },
  CRS_UNSUPPORTED: {
    zh: '{source}：不支持的坐标系（{what}）；请用 --crs 指定坐标系，例如 --crs EPSG:4528',
    en: '{source}: unsupported coordinate system ({what}); give the CRS with --crs, e.g. --crs EPSG:4528',
  },
  CRS_EPSG_UNKNOWN: {
    zh: '{source}：不认识 EPSG:{code}（已内置国家 2000、西安 80、北京 54 高斯-克吕格各带、WGS 84 及其 UTM、Web 墨卡托）；请用 WKT 或 proj4 字符串给出该坐标系',
    en: '{source}: EPSG:{code} is not one this program knows (it knows the CGCS2000, Xian 1980 and Beijing 1954 Gauss-Kruger zones, WGS 84 and its UTM zones, Web Mercator); give the CRS as WKT or a proj4 string',
  },

  // coordinates against their CRS
  CRS_ZONE_MISMATCH: {
    zh: '{source}：坐标系文件写的是第 {declaredZone} 带，但坐标的带号前缀是 {dataZone}；已按 {name}（EPSG:{epsg}）读取',
    en: '{source}: the CRS says zone {declaredZone} but the eastings carry zone number {dataZone}; read as {name} (EPSG:{epsg})',
  },
  CRS_ZONE_PREFIX_ADDED: {
    zh: '{source}：坐标系（{declared}）的横坐标不带带号，但数据的横坐标带有带号 {dataZone}；已按 {name}（EPSG:{epsg}）读取',
    en: '{source}: the CRS ({declared}) has no zone number in the easting, but the eastings start with zone {dataZone}; read as {name} (EPSG:{epsg})',
  },
  CRS_ZONE_PREFIX_REMOVED: {
    zh: '{source}：坐标系（{declared}）的横坐标带带号，但数据的横坐标不带带号；已按 {name}（EPSG:{epsg}）读取',
    en: '{source}: the CRS ({declared}) puts the zone number in the easting, but the eastings have none; read as {name} (EPSG:{epsg})',
  },
  CRS_ZONES_MIXED: {
    zh: '{source}：横坐标的带号前缀不一致（{minX} … {maxX}），数据可能混合了不同投影带；请分带导入或用 --crs 指定坐标系',
    en: '{source}: the eastings carry different zone numbers ({minX} … {maxX}); the data mix projection zones — import each zone separately or give the CRS with --crs',
  },
  CRS_COORDINATES_ABSURD: {
    zh: '{source}：坐标范围 {extent} 不可能属于坐标系 {name}（{reason}）；请检查数据或用 --crs 指定正确的坐标系',
    en: '{source}: the coordinate range {extent} cannot be in {name} ({reason}); check the data or give the right CRS with --crs',
  },

  // reprojection
  CRS_TRANSFORM_FAILED: {
    zh: '坐标 ({x}, {y}) 无法从 {from} 转换到 {to}（超出投影的有效范围）',
    en: 'The position ({x}, {y}) cannot be transformed from {from} to {to} (outside the projection’s valid range)',
  },
  CRS_DATUM_SHIFT_APPROXIMATE: {
    zh: '从 {from} 到 {to} 的转换没有七参数，按“零改正”近似处理，位置可能偏差数十米；如需精确转换，请提供当地的七参数',
    en: 'There are no transformation parameters from {from} to {to}; positions are carried over unchanged (a null shift) and may be tens of metres off — supply local 7-parameter values for an exact conversion',
  },
} satisfies Record<string, Message>;
