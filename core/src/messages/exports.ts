import type { Message } from './index';

/** Messages of data exports, the appraisal workbook, the PDF report and map exports (electron/host/exports, reports). */
export const exportsMessages = {
  EXPORT_FORMAT_UNSUPPORTED: {
    zh: '无法导出为 {path}：不支持该文件类型（可用：{formats}）',
    en: 'Cannot export to {path}: unsupported file type (supported: {formats})',
  },
  EXPORT_TARGET_DIR_MISSING: {
    zh: '导出目标文件夹不存在：{path}',
    en: 'The export folder does not exist: {path}',
  },
  EXPORT_WRITE_FAILED: {
    zh: '无法写入 {path}（{reason}）；原有文件未被改动',
    en: 'Cannot write {path} ({reason}); any existing file was left as it was',
  },
  EXPORT_MIXED_GEOMETRY: {
    zh: '图层 {layer} 的第 {record} 个要素是 {found}，而 {format} 文件只能保存一种几何类型（{expected}）',
    en: 'Feature {record} of layer {layer} is a {found}, but a {format} file holds one geometry type ({expected})',
  },
  EXPORT_NO_CRS: {
    zh: '图层 {layer} 没有坐标系，无法导出为 {format}（需要转换到 WGS 84）；请先为图层指定坐标系',
    en: 'Layer {layer} has no coordinate system, so it cannot be exported as {format} (which needs WGS 84); give the layer a CRS first',
  },
  EXPORT_ONE_LAYER_ONLY: {
    zh: '{format} 文件只能保存一个图层，而要导出的有 {count} 个',
    en: 'A {format} file holds one layer, but {count} layers were given',
  },
  EXPORT_NOT_POLYGON: {
    zh: '图层 {layer} 不是面图层（{found}），无法导出为部颁坐标文本文件',
    en: 'Layer {layer} is not a polygon layer ({found}); the Ministry coordinate text file holds polygons only',
  },
  EXPORT_SAME_FILE: {
    zh: '导出目标 {path} 与源文件相同',
    en: 'The export target {path} is the source file itself',
  },
  REPORT_NO_RESULT: {
    zh: '核算记录 {id} 没有结果（状态：{status}），无法生成报告',
    en: 'Run {id} has no result (status: {status}); there is nothing to report',
  },
  REPORT_FONT_MISSING: {
    zh: '找不到报告字体文件 {path}；请重新安装 VEP Studio',
    en: 'The report font {path} is missing; please reinstall VEP Studio',
  },
  REPORT_MAP_EXTENT_INVALID: {
    zh: '地图范围无效：{extent}',
    en: 'Invalid map extent: {extent}',
  },
  REPORT_MAP_TOO_LARGE: {
    zh: '地图图片 {width} × {height} 像素超过上限 {limit} 像素；请降低 DPI 或缩小纸张',
    en: 'The map image of {width} × {height} pixels exceeds the limit of {limit} pixels; lower the DPI or the page size',
  },
  BATCH_NO_REDLINES: {
    zh: '{path} 中没有可核算的红线（面要素或坐标文本文件）',
    en: '{path} holds no red line to account (polygon features or coordinate text files)',
  },
} satisfies Record<string, Message>;
