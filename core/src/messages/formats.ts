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

  // GeoJSON
  GEOJSON_TOO_LARGE: {
    zh: '{file} 有 {size} 字节，超过 GeoJSON 的上限 {limit} 字节；大图层请用 GeoPackage 或 shapefile',
    en: '{file} has {size} bytes, more than the GeoJSON limit of {limit}; use GeoPackage or a shapefile for large layers',
  },
  GEOJSON_INVALID_JSON: {
    zh: '{file} 不是有效的 JSON（{reason}）',
    en: '{file} is not valid JSON ({reason})',
  },
  GEOJSON_BAD_STRUCTURE: {
    zh: '{file} 不是有效的 GeoJSON：{path} 处 {reason}',
    en: '{file} is not valid GeoJSON: at {path}, {reason}',
  },
  GEOJSON_UNSUPPORTED_GEOMETRY: {
    zh: '{file}：{path} 处的几何类型 {type} 不支持；请拆分为点、线或面',
    en: '{file}: the geometry type {type} at {path} is not supported; split it into points, lines or polygons',
  },
  GEOJSON_BAD_COORDINATE: {
    zh: '{file}：{path} 处的坐标“{value}”无效（应为 2–3 个有限数字）',
    en: '{file}: the coordinate "{value}" at {path} is invalid (2–3 finite numbers expected)',
  },
  GEOJSON_BAD_GEOMETRY: {
    zh: '{file}：{path} 处的几何无效（{reason}）',
    en: '{file}: invalid geometry at {path} ({reason})',
  },
  GEOJSON_WRITE_NO_EPSG: {
    zh: '无法写出 GeoJSON：坐标系 {name} 没有 EPSG 代码，无法在文件中注明；请先投影到有 EPSG 代码的坐标系（如 WGS 84）',
    en: 'Cannot write GeoJSON: the CRS {name} has no EPSG code to name it by; reproject to a CRS with one (e.g. WGS 84) first',
  },
  VECTOR_GEOMETRY_MIXED: {
    zh: '{file} 混有多种几何：只读取了 {kept} 要素，略去了 {polygons} 个面、{lines} 条线、{points} 个点',
    en: '{file} mixes geometry kinds: only the {kept} features were read; {polygons} polygons, {lines} lines and {points} points were left out',
  },

  // KML
  KML_TOO_LARGE: {
    zh: '{file} 有 {size} 字节，超过 KML 的上限 {limit} 字节',
    en: '{file} has {size} bytes, more than the KML limit of {limit}',
  },
  KML_MALFORMED: {
    zh: '{file} 第 {line} 行：XML 格式错误（{reason}）',
    en: '{file}, line {line}: malformed XML ({reason})',
  },
  KML_NOT_KML: {
    zh: '{file} 不是 KML 文件（根元素是 <{root}>，应为 <kml>）',
    en: '{file} is not KML (its root element is <{root}>, not <kml>)',
  },
  KML_BAD_COORDINATES: {
    zh: '{file} 第 {line} 行：坐标“{value}”不是“经度,纬度[,高程]”',
    en: '{file}, line {line}: the coordinates "{value}" are not "longitude,latitude[,altitude]"',
  },
  KML_BAD_GEOMETRY: {
    zh: '{file} 第 {line} 行：几何无效（{reason}）',
    en: '{file}, line {line}: invalid geometry ({reason})',
  },
  KML_MULTIGEOMETRY_MIXED: {
    zh: '{file}：有地标的 MultiGeometry 混合了面与线或点，只保留了面（略去 {count} 个部件）',
    en: '{file}: MultiGeometry placemarks mixing polygons with lines or points kept their polygons ({count} parts left out)',
  },
  KML_GEOMETRY_IGNORED: {
    zh: '{file}：{count} 个 gx:Track / Model 等几何不受支持，已忽略',
    en: '{file}: {count} gx:Track, Model or similar geometries are not supported and were ignored',
  },

  // 三调 DLTB checks
  DLTB_FIELD_MISSING: {
    zh: '地类图斑图层缺少必需字段 {field}',
    en: 'The DLTB layer lacks the required field {field}',
  },
  DLTB_FIELD_ABSENT: {
    zh: '地类图斑图层没有字段 {field}（相关检查已跳过）',
    en: 'The DLTB layer has no field {field} (the checks that need it were skipped)',
  },
  DLTB_DLBM_EMPTY: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类编码为空',
    en: 'Patch {record} (BSM {bsm}) has an empty land-class code (DLBM)',
  },
  DLTB_UNKNOWN_CODE: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类编码“{dlbm}”不在三调工作分类中',
    en: 'Patch {record} (BSM {bsm}): the land-class code "{dlbm}" is not in the 三调 classification',
  },
  DLTB_SUFFIX_UNDEFINED: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类编码“{dlbm}”：{base} 没有这个后缀的细分类',
    en: 'Patch {record} (BSM {bsm}): "{dlbm}" — the class {base} has no sub-class with that suffix',
  },
  DLTB_LEVEL1_CODE: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类编码“{dlbm}”是一级类，图斑应填二级类',
    en: 'Patch {record} (BSM {bsm}): "{dlbm}" is a level-1 class; a patch needs its level-2 code',
  },
  DLTB_LEGACY_CODE: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类编码“{dlbm}”是二调的三位编码',
    en: 'Patch {record} (BSM {bsm}): "{dlbm}" is a 3-digit code of the second survey (二调)',
  },
  DLTB_NAME_MISMATCH: {
    zh: '第 {record} 个图斑（BSM {bsm}）：地类名称“{dlmc}”与地类编码 {dlbm}（{expected}）不符',
    en: 'Patch {record} (BSM {bsm}): the land-class name "{dlmc}" does not match code {dlbm} ({expected})',
  },
  DLTB_TBMJ_INVALID: {
    zh: '第 {record} 个图斑（BSM {bsm}）的图斑面积“{value}”不是正数',
    en: 'Patch {record} (BSM {bsm}): the patch area TBMJ "{value}" is not a positive number',
  },
  DLTB_KCXS_RANGE: {
    zh: '第 {record} 个图斑（BSM {bsm}）的扣除地类系数“{kcxs}”不在 0 到 1 之间',
    en: 'Patch {record} (BSM {bsm}): the deduction coefficient KCXS "{kcxs}" is not between 0 and 1',
  },
  DLTB_KCMJ_MISMATCH: {
    zh: '第 {record} 个图斑（BSM {bsm}）：扣除地类面积 {kcmj} 应为 图斑面积 {tbmj} × 系数 {kcxs} = {expected}',
    en: 'Patch {record} (BSM {bsm}): KCMJ {kcmj} should be TBMJ {tbmj} × KCXS {kcxs} = {expected}',
  },
  DLTB_TBDLMJ_MISMATCH: {
    zh: '第 {record} 个图斑（BSM {bsm}）：图斑地类面积 {tbdlmj} 应为 图斑面积 {tbmj} − 扣除面积 {kcmj} = {expected}',
    en: 'Patch {record} (BSM {bsm}): TBDLMJ {tbdlmj} should be TBMJ {tbmj} − KCMJ {kcmj} = {expected}',
  },
  DLTB_GDPDJB_MISSING: {
    zh: '第 {record} 个图斑（BSM {bsm}）是耕地（{dlbm}），耕地坡度级别“{gdpdjb}”应为 1–5',
    en: 'Patch {record} (BSM {bsm}) is cultivated land ({dlbm}); its slope grade GDPDJB "{gdpdjb}" should be 1–5',
  },
  DLTB_ZZSXDM_INVALID: {
    zh: '第 {record} 个图斑（BSM {bsm}）是耕地（{dlbm}），种植属性代码“{zzsxdm}”应为 LS、FLS、LYFL、XG、LLJZ 或 WG',
    en: 'Patch {record} (BSM {bsm}) is cultivated land ({dlbm}); its planting attribute ZZSXDM "{zzsxdm}" should be LS, FLS, LYFL, XG, LLJZ or WG',
  },
  DLTB_GDLX_MISSING: {
    zh: '第 {record} 个图斑（BSM {bsm}）的坡度级别为 {gdpdjb}，耕地类型（TT/PD）不应为空',
    en: 'Patch {record} (BSM {bsm}) has slope grade {gdpdjb}; its cultivated-land type GDLX (TT/PD) should not be empty',
  },
  DLTB_TERRACE_DEDUCTION: {
    zh: '第 {record} 个图斑（BSM {bsm}）是梯田（TT），应有大于 0 的扣除地类系数（现为“{kcxs}”）且扣除地类编码为 1203（现为“{kcdlbm}”）',
    en: 'Patch {record} (BSM {bsm}) is terraced (TT): KCXS should be above 0 (it is "{kcxs}") and KCDLBM 1203 (it is "{kcdlbm}")',
  },
  DLTB_KCDLBM_INCONSISTENT: {
    zh: '第 {record} 个图斑（BSM {bsm}）：扣除地类系数 {kcxs} 与扣除地类编码“{kcdlbm}”不一致（有系数就应有编码，反之亦然）',
    en: 'Patch {record} (BSM {bsm}): KCXS {kcxs} and KCDLBM "{kcdlbm}" disagree (a coefficient needs a code and vice versa)',
  },
  DLTB_CZCSXM_MISSING: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类 {dlbm} 应填城镇村属性码',
    en: 'Patch {record} (BSM {bsm}): land class {dlbm} needs a 城镇村属性码 (CZCSXM)',
  },
  DLTB_CZCSXM_INVALID: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类 {dlbm} 的城镇村属性码“{czcsxm}”应为 201–205',
    en: 'Patch {record} (BSM {bsm}): land class {dlbm} needs CZCSXM 201–205, not "{czcsxm}"',
  },
  DLTB_XZDWKD_MISSING: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类 {dlbm} 是线状地物，应填线状地物宽度',
    en: 'Patch {record} (BSM {bsm}): land class {dlbm} is linear and needs its width XZDWKD',
  },
  DLTB_XZDWKD_UNEXPECTED: {
    zh: '第 {record} 个图斑（BSM {bsm}）的地类 {dlbm} 不是线状地物，却填了线状地物宽度 {xzdwkd}',
    en: 'Patch {record} (BSM {bsm}): land class {dlbm} is not linear but has a width XZDWKD of {xzdwkd}',
  },
} satisfies Record<string, Message>;
