import type { Message } from './index';

/** Messages of the raster domain (core/src/raster/, core/src/io/geotiff/): errors and opening warnings. */
export const rasterMessages = {
  // The TIFF container
  TIFF_NOT_TIFF: {
    zh: '{file} 不是 TIFF/GeoTIFF 文件（文件头为 {header}）',
    en: '{file} is not a TIFF/GeoTIFF file (it starts with {header})',
  },
  TIFF_TRUNCATED: {
    zh: '{file} 不完整：{what} 位于字节 {offset}–{end}，但文件只有 {size} 字节（文件可能未下载或复制完整）',
    en: '{file} is truncated: {what} lies at bytes {offset}–{end} but the file has only {size} bytes (was it copied or downloaded completely?)',
  },
  TIFF_BAD_IFD_OFFSET: {
    zh: '{file} 已损坏：图像文件目录（IFD）的偏移 {offset} 不在文件内（文件 {size} 字节）',
    en: '{file} is damaged: the image file directory (IFD) offset {offset} is outside the file ({size} bytes)',
  },
  TIFF_IFD_LOOP: {
    zh: '{file} 已损坏：图像文件目录（IFD）链在偏移 {offset} 处形成循环',
    en: '{file} is damaged: its chain of image file directories (IFDs) loops back to offset {offset}',
  },
  TIFF_IFD_CHAIN_BROKEN: {
    zh: '{file} 的第 {index} 个图像文件目录（IFD）偏移 {offset} 无效，已忽略其后的目录（概视图或掩膜），主图像仍可读取',
    en: 'The image file directory (IFD) number {index} of {file} points to an invalid offset {offset}; the directories after it (overviews or masks) are ignored, the main image is still read',
  },
  TIFF_TAG_MISSING: {
    zh: '{file} 缺少必需的 TIFF 标签 {tag}',
    en: '{file} lacks the required TIFF tag {tag}',
  },
  TIFF_TAG_INVALID: {
    zh: '{file} 的 TIFF 标签 {tag} 无效：{reason}',
    en: 'The TIFF tag {tag} of {file} is invalid: {reason}',
  },
  TIFF_COMPRESSION_UNSUPPORTED: {
    zh: '{file} 使用的压缩方式 {compression} 不受支持。请先转换，例如：gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=2 输入.tif 输出.tif',
    en: '{file} uses the compression {compression}, which is not supported. Convert it first, e.g. gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=2 in.tif out.tif',
  },
  TIFF_SAMPLE_FORMAT_UNSUPPORTED: {
    zh: '{file} 的像元类型不受支持：{format}，每样本 {bits} 位（支持 Byte、Int8、UInt16、Int16、UInt32、Int32、Float32、Float64）',
    en: 'The pixel type of {file} is not supported: {format}, {bits} bits per sample (supported: Byte, Int8, UInt16, Int16, UInt32, Int32, Float32, Float64)',
  },
  TIFF_BLOCK_CORRUPT: {
    zh: '{file} 的第 {block} 个数据块无法解码（压缩方式 {compression}）：{reason}',
    en: 'Data block {block} of {file} cannot be decoded ({compression} compression): {reason}',
  },

  // The raster
  RASTER_TOO_LARGE: {
    zh: '{file} 的尺寸 {width}×{height}（{bands} 个波段）超出支持范围',
    en: 'The size of {file}, {width}×{height} with {bands} bands, is beyond what is supported',
  },
  RASTER_BAND_OUT_OF_RANGE: {
    zh: '{file} 没有第 {band} 波段（共 {bands} 个波段）',
    en: '{file} has no band {band} (it has {bands} bands)',
  },
  RASTER_WINDOW_TOO_LARGE: {
    zh: '从 {file} 读取 {width}×{height} 像元的窗口需要 {bytes} 字节内存，超过上限 {limit} 字节',
    en: 'Reading a {width}×{height} window of {file} needs {bytes} bytes of memory, above the limit of {limit} bytes',
  },
  RASTER_NOT_GEOREFERENCED: {
    zh: '{file} 没有地理参考（缺少像元大小与原点，或只有控制点），无法与图斑叠加',
    en: '{file} is not georeferenced (no pixel size and origin, or ground control points only), so it cannot be overlaid on parcels',
  },
  RASTER_NO_GEOTRANSFORM: {
    zh: '{file} 没有仿射地理参考（缺少像元大小与原点，或只有控制点）',
    en: '{file} has no affine georeferencing (no pixel size and origin, or ground control points only)',
  },
  RASTER_ROTATED_UNSUPPORTED: {
    zh: '{file} 的栅格是旋转的（地理变换含旋转项），{operation} 需要正北朝上的栅格。请先用 gdalwarp 重采样',
    en: '{file} is a rotated grid (its geotransform has rotation terms); {operation} needs a north-up grid. Resample it with gdalwarp first',
  },
  RASTER_CRS_MISSING: {
    zh: '{file} 没有坐标参考系信息（GeoKeys），将按与图斑相同的坐标系处理',
    en: '{file} carries no coordinate reference system (GeoKeys); it is taken to be in the parcels\' CRS',
  },
  RASTER_CRS_UNKNOWN_EPSG: {
    zh: '{file} 的坐标系 EPSG:{epsg} 不在本软件支持的坐标系中，请用 gdalwarp 转换到 CGCS2000 高斯-克吕格投影',
    en: 'The CRS of {file}, EPSG:{epsg}, is not one this software knows; reproject it to a CGCS2000 Gauss-Kruger CRS with gdalwarp',
  },
  RASTER_CRS_UNSUPPORTED: {
    zh: '{file} 的坐标系无法识别：{reason}',
    en: 'The CRS of {file} cannot be interpreted: {reason}',
  },
  RASTER_CRS_NOT_WRITABLE: {
    zh: '坐标系 {name} 既无 EPSG 代码也不是横轴墨卡托投影，无法写入 GeoTIFF',
    en: 'The CRS {name} has neither an EPSG code nor transverse Mercator parameters, so it cannot be written to a GeoTIFF',
  },
  RASTER_WRITE_TOO_LARGE: {
    zh: '要写出的 GeoTIFF 约 {bytes} 字节，超过上限 {limit} 字节',
    en: 'The GeoTIFF to write would take about {bytes} bytes, above the limit of {limit} bytes',
  },

  // Terrain
  TERRAIN_NOT_PROJECTED: {
    zh: 'DEM {file} 必须使用以米为单位的投影坐标系，才能计算坡度、汇流和坡长坡度因子（当前：{crs}）',
    en: 'The DEM {file} must be in a projected CRS in metres to compute slope, flow and the LS factor (it is in {crs})',
  },
  TERRAIN_CELLS_NOT_SQUARE: {
    zh: 'DEM {file} 的像元不是正方形（{dx} × {dy}），坡长因子要求正方形像元。请用 gdalwarp -tr 重采样',
    en: 'The cells of the DEM {file} are not square ({dx} × {dy}); the LS factor needs square cells. Resample with gdalwarp -tr',
  },
  TERRAIN_TOO_LARGE: {
    zh: 'DEM 窗口 {width}×{height} 超过地形计算的上限 {limit} 个像元，请先裁剪到研究区',
    en: 'The DEM window {width}×{height} exceeds the terrain limit of {limit} cells; clip it to the study zone first',
  },
} satisfies Record<string, Message>;
