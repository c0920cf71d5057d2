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
} satisfies Record<string, Message>;
