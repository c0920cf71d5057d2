/**
 * What a file is — `vep inspect` and the app's import dialog (docs/design/cli.md § vep inspect): format, size,
 * geometry type, CRS, attribute encoding, fields, extent, recognised schema, the first records; for rasters the
 * grid, data type, nodata, CRS and, on request, exact statistics as `gdalinfo -stats` computes them.
 */
import path from 'node:path';
import { computeStatistics, InputError, rasterExtent, type CrsInfo, type Extent, type FieldType, type GeometryType, type Properties, type TaskContext } from '#core';
import { openRaster, RASTER_EXTENSIONS } from './open-raster';
import { openVector, VECTOR_EXTENSIONS, type OpenVectorOptions } from './open-vector';

export interface CrsView {
  epsg: number | null;
  name: string;
  proj4: string;
}

export interface VectorInspection {
  kind: 'vector';
  format: 'shapefile' | 'geojson' | 'gpkg' | 'coordinates' | 'kml' | 'dbf';
  featureCount: number;
  geometryType: GeometryType | null;
  crs: CrsView | null;
  encoding: string | null;
  fields: { name: string; type: FieldType; width: number | null }[];
  extent: Extent | null;
  schema: string | null;
  sample: Properties[];
  /** Findings while reading: the encoding guess, a corrected zone, dropped rings… (code + details; zh/en via core). */
  warnings: { code: string; details: Record<string, unknown> }[];
}

export interface RasterInspection {
  kind: 'raster';
  format: 'geotiff';
  width: number;
  height: number;
  bands: number;
  dataType: string;
  noData: number | null;
  crs: CrsView | null;
  geoTransform: [number, number, number, number, number, number] | null;
  extent: Extent | null;
  stats?: { min: number | null; max: number | null; mean: number | null; stdDev: number | null; validCount: number }[];
  compression: string;
  warnings: { code: string; details: Record<string, unknown> }[];
}

export type Inspection = VectorInspection | RasterInspection;

const SAMPLE_SIZE = 3;

export function crsView(crs: CrsInfo | null): CrsView | null {
  return crs ? { epsg: crs.epsg, name: crs.name, proj4: crs.proj4 } : null;
}

/**
 * @throws InputError FILE_FORMAT_UNKNOWN, and the readers' errors for damaged files.
 */
export async function inspectFile(file: string, options: OpenVectorOptions & { stats?: boolean } = {}, ctx: TaskContext = {}): Promise<Inspection> {
  const ext = path.extname(file).toLowerCase();
  if ((RASTER_EXTENSIONS as readonly string[]).includes(ext)) return inspectRaster(file, options.stats === true, ctx);
  if (!(VECTOR_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new InputError('FILE_FORMAT_UNKNOWN', { file: path.basename(file), vectors: VECTOR_EXTENSIONS.join(' ') });
  }
  const vector = openVector(file, options, ctx);
  try {
    const { info } = vector;
    const sample: Properties[] = [];
    for (const f of vector.features()) {
      if (sample.length === SAMPLE_SIZE) break;
      sample.push(f.properties);
    }
    return {
      kind: 'vector',
      format: info.format,
      featureCount: info.featureCount,
      geometryType: info.geometryType,
      crs: crsView(info.crs),
      encoding: info.encoding?.name ?? null,
      fields: info.fields.map((f) => ({ name: f.name, type: f.type, width: f.width })),
      extent: info.extent,
      schema: info.schema,
      sample,
      warnings: info.warnings,
    };
  } finally {
    vector.close();
  }
}

async function inspectRaster(file: string, stats: boolean, ctx: TaskContext): Promise<RasterInspection> {
  const raster = await openRaster(file);
  try {
    const { info } = raster.reader;
    const result: RasterInspection = {
      kind: 'raster',
      format: 'geotiff',
      width: info.width,
      height: info.height,
      bands: info.bands,
      dataType: info.dataType,
      noData: info.noData,
      crs: crsView(info.crs),
      geoTransform: info.geoTransform ? [...info.geoTransform] as RasterInspection['geoTransform'] : null,
      extent: info.geoTransform ? rasterExtent(info.geoTransform, info.width, info.height) : null,
      compression: raster.reader.format.compression,
      warnings: info.warnings,
    };
    if (stats) {
      result.stats = [];
      for (let band = 1; band <= info.bands; band++) {
        // null: every pixel is nodata (gdalinfo then reports no statistics either).
        const s = computeStatistics(raster.reader, band, ctx);
        result.stats.push(s ? { min: s.min, max: s.max, mean: s.mean, stdDev: s.stdDev, validCount: s.validCount } : { min: null, max: null, mean: null, stdDev: null, validCount: 0 });
      }
    }
    return result;
  } finally {
    raster.close();
  }
}
