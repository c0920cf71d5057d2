import type { Message } from './index';

/**
 * Messages of the text and XML vector formats: the Ministry coordinate text file, GeoJSON, KML, and the 三调 DLTB
 * schema checks. Line numbers are 1-based, as editors count them.
 */
export const formatsMessages = {
  // coordinate text file (界址点坐标交换文件), reading
  TXT_TOO_LARGE: {
    zh: '{file} 有 {size} 字节，超过坐标文件的上限 {limit} 字节',
    en: '{file} has {size} bytes, more than the limit of {limit} for a coordinate file',
  },
  TXT_NOT_COORDINATES: {
    zh: '{file} 不是界址点坐标文件：第 {line} 行“{text}”之前没有 [属性描述] 或 [地块坐标] 节',
    en: '{file} is not a boundary-coordinate file: line {line} ("{text}") comes before any [属性描述] or [地块坐标] section',
  },
  TXT_NO_PARCEL_SECTION: {
    zh: '{file} 缺少 [地块坐标] 节，没有地块可读',
    en: '{file} has no [地块坐标] section: there are no parcels to read',
  },
  TXT_NO_PARCELS: {
    zh: '{file} 的 [地块坐标] 节中没有地块（地块由以“@”结尾的行开始）',
    en: '{file}: the [地块坐标] section holds no parcel (a parcel starts with a line ending in "@")',
  },
  TXT_NO_HEADER_SECTION: {
    zh: '{file} 缺少 [属性描述] 节，无法得知坐标系；请用 --crs 指定',
    en: '{file} has no [属性描述] section, so its coordinate system is unknown; give it with --crs',
  },
  TXT_UNKNOWN_SECTION: {
    zh: '{file} 第 {line} 行：未知的节“{section}”，其内容已忽略',
    en: '{file}, line {line}: unknown section "{section}"; its lines were ignored',
  },
  TXT_HEADER_LINE_IGNORED: {
    zh: '{file} 第 {line} 行：[属性描述] 中的“{text}”不是“键=值”格式，已忽略',
    en: '{file}, line {line}: "{text}" in [属性描述] is not key=value and was ignored',
  },
  TXT_POINT_BEFORE_PARCEL: {
    zh: '{file} 第 {line} 行：坐标点出现在第一个地块行（以“@”结尾）之前',
    en: '{file}, line {line}: a point comes before the first parcel line (the line ending in "@")',
  },
  TXT_BAD_POINT_LINE: {
    zh: '{file} 第 {line} 行：“{text}”不是“点号,圈号,X,Y”格式的坐标点',
    en: '{file}, line {line}: "{text}" is not a point "点号,圈号,X,Y"',
  },
  TXT_BAD_RING_NUMBER: {
    zh: '{file} 第 {line} 行：圈号“{value}”不是正整数',
    en: '{file}, line {line}: the ring number (圈号) "{value}" is not a whole number',
  },
  TXT_BAD_COORDINATE: {
    zh: '{file} 第 {line} 行：坐标“{value}”不是数字',
    en: '{file}, line {line}: the coordinate "{value}" is not a number',
  },
  TXT_BAD_NUMBER: {
    zh: '{file} 第 {line} 行：{field}“{value}”不是数字，按空值读取',
    en: '{file}, line {line}: {field} "{value}" is not a number and was read as empty',
  },
  TXT_PARCEL_NO_POINTS: {
    zh: '{file} 第 {line} 行：地块 {parcel} 没有坐标点',
    en: '{file}, line {line}: parcel {parcel} has no points',
  },
  TXT_GEOMETRY_KIND_UNSUPPORTED: {
    zh: '{file} 第 {line} 行：记录图形属性为“{kind}”，只支持“面”',
    en: '{file}, line {line}: the geometry kind (记录图形属性) is "{kind}"; only "面" (polygon) is supported',
  },
  TXT_RING_TOO_FEW_POINTS: {
    zh: '{file} 第 {line} 行：地块 {parcel} 的第 {ring} 圈只有 {count} 个不同的点，至少需要 3 个',
    en: '{file}, line {line}: ring {ring} of parcel {parcel} has {count} distinct points; a ring needs at least 3',
  },
  TXT_RING_NOT_CLOSED: {
    zh: '{file} 第 {line} 行：地块 {parcel} 的第 {ring} 圈末点未重复首点，已自动闭合',
    en: '{file}, line {line}: ring {ring} of parcel {parcel} does not end with its first point; it was closed',
  },
  TXT_RING_SELF_INTERSECTS: {
    zh: '{file} 第 {line} 行：地块 {parcel} 的第 {ring} 圈自相交（在 X={y}, Y={x} 附近），请修正界址点顺序',
    en: '{file}, line {line}: ring {ring} of parcel {parcel} crosses itself (near X={y}, Y={x}); fix the order of its points',
  },
  TXT_CRS_UNKNOWN: {
    zh: '{file}：[属性描述] 中的 {key}“{value}”无法确定坐标系；请用 --crs 指定',
    en: '{file}: {key} "{value}" in [属性描述] does not tell the coordinate system; give it with --crs',
  },

  // coordinate text file, writing
  TXT_WRITE_CRS: {
    zh: '坐标文件只能写高斯-克吕格分带坐标（国家 2000、西安 80、北京 54），而图层坐标系是 {name}；请先投影到所在分带',
    en: 'A coordinate file holds Gauss-Kruger zone coordinates (CGCS2000, Xian 1980, Beijing 1954), but the layer is in {name}; reproject it to its zone first',
  },
  TXT_WRITE_FIELD_SEPARATOR: {
    zh: '第 {record} 个地块的 {field}“{value}”含逗号或换行，会破坏坐标文件格式；请修改该值',
    en: 'Parcel {record}: {field} "{value}" holds a comma or line break, which would break the file; change the value',
  },
  TXT_WRITE_BAD_HEADER: {
    zh: '[属性描述] 的 {key}“{value}”无法写入（转换参数须为 7 个逗号分隔的值，键值不能含换行）',
    en: 'The [属性描述] entry {key} "{value}" cannot be written (转换参数 needs 7 comma-separated values; no line breaks)',
  },
  TXT_WRITE_UNENCODABLE: {
    zh: '坐标文件含 {encoding} 无法表示的字符“{char}”；请改用 UTF-8 导出或修改该值',
    en: 'The file would hold the character "{char}", which {encoding} cannot encode; export as UTF-8 or change the value',
  },
  TXT_WRITE_GEOMETRY: {
    zh: '第 {record} 个地块的几何（{type}）无法写入坐标文件，需要面',
    en: 'Parcel {record}: its geometry ({type}) cannot be written; a polygon is needed',
  },
  TXT_WRITE_BAD_AREA: {
    zh: '第 {record} 个地块的面积“{value}”无效',
    en: 'Parcel {record}: the area "{value}" is not valid',
  },
} satisfies Record<string, Message>;
