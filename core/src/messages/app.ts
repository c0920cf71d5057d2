import type { Message } from './index';

/** Messages of the workspace's host calls (file browser, upload, project state). */
export const appMessages = {
  NO_PROJECT_OPEN: {
    zh: '没有打开的项目',
    en: 'No project is open',
  },
  FS_NOT_A_DIRECTORY: {
    zh: '无法列出文件夹 {path}：{reason}',
    en: 'Cannot list the folder {path}: {reason}',
  },
  FS_FILE_NOT_FOUND: {
    zh: '找不到文件 {path}',
    en: 'File not found: {path}',
  },
  UPLOAD_TOO_LARGE: {
    zh: '上传的文件 {name} 超过 {limit} 字节的上限',
    en: 'The uploaded file {name} exceeds the limit of {limit} bytes',
  },
  REDLINE_NO_POLYGON: {
    zh: '文件 {file} 中没有面要素，无法作为红线',
    en: 'The file {file} holds no polygon to use as a red line',
  },
  // reports: exports of runs, layers, maps and batch workbooks from the app
  EXPORT_TARGET_IS_PROJECT: {
    zh: '不能导出到 {path}：这是当前打开的项目文件，请另选文件名',
    en: 'Cannot export to {path}: it is the open project file; choose another name',
  },
  RUN_NOT_SUCCEEDED: {
    zh: '核算记录 {id} 没有结果（状态：{status}），无法导出',
    en: 'Run {id} has no result (status: {status}), so there is nothing to export',
  },
  REPORT_MAP_TOO_MANY_PARCELS: {
    zh: '当前视图中图层 {layer} 的图斑超过 {limit} 个，请放大后再导出地图',
    en: 'The view shows more than {limit} parcels of layer {layer}; zoom in before exporting the map',
  },
  BATCH_EMPTY: {
    zh: '没有可批量核算的红线',
    en: 'There are no red lines to account in a batch',
  },
  BATCH_TOO_MANY: {
    zh: '批量核算有 {count} 条红线，超过上限 {limit} 条',
    en: 'The batch has {count} red lines, more than the limit of {limit}',
  },
  BATCH_FOLDER_EMPTY: {
    zh: '文件夹 {folder} 中没有坐标文本文件（.txt）',
    en: 'The folder {folder} holds no coordinate text files (.txt)',
  },
} satisfies Record<string, Message>;
