import type { Message } from './index';

/**
 * Messages of the io domain (core/src/io/): shapefile, DBF, zip, text encodings. Record numbers in messages are
 * 1-based, as users count them ("record 1" is the first record, feature id 0).
 */
export const ioMessages = {
  // .shp / .shx
  SHP_TOO_SHORT: {
    zh: '{file} 不是完整的 shapefile：文件只有 {size} 字节，连 100 字节的文件头都不够（文件为空或复制不完整）',
    en: '{file} is not a complete shapefile: it has {size} bytes, less than the 100-byte header (empty or not fully copied)',
  },
  SHP_NOT_SHAPEFILE: {
    zh: '{file} 不是 shapefile（文件标识为 {fileCode}，应为 9994）',
    en: '{file} is not a shapefile (file code {fileCode}, expected 9994)',
  },
  SHP_MULTIPATCH_UNSUPPORTED: {
    zh: '{file} 是多面体（MultiPatch）shapefile，不支持读取；请先转换为面（Polygon）图层',
    en: '{file} is a MultiPatch shapefile, which is not supported; convert it to a Polygon layer first',
  },
  SHP_SHAPE_TYPE_UNKNOWN: {
    zh: '{file} 的几何类型代码 {shapeType} 无法识别',
    en: '{file} has an unknown shape type {shapeType}',
  },
  SHP_TRUNCATED: {
    zh: '{file} 不完整：文件头声明 {expectedBytes} 字节，实际只有 {size} 字节（可能复制或下载中断）',
    en: '{file} is truncated: its header declares {expectedBytes} bytes but the file has {size} (an interrupted copy or download?)',
  },
  SHP_BAD_LENGTH: {
    zh: '{file} 的文件头损坏：声明的文件长度 {declaredBytes} 字节小于文件头本身',
    en: '{file} has a damaged header: the declared length of {declaredBytes} bytes is shorter than the header itself',
  },
  SHP_RECORD_TRUNCATED: {
    zh: '{file} 第 {record} 条记录不完整：从第 {offset} 字节起需要 {needed} 字节，只剩 {available} 字节',
    en: '{file}, record {record}: the record needs {needed} bytes from byte {offset} but only {available} remain (truncated file)',
  },
  SHP_RECORD_TOO_SHORT: {
    zh: '{file} 第 {record} 条记录长度只有 {bytes} 字节，至少需要 {needed} 字节',
    en: '{file}, record {record}: the record is {bytes} bytes long, at least {needed} are needed',
  },
  SHP_RECORD_WRONG_TYPE: {
    zh: '{file} 第 {record} 条记录的几何类型为 {found}，与图层类型 {expected} 不符',
    en: '{file}, record {record}: shape type {found} in a layer of shape type {expected}',
  },
  SHP_RECORD_BAD_COUNTS: {
    zh: '{file} 第 {record} 条记录损坏：声明 {parts} 个部件、{points} 个顶点，需要 {needed} 字节，记录只有 {bytes} 字节',
    en: '{file}, record {record} is damaged: {parts} parts and {points} points need {needed} bytes, the record has {bytes}',
  },
  SHP_RECORD_BAD_PARTS: {
    zh: '{file} 第 {record} 条记录损坏：第 {part} 个部件的起点 {start} 不在 0…{points} 范围内或顺序颠倒',
    en: '{file}, record {record} is damaged: part {part} starts at vertex {start}, outside 0…{points} or out of order',
  },
  SHP_NON_FINITE_COORDINATE: {
    zh: '{file} 第 {record} 条记录第 {vertex} 个顶点的坐标无效（{value}）',
    en: '{file}, record {record}: vertex {vertex} has an invalid coordinate ({value})',
  },
  SHP_VERTEX_OUTSIDE_EXTENT: {
    zh: '{file} 第 {record} 条记录第 {vertex} 个顶点 ({x}, {y}) 不在文件各记录外包框的范围（{extent}）内：文件已损坏（坐标或外包框被改写）',
    en: '{file}, record {record}: vertex {vertex} ({x}, {y}) lies outside the extent of the file\'s record boxes ({extent}): the file is damaged (a coordinate or a box was overwritten)',
  },
  SHP_DBF_COUNT_MISMATCH: {
    zh: '{shpFile} 有 {shpRecords} 条记录，而 {dbfFile} 有 {dbfRecords} 条，两者不一致（文件可能来自不同图层或已损坏）',
    en: '{shpFile} has {shpRecords} records but {dbfFile} has {dbfRecords} (files from different layers, or damaged)',
  },
  SHP_DBF_MISSING: {
    zh: '缺少属性表 {file}（{shpFile} 的属性都在其中）',
    en: 'The attribute table {file} is missing (it holds the attributes of {shpFile})',
  },
  SHP_NO_DBF: {
    zh: '没有找到 {file}：{shpFile} 只读取几何，没有属性',
    en: '{file} was not found: {shpFile} is read without attributes',
  },
  SHP_TRAILING_BYTES: {
    zh: '{file} 的文件头声明 {declaredBytes} 字节，文件实际有 {size} 字节；多余部分已忽略',
    en: '{file} declares {declaredBytes} bytes but has {size}; the extra bytes were ignored',
  },
  SHX_IGNORED: {
    zh: '索引文件 {file} 与 .shp 不一致，已忽略，改为顺序读取 .shp（{reason}）',
    en: 'The index {file} does not match the .shp and was ignored; the .shp was read in sequence instead ({reason})',
  },
  SHP_DEGENERATE_RINGS: {
    zh: '{file} 中有 {count} 条记录含少于 4 个顶点的环（如第 {records} 条），这些环已忽略',
    en: '{file}: {count} records have rings of fewer than 4 vertices (e.g. record {records}); those rings were left out',
  },

  // .dbf
  DBF_TOO_SHORT: {
    zh: '{file} 不是完整的 DBF 属性表：只有 {size} 字节（文件为空或复制不完整）',
    en: '{file} is not a complete DBF table: it has only {size} bytes (empty or not fully copied)',
  },
  DBF_BAD_HEADER_LENGTH: {
    zh: '{file} 的表头损坏：声明表头长 {headerLength} 字节，文件大小 {size} 字节',
    en: '{file} has a damaged header: a header length of {headerLength} bytes in a file of {size} bytes',
  },
  DBF_BAD_RECORD_LENGTH: {
    zh: '{file} 的表头损坏：记录长度为 {recordLength}',
    en: '{file} has a damaged header: record length {recordLength}',
  },
  DBF_NO_TERMINATOR: {
    zh: '{file} 的表头损坏：在声明的表头长度 {headerLength} 字节内找不到字段定义的结束标记',
    en: '{file} has a damaged header: the field list does not end within the declared header length of {headerLength} bytes',
  },
  DBF_FIELD_WIDTH_ZERO: {
    zh: '{file} 的字段 {field} 宽度为 0，表头已损坏',
    en: '{file}: field {field} has width 0 (damaged header)',
  },
  DBF_FIELD_OVERFLOW: {
    zh: '{file} 的表头损坏：字段（至 {field}）共需 {fieldEnd} 字节，超过记录长度 {recordLength}',
    en: '{file} has a damaged header: the fields (up to {field}) need {fieldEnd} bytes, more than the record length of {recordLength}',
  },
  DBF_TRUNCATED: {
    zh: '{file} 不完整：表头声明 {records} 条记录（{expectedBytes} 字节），文件只有 {size} 字节，约可容纳 {available} 条',
    en: '{file} is truncated: its header declares {records} records ({expectedBytes} bytes) but the file has {size} bytes, room for about {available}',
  },
  DBF_FIELDS_IGNORED: {
    zh: '{file} 中的备注（Memo）等字段不支持读取，已忽略：{fields}',
    en: '{file}: memo and other unsupported fields were left out: {fields}',
  },
  DBF_FIELD_TYPE_UNKNOWN: {
    zh: '{file} 的字段 {field} 类型为未知的“{type}”，按文本读取',
    en: '{file}: field {field} has an unknown type "{type}" and is read as text',
  },
  DBF_BAD_NUMBER: {
    zh: '{file} 的字段 {field} 有 {count} 个值不是有效数字（如第 {record} 条记录的“{value}”），已作为空值',
    en: '{file}: {count} values of field {field} are not valid numbers (e.g. "{value}" in record {record}); read as null',
  },
  DBF_BAD_DATE: {
    zh: '{file} 的字段 {field} 有 {count} 个值不是有效日期（如第 {record} 条记录的“{value}”），已作为空值',
    en: '{file}: {count} values of field {field} are not valid dates (e.g. "{value}" in record {record}); read as null',
  },

  // text encodings
  ENCODING_UNKNOWN: {
    zh: '无法识别编码“{name}”（可用：GBK、GB18030、UTF-8、Big5、936、65001、1252 等）',
    en: 'Unknown encoding "{name}" (use e.g. GBK, GB18030, UTF-8, Big5, 936, 65001, 1252)',
  },
  ENCODING_CPG_UNKNOWN: {
    zh: '{file} 的 .cpg 编码声明“{cpg}”无法识别，改用其他方式判断编码',
    en: 'The .cpg of {file} names an unknown encoding "{cpg}"; the encoding was decided otherwise',
  },
  ENCODING_LDID_UNSUPPORTED: {
    zh: '{file} 的语言驱动标识 {ldid} 所指编码无法解码，改为根据内容判断编码',
    en: 'The language driver ID {ldid} of {file} names an encoding that cannot be decoded; the encoding was detected from the text',
  },
  ENCODING_DECLARED_WRONG: {
    zh: '{file} 的 {declaredBy} 声明编码为 {declared}，但文字内容是 {used}，已按 {used} 读取（可在导入时指定编码）',
    en: '{file}: its {declaredBy} declares {declared} but the text is {used}; read as {used} (you can choose the encoding when importing)',
  },
  ENCODING_MIXED: {
    zh: '{file} 的文字混用了两种编码：已按 {used} 读取，但其中 {count} 个值是 UTF-8 编码，这些值会显示为乱码；请在 GIS 中统一编码后重新导入',
    en: '{file} mixes two text encodings: it was read as {used}, but {count} values are in UTF-8 and will show garbled; convert the table to one encoding in a GIS and import it again',
  },
  ENCODING_UNCERTAIN: {
    zh: '{file} 没有声明编码，且内容既不是有效的 UTF-8 也不是有效的 GB18030；已按 {used} 读取，部分文字可能是乱码',
    en: '{file} declares no encoding and its text is neither valid UTF-8 nor GB18030; read as {used}, some text may be garbled',
  },

  // zip
  ZIP_NOT_ZIP: {
    zh: '{file} 不是 zip 压缩文件',
    en: '{file} is not a zip file',
  },
  ZIP_DAMAGED: {
    zh: '压缩文件 {file} 已损坏（{reason}）',
    en: 'The zip file {file} is damaged ({reason})',
  },
  ZIP_TOO_MANY_ENTRIES: {
    zh: '压缩文件 {file} 含 {count} 个文件，超过上限 {limit}',
    en: 'The zip file {file} lists {count} entries, more than the limit of {limit}',
  },
  ZIP_UNSAFE_PATH: {
    zh: '压缩文件 {file} 含不安全的路径“{entry}”（绝对路径或“..”），拒绝读取',
    en: 'The zip file {file} holds an unsafe path "{entry}" (absolute or with ".."); it was refused',
  },
  ZIP_NO_SHAPEFILE: {
    zh: '压缩文件 {file} 中没有 shapefile（.shp）',
    en: 'The zip file {file} holds no shapefile (.shp)',
  },
  ZIP_SEVERAL_LAYERS: {
    zh: '压缩文件 {file} 中有多个 shapefile，请选择一个：{layers}',
    en: 'The zip file {file} holds several shapefiles; choose one: {layers}',
  },
  ZIP_LAYER_NOT_FOUND: {
    zh: '压缩文件 {file} 中没有图层“{layer}”（现有：{layers}）',
    en: 'The zip file {file} has no layer "{layer}" (it has: {layers})',
  },
  ZIP_ENTRY_TOO_LARGE: {
    zh: '压缩文件 {file} 中的 {entry} 解压后 {size} 字节，超过上限 {limit}',
    en: 'In the zip file {file}, {entry} would inflate to {size} bytes, more than the limit of {limit}',
  },
  ZIP_TOTAL_TOO_LARGE: {
    zh: '压缩文件 {file} 中所选图层解压后共 {size} 字节，超过上限 {limit}',
    en: 'The chosen layer of the zip file {file} would inflate to {size} bytes in all, more than the limit of {limit}',
  },
  ZIP_ENCRYPTED: {
    zh: '压缩文件 {file} 中的 {entry} 已加密，无法读取',
    en: 'In the zip file {file}, {entry} is encrypted and cannot be read',
  },
  ZIP_UNSUPPORTED_METHOD: {
    zh: '压缩文件 {file} 中的 {entry} 使用了不支持的压缩方式（{method}）；请用普通 zip（Deflate）重新压缩',
    en: 'In the zip file {file}, {entry} uses an unsupported compression method ({method}); re-zip it with plain Deflate',
  },
  ZIP_SIZE_MISMATCH: {
    zh: '压缩文件 {file} 中的 {entry} 解压后的大小与声明的 {declared} 字节不符（文件损坏或为“压缩炸弹”），已停止解压',
    en: 'In the zip file {file}, {entry} does not inflate to its declared {declared} bytes (damaged, or a zip bomb); inflating was stopped',
  },
  ZIP_CRC_MISMATCH: {
    zh: '压缩文件 {file} 中的 {entry} 校验失败（CRC 不符），文件已损坏',
    en: 'In the zip file {file}, {entry} fails its CRC check: the file is damaged',
  },

  // writing
  DBF_WRITE_UNENCODABLE: {
    zh: '字段 {field} 第 {record} 条记录的值“{value}”含有 {encoding} 无法表示的字符“{char}”；请改用 UTF-8 导出或修改该值',
    en: 'Field {field}, record {record}: the value "{value}" has the character "{char}", which {encoding} cannot hold; export as UTF-8 or change the value',
  },
  DBF_WRITE_NAME_UNENCODABLE: {
    zh: '字段名“{name}”含有 {encoding} 无法表示的字符“{char}”',
    en: 'The field name "{name}" has the character "{char}", which {encoding} cannot hold',
  },
  DBF_WRITE_NAMES_CLASH: {
    zh: '字段名“{name}”截短到 10 字节后与其他字段重名过多，无法生成唯一名称',
    en: 'The field name "{name}", cut to 10 bytes, clashes with too many others to be made unique',
  },
  DBF_WRITE_VALUE_TYPE: {
    zh: '字段 {field}（{type}）第 {record} 条记录的值“{value}”类型不符',
    en: 'Field {field} ({type}), record {record}: the value "{value}" has the wrong type',
  },
  DBF_WRITE_NOT_INTEGER: {
    zh: '整数字段 {field} 第 {record} 条记录的值 {value} 不是整数',
    en: 'Integer field {field}, record {record}: the value {value} is not an integer',
  },
  DBF_WRITE_NUMBER_TOO_WIDE: {
    zh: '字段 {field} 第 {record} 条记录的数值 {value} 无法写入 DBF（过大或不是有限数）',
    en: 'Field {field}, record {record}: the number {value} cannot be written to a DBF (too large or not finite)',
  },
  DBF_WRITE_BAD_DATE: {
    zh: '日期字段 {field} 第 {record} 条记录的值“{value}”不是 YYYY-MM-DD 格式',
    en: 'Date field {field}, record {record}: the value "{value}" is not a YYYY-MM-DD date',
  },
  DBF_WRITE_TOO_MANY_FIELDS: {
    zh: '字段数 {count} 超过 DBF 上限 {limit}',
    en: '{count} fields exceed the DBF limit of {limit}',
  },
  DBF_WRITE_RECORD_TOO_LONG: {
    zh: '每条记录需 {bytes} 字节，超过 DBF 上限 {limit}',
    en: 'A record would need {bytes} bytes, more than the DBF limit of {limit}',
  },
  DBF_WRITE_VALUE_TRUNCATED: {
    zh: '字段 {field} 第 {record} 条记录的文字超过 {bytes} 字节，已在字符边界处截断',
    en: 'Field {field}, record {record}: the text was longer than {bytes} bytes and was cut between characters',
  },
  SHP_WRITE_GEOMETRY_TYPE: {
    zh: '第 {record} 条记录的几何类型 {found} 无法写入 {expected} 图层',
    en: 'Record {record}: a {found} cannot be written to a {expected} layer',
  },
  SHP_WRITE_NON_FINITE: {
    zh: '第 {record} 条记录含无效坐标（NaN 或无穷大），无法写入 shapefile',
    en: 'Record {record} has invalid coordinates (NaN or infinite) and cannot be written to a shapefile',
  },
  SHP_WRITE_TOO_LARGE: {
    zh: 'shapefile 将有 {bytes} 字节，超过格式上限 {limit}；请分成多个图层导出或改用 GeoPackage',
    en: 'The shapefile would be {bytes} bytes, past the format limit of {limit}; export in parts or as GeoPackage',
  },
} satisfies Record<string, Message>;
