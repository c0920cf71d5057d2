import type { Message } from './index';

/** Messages of the host services shared by the app and the `vep` command (electron/host/services/). */
export const hostMessages = {
  JOB_OUT_OF_MEMORY: {
    zh: '任务“{job}”所需内存超过上限 {limitMb} MB，已停止；项目未受影响。请缩小范围（如裁剪图层或栅格）后重试',
    en: 'The {job} task needed more than its memory limit of {limitMb} MB and was stopped; the project is unaffected. Narrow it (clip the layer or rasters) and try again',
  },
  FILE_FORMAT_UNKNOWN: {
    zh: '{file}：不认识的文件格式（支持矢量 {vectors}，栅格 .tif .tiff）',
    en: '{file}: not a format VEP Studio reads (vectors: {vectors}; rasters: .tif .tiff)',
  },
  FILE_NOT_FOUND: {
    zh: '找不到文件 {file}',
    en: 'File not found: {file}',
  },
  FILE_UNREADABLE: {
    zh: '无法读取 {file}：{reason}',
    en: 'Cannot read {file}: {reason}',
  },
  LAYER_NO_CRS: {
    zh: '{file} 没有坐标系信息，请用 --crs EPSG:NNNN 指定',
    en: '{file} has no coordinate reference system; give one with --crs EPSG:NNNN',
  },
  LAYER_NOT_POLYGONAL: {
    zh: '{file} 不是面图层（几何类型 {type}），无法计算面积或核算',
    en: '{file} is not a polygon layer (geometry type {type}); areas and accounting need polygons',
  },
  REDLINE_FILE_EMPTY: {
    zh: '{file} 中没有红线面',
    en: '{file} holds no red-line polygon',
  },
  REDLINE_FILE_SEVERAL: {
    zh: '{file} 中有 {count} 个地块；请用 --redline-index 选择一个（从 0 开始），或用 --batch 逐个核算',
    en: '{file} holds {count} parcels; choose one with --redline-index (from 0), or account them all with --batch',
  },
  REDLINE_INDEX_OUT_OF_RANGE: {
    zh: '{file} 中没有第 {index} 个地块（共 {count} 个，从 0 开始编号）',
    en: '{file} has no parcel number {index} (it has {count}, numbered from 0)',
  },
  RASTER_NO_CRS: {
    zh: '栅格 {file} 没有坐标系信息，无法与图斑叠加',
    en: 'Raster {file} has no coordinate reference system, so it cannot be laid over the parcels',
  },
  RASTER_NO_GEOTRANSFORM: {
    zh: '栅格 {file} 没有地理参考（六参数），无法与图斑叠加',
    en: 'Raster {file} has no georeferencing (geotransform), so it cannot be laid over the parcels',
  },
  DEM_NOT_PROJECTED: {
    zh: 'DEM {file} 须在以米为单位的投影坐标系中才能计算坡度和 LS 因子（现为 {crs}）',
    en: 'DEM {file} must be in a projected CRS in metres to derive slope and LS (it is in {crs})',
  },
  DEM_WINDOW_TOO_LARGE: {
    zh: 'DEM {file} 在核算范围内有 {cells} 个像元，超过上限 {limit}；请先重采样到较粗的分辨率',
    en: 'DEM {file} has {cells} cells over the accounting area, more than the limit of {limit}; resample it to a coarser resolution first',
  },
} satisfies Record<string, Message>;
