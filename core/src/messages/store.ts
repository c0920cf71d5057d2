import type { Message } from './index';

/** Messages of the store domain: GeoPackage geometry blobs (core/src/io/gpkg-geometry.ts), the project store, imports, tiles. */
export const storeMessages = {
  GPKG_GEOMETRY_INVALID: {
    zh: 'GeoPackage 几何数据无效（{reason}）',
    en: 'Invalid GeoPackage geometry ({reason})',
  },
  GPKG_GEOMETRY_UNSUPPORTED: {
    zh: '不支持的几何类型 {type}（支持点、线、面及其多部件类型）',
    en: 'Unsupported geometry type {type} (points, lines, polygons and their multi-part types are supported)',
  },
  PROJECT_NOT_FOUND: {
    zh: '找不到项目文件 {path}',
    en: 'Project file not found: {path}',
  },
  PROJECT_EXISTS: {
    zh: '项目文件 {path} 已存在',
    en: 'A project file already exists at {path}',
  },
  PROJECT_NOT_GEOPACKAGE: {
    zh: '{path} 不是 GeoPackage 文件（{reason}）',
    en: '{path} is not a GeoPackage file ({reason})',
  },
  PROJECT_NOT_VEP: {
    zh: '{path} 是 GeoPackage，但不是 VEP Studio 项目（缺少 vep_project 表）；可将其作为图层导入',
    en: '{path} is a GeoPackage but not a VEP Studio project (no vep_project table); import it as a layer instead',
  },
  PROJECT_TOO_NEW: {
    zh: '项目 {path} 由更新版本的 VEP Studio 创建（项目结构版本 {found}，本程序支持到 {supported}），请升级软件后再打开',
    en: 'Project {path} was made by a newer VEP Studio (schema version {found}; this version reads up to {supported}); please upgrade to open it',
  },
  PROJECT_CORRUPT: {
    zh: '项目文件 {path} 已损坏（{reason}）',
    en: 'Project file {path} is damaged ({reason})',
  },
  PROJECT_LOCKED: {
    zh: '项目 {path} 正被另一个程序写入，请稍后再试',
    en: 'Project {path} is being written by another program; try again shortly',
  },
  LAYER_NOT_FOUND: {
    zh: '项目中没有图层 {layer}',
    en: 'The project has no layer {layer}',
  },
  FIELD_NOT_FOUND: {
    zh: '图层 {layer} 没有字段 {field}',
    en: 'Layer {layer} has no field {field}',
  },
  FEATURE_NOT_FOUND: {
    zh: '图层 {layer} 中没有要素 {id}',
    en: 'Layer {layer} has no feature {id}',
  },
  RECORD_NOT_FOUND: {
    zh: '项目中没有{kind} {id}',
    en: 'The project has no {kind} {id}',
  },
  PARAMS_NAME_TAKEN: {
    zh: '已有名为“{name}”的参数集，请换一个名称',
    en: 'A parameter set named "{name}" already exists; choose another name',
  },
  IMPORT_NO_CRS: {
    zh: '{file} 没有坐标系信息（缺少 .prj 等），请用 --crs EPSG:NNNN 指定',
    en: '{file} has no coordinate reference system (no .prj or equivalent); give one with --crs EPSG:NNNN',
  },
  IMPORT_FILE_NOT_FOUND: {
    zh: '找不到要导入的文件 {file}',
    en: 'The file to import was not found: {file}',
  },
  IMPORT_UNSUPPORTED_FORMAT: {
    zh: '无法导入 {file}：不支持的文件类型（支持 .shp、.zip、.geojson、.json、.kml、.txt、.gpkg）',
    en: 'Cannot import {file}: unsupported file type (supported: .shp, .zip, .geojson, .json, .kml, .txt, .gpkg)',
  },
  IMPORT_MIXED_GEOMETRY: {
    zh: '{file} 第 {index} 条要素的几何类型为 {found}，与图层类型 {expected} 不一致',
    en: '{file}: feature {index} has geometry type {found}, but the layer is {expected}',
  },
  IMPORT_FAILED: {
    zh: '导入 {file} 失败：{reason}；项目未被修改',
    en: 'Importing {file} failed: {reason}; the project was left unchanged',
  },
  GPKG_SOURCE_NO_LAYER: {
    zh: '{file} 中没有要素图层{layer}',
    en: '{file} has no feature layer{layer}',
  },
  TILE_OUT_OF_RANGE: {
    zh: '瓦片编号 {z}/{x}/{y} 超出范围',
    en: 'Tile {z}/{x}/{y} is out of range',
  },
} satisfies Record<string, Message>;
