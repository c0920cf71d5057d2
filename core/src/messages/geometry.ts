import type { Message } from './index';

/** Messages of the geometry domain (core/src/geometry/). Vertex, ring and part numbers are 1-based. */
export const geometryMessages = {
  GEOMETRY_NOT_POLYGONAL: {
    zh: '几何必须是面（Polygon/MultiPolygon），而不是 {type}',
    en: 'The geometry must be a polygon (Polygon/MultiPolygon), not a {type}',
  },
  GEOMETRY_NON_FINITE: {
    zh: '第 {part} 部分第 {ring} 个环的第 {vertex} 个顶点坐标无效（{x}, {y}）',
    en: 'Vertex {vertex} of ring {ring} of part {part} has an invalid coordinate ({x}, {y})',
  },
  GEOMETRY_OUTSIDE_PROJECTION: {
    zh: '坐标 ({x}, {y}) 远在坐标系 {crs} 的适用范围之外（常见原因：坐标系选错，或带号前缀不符）',
    en: 'Coordinate ({x}, {y}) lies far outside the area of the CRS {crs} (usually the wrong CRS, or a zone prefix that does not match)',
  },
  GEOMETRY_NOT_LONLAT: {
    zh: '坐标 ({x}, {y}) 不是经纬度，但图层的坐标系是地理坐标系（坐标系是否设错？）',
    en: 'Coordinate ({x}, {y}) is not a longitude/latitude although the layer has a geographic CRS (is the CRS wrong?)',
  },
  GEOMETRY_CRS_NO_ELLIPSOID: {
    zh: '坐标系 {crs} 没有指明椭球，无法计算椭球面积',
    en: 'The CRS {crs} does not name its ellipsoid, so no ellipsoidal area can be computed',
  },
  REDLINE_TOPOLOGY_INVALID: {
    zh: '红线不是有效的面：{reasonZh}（位置 {x}, {y}）。请先检查并修复红线',
    en: 'The red line is not a valid polygon: {reasonEn} (at {x}, {y}). Check and repair the red line first',
  },
  CLIP_ZONE_INVALID: {
    zh: '区域“{zone}”不是有效的面：{reasonZh}（位置 {x}, {y}）',
    en: 'Zone "{zone}" is not a valid polygon: {reasonEn} (at {x}, {y})',
  },
  BUFFER_DISTANCE_INVALID: {
    zh: '缓冲距离 {distance} 无效：应为大于 0、不超过 {max} 米的数',
    en: 'Invalid buffer distance {distance}: it must be a number above 0 and at most {max} metres',
  },
  // Clipping (clip.ts): issues about single parcels; the clip goes on with the others.
  CLIP_PARCEL_INVALID: {
    zh: '图斑（第 {record} 条记录，编号 {id}）几何无效：{reasonZh}（位置 {x}, {y}）；其裁剪面积可能不准确，请在 GIS 中检查修复',
    en: 'Parcel (record {record}, id {id}) has an invalid geometry: {reasonEn} (at {x}, {y}); its clipped area may be wrong, check it in a GIS',
  },
  CLIP_AREA_FAILED: {
    zh: '图斑（第 {record} 条记录，编号 {id}）无法计算面积，未计入结果：{reasonZh}',
    en: 'Parcel (record {record}, id {id}) cannot be measured and is left out: {reasonEn}',
  },
  CLIP_OVERLAY_FAILED: {
    zh: '图斑（第 {record} 条记录，编号 {id}）与区域“{zone}”的裁剪失败（{reason}），该图斑未计入此区域',
    en: 'Clipping parcel (record {record}, id {id}) against zone "{zone}" failed ({reason}); the parcel is left out of that zone',
  },

  // Red-line validation (validate-redline.ts). Part and ring numbers are 1-based; ring 1 is the outer ring.
  REDLINE_NOT_POLYGON: { zh: '红线必须是面，而不是 {type}', en: 'A red line must be a polygon, not a {type}' },
  REDLINE_EMPTY: { zh: '红线是空的，没有任何坐标', en: 'The red line is empty: it has no coordinates' },
  REDLINE_TOO_MANY_VERTICES: { zh: '红线有 {count} 个顶点，超过上限 {limit}', en: 'The red line has {count} vertices, more than the limit of {limit}' },
  REDLINE_NON_FINITE: { zh: '第 {part} 部分第 {ring} 个环的第 {vertex} 个顶点坐标无效（非数字或无穷大）', en: 'Vertex {vertex} of ring {ring} of part {part} has an invalid coordinate (not a number or infinite)' },
  REDLINE_TOO_FEW_POINTS: { zh: '第 {part} 部分第 {ring} 个环只有 {count} 个不同的顶点，至少需要 3 个', en: 'Ring {ring} of part {part} has only {count} distinct vertices; at least 3 are needed' },
  REDLINE_RING_UNCLOSED: { zh: '第 {part} 部分第 {ring} 个环未闭合（首尾点不同）；计算时会自动闭合', en: 'Ring {ring} of part {part} is not closed (first and last points differ); it is closed automatically' },
  REDLINE_DUPLICATE_VERTEX: { zh: '第 {part} 部分第 {ring} 个环有 {count} 个连续重复的顶点；计算时会自动去除', en: 'Ring {ring} of part {part} has {count} repeated consecutive vertices; they are removed automatically' },
  REDLINE_ZERO_AREA_RING: { zh: '第 {part} 部分第 {ring} 个环面积为零（顶点共线）', en: 'Ring {ring} of part {part} has no area (its vertices are collinear)' },
  REDLINE_SPIKE: { zh: '第 {part} 部分第 {ring} 个环在此处折返（夹角 {angle}°），疑似数字化错误的尖刺', en: 'Ring {ring} of part {part} turns back here (angle {angle}°): a spike, probably a digitising error' },
  REDLINE_ORIENTATION: { zh: '第 {part} 部分第 {ring} 个环的方向与惯例相反（外环应逆时针、内环应顺时针）；计算时会自动统一', en: 'Ring {ring} of part {part} runs the other way round than usual (outer rings counter-clockwise, holes clockwise); it is normalised automatically' },
  REDLINE_SELF_INTERSECTION: { zh: '第 {part} 部分第 {ring} 个环在此处自相交', en: 'Ring {ring} of part {part} intersects itself here' },
  REDLINE_RINGS_CROSS: { zh: '第 {part} 部分的第 {ring} 个环与第 {otherRing} 个环在此处交叉或重叠', en: 'Rings {ring} and {otherRing} of part {part} cross or overlap here' },
  REDLINE_RINGS_TOUCH: { zh: '第 {part} 部分的第 {ring} 个环与第 {otherRing} 个环在此处相接（内环接触外环或其他内环）', en: 'Rings {ring} and {otherRing} of part {part} touch here (a hole touching the outer ring or another hole)' },
  REDLINE_HOLE_OUTSIDE: { zh: '第 {part} 部分的内环（第 {ring} 个环）位于外环之外', en: 'Hole (ring {ring}) of part {part} lies outside its outer ring' },
  REDLINE_HOLE_IN_HOLE: { zh: '第 {part} 部分的内环（第 {ring} 个环）位于另一个内环（第 {otherRing} 个环）之内', en: 'Hole (ring {ring}) of part {part} lies inside another hole (ring {otherRing})' },
  REDLINE_PARTS_OVERLAP: { zh: '第 {part} 部分与第 {otherPart} 部分相互重叠', en: 'Parts {part} and {otherPart} overlap' },
  REDLINE_PARTS_TOUCH: { zh: '第 {part} 部分与第 {otherPart} 部分在此处相接', en: 'Parts {part} and {otherPart} touch here' },
  REDLINE_OUTSIDE_CRS: { zh: '红线坐标不在坐标系 {crs} 的适用范围内：{reason}', en: 'The red line lies outside the area of its CRS {crs}: {reason}' },
  REDLINE_ZERO_AREA: { zh: '红线面积为零或为负（{area} 平方米）', en: 'The red line has no area ({area} m²)' },
  REDLINE_TOO_LARGE: { zh: '红线面积 {hectares} 公顷，超过 {limit} 公顷，不像是一个项目红线（坐标系或单位是否有误？）', en: 'The red line covers {hectares} ha, more than {limit} ha: unlikely for a project red line (wrong CRS or units?)' },
  REDLINE_TOO_SMALL: { zh: '红线面积只有 {area} 平方米，小于 {limit} 平方米（坐标单位是否有误？）', en: 'The red line covers only {area} m², less than {limit} m² (wrong coordinate units?)' },

  // Red-line repair (repair-redline.ts): what the proposed repair did.
  REPAIR_NOT_POLYGON: { zh: '无法修复：红线不是面，而是 {type}', en: 'Cannot repair: the red line is not a polygon but a {type}' },
  REPAIR_DROPPED_NON_FINITE: { zh: '删除了 {count} 个无效坐标的顶点', en: 'Removed {count} vertices with invalid coordinates' },
  REPAIR_REMOVED_DUPLICATES: { zh: '删除了 {count} 个连续重复的顶点', en: 'Removed {count} repeated consecutive vertices' },
  REPAIR_CLOSED_RINGS: { zh: '闭合了 {count} 个未闭合的环', en: 'Closed {count} unclosed rings' },
  REPAIR_REMOVED_SPIKES: { zh: '删除了 {count} 个尖刺顶点', en: 'Removed {count} spike vertices' },
  REPAIR_DROPPED_RINGS: { zh: '删除了 {count} 个不足 3 个顶点或面积为零的环', en: 'Removed {count} rings with fewer than 3 vertices or no area' },
  REPAIR_REORIENTED: { zh: '统一了环的方向（外环逆时针、内环顺时针）', en: 'Normalised ring orientation (outer rings counter-clockwise, holes clockwise)' },
  REPAIR_REBUILT_TOPOLOGY: { zh: '按环重建了拓扑（自相交处拆分、重叠部分合并）：面积由 {areaBefore} 变为 {areaAfter}，共 {parts} 个部分', en: 'Rebuilt the topology from the rings (split at self-intersections, overlapping parts merged): area {areaBefore} → {areaAfter}, {parts} part(s)' },
  REPAIR_IGNORED_OUTSIDE_HOLES: { zh: '有 {count} 个内环位于外环之外，已忽略（内环只能扣除面积）', en: 'Ignored {count} holes lying outside their outer ring (a hole can only remove area)' },
  REPAIR_NOTHING_LEFT: { zh: '修复后没有剩下可用的面', en: 'Nothing usable is left after the repair' },

  // Land-class areas of pieces (land-class-areas.ts).
  AREA_DLBM_MISSING: { zh: '图斑 {parcel} 没有地类编码（DLBM）', en: 'Parcel {parcel} has no land-class code (DLBM)' },
  AREA_KCXS_INVALID: { zh: '图斑 {parcel} 的扣除地类系数 KCXS = {value} 无效，应为 0 到 1 之间（不含 1）的数', en: 'Parcel {parcel} has an invalid deduction coefficient KCXS = {value}; it must be a number from 0 up to (not including) 1' },
  AREA_TBMJ_MISSING: { zh: '按图斑面积分摊需要 TBMJ，但图斑 {parcel} 没有有效的 TBMJ', en: 'Apportioning by TBMJ needs the TBMJ field, but parcel {parcel} has no valid TBMJ' },
  AREA_PARCEL_AREA_MISSING: { zh: '按图斑面积分摊需要整个图斑 {parcel} 的面积', en: 'Apportioning by TBMJ needs the area of the whole parcel {parcel}' },

  // TBMJ audit (audit-tbmj.ts): the likely cause of deviations.
  TBMJ_LOOKS_PLANAR: { zh: 'TBMJ 与高斯平面面积一致，而非椭球面积：数据的 TBMJ 可能是按平面面积计算的', en: 'TBMJ matches the Gauss-Kruger plane area, not the ellipsoidal area: the data\'s TBMJ was probably computed as a plane area' },
  TBMJ_LOOKS_UNDENSIFIED: { zh: 'TBMJ 与未加密边界点的椭球面积一致：数据生产时可能未做边界加密（差异通常小于 0.06 平方米）', en: 'TBMJ matches the ellipsoidal area computed without edge densification: the producer probably did not densify (differences usually below 0.06 m²)' },
  TBMJ_LOOKS_HECTARES: { zh: 'TBMJ 的数值像是以公顷为单位', en: 'TBMJ looks like it is in hectares' },
  TBMJ_LOOKS_MU: { zh: 'TBMJ 的数值像是以亩为单位', en: 'TBMJ looks like it is in mu (亩)' },
} satisfies Record<string, Message>;
