/**
 * The accounting of one red line, as the host runs it for the app and for `vep account`: it gathers the inputs from
 * files or the project (parcels near the zone, the red line in the parcels' CRS, rasters, parameter set, tables),
 * hashes them for provenance, and hands them to core's `accountRedline` — one code path, the same numbers everywhere.
 * Runs in-process (the CLI) or in a worker (the app: workers/account.worker.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  accountRedline, createTransform, DEFAULT_PARAMETER_SET, SERVICE_IDS, InputError, parseCoefficientsCsv, parseParameterSet, parseTiersCsv, transformGeometry,
  type CrsInfo, type Extent, type Feature, type Geometry, type ModeChoice, type ParameterSet, type PolygonalGeometry, type PremiumOptions,
  type RedlineAccount, type ServiceId, type TaskContext,
} from '#core';
import { ProjectStore } from '../store/project-store';
import { VERSION } from '../version';
import { sha256File, sha256Json } from './hash';
import { prepareModelRasters, type ModelRasterFiles } from './model-rasters';
import { openVector, type OpenVectorOptions } from './open-vector';

/** Where the parcels come from: a file, or a layer of a project file. */
export type ParcelInput = ({ kind: 'file'; file: string } & OpenVectorOptions) | { kind: 'layer'; project: string; layerId: string };

/** The red line: a polygon feature of a file (`index` picks one of several), or a geometry with its CRS. */
export type RedlineInput = ({ kind: 'file'; file: string; index?: number } & OpenVectorOptions) | { kind: 'geometry'; geometry: PolygonalGeometry; crs: CrsInfo; name?: string };

export interface AccountJob {
  parcels: ParcelInput;
  redline: RedlineInput;
  bufferM: number;
  /** A parameter-set JSON file, or a set with its id; default the built-in set. */
  params?: { file: string } | { set: ParameterSet; id: string };
  /** `--coefficients`: value coefficients (元/m²/a) per land class. */
  coefficientsFile?: string;
  /** `--tiers`: premium tiers; default the illustrative table (flagged). */
  tiersFile?: string;
  premium?: Omit<PremiumOptions, 'tiers'>;
  /** One mode for every service (`--mode`), or per service; default model where rasters allow. */
  modes?: ModeChoice | Partial<Record<ServiceId, ModeChoice>>;
  rasters?: ModelRasterFiles;
  areaBasis?: 'ellipsoidal' | 'tbmj';
  idField?: string;
  accountingYear?: number;
}

export interface AccountOutcome extends RedlineAccount {
  crs: CrsInfo;
  /** The red line as accounted, in `crs`. */
  redline: PolygonalGeometry;
  /** The parameter set used (the built-in one when none was given). */
  params: ParameterSet;
  /** The layer id or file the parcels came from, for exports that link pieces back to parcels. */
  parcelSource: string;
  /** Parcel features touched by the zone (index = AccountedPiece.parcelIndex), for exports. */
  parcels: Feature[];
}

/**
 * Runs the accounting of one red line.
 * @throws InputError for bad inputs (files, CRS, red line, rasters, tables); CancelledError when aborted.
 */
export async function runAccount(job: AccountJob, ctx: TaskContext = {}): Promise<AccountOutcome> {
  const inputs: string[] = [];
  const progress = (phase: string) => ctx.onProgress?.({ phase, done: 0, total: null });

  progress('redline');
  const redlineSource = loadRedline(job.redline, inputs);
  progress('parcels');
  const { crs, parcels, source, fieldNames } = loadParcels(job.parcels, (parcelsCrs) => zoneBbox(toCrs(redlineSource, parcelsCrs), job.bufferM, parcelsCrs), inputs, ctx);
  const redline = toCrs(redlineSource, crs);

  const { set, id: paramsId } = loadParams(job.params, inputs);
  const coefficients = job.coefficientsFile ? parseCoefficientsCsv(readText(job.coefficientsFile, inputs), path.basename(job.coefficientsFile)) : undefined;
  const tiers = job.tiersFile ? parseTiersCsv(readText(job.tiersFile, inputs), path.basename(job.tiersFile)) : undefined;

  progress('rasters');
  const rasters = job.rasters && Object.keys(job.rasters.files).length + (job.rasters.dem ? 1 : 0) > 0 ? await prepareModelRasters(job.rasters, crs, zoneBbox(redline, job.bufferM, crs)) : null;
  try {
    if (rasters) inputs.push(...rasters.files);
    const outcome = accountRedline(
      {
        parcels,
        crs,
        redline,
        bufferM: job.bufferM,
        // Parcels are named by their 标识码 when the layer has one, else by record index.
        idField: job.idField ?? fieldNames.find((f) => f.toUpperCase() === 'BSM'),
        areaBasis: job.areaBasis,
        rasters: rasters?.model,
        request: {
          params: set,
          coefficients,
          modes: typeof job.modes === 'string' ? Object.fromEntries(SERVICE_IDS.map((s) => [s, job.modes])) : job.modes,
          premium: { ...job.premium, tiers },
          accountingYear: job.accountingYear,
          provenance: {
            version: VERSION,
            params: { id: paramsId, sha256: sha256Json(set) },
            inputs: [...new Set(inputs)].map((p) => ({ path: p, sha256: sha256File(p) })),
          },
        },
      },
      ctx,
    );
    return { ...outcome, crs, redline, params: set, parcelSource: source, parcels };
  } finally {
    rasters?.close();
  }
}

interface LoadedRedline {
  geometry: PolygonalGeometry;
  crs: CrsInfo;
}

function loadRedline(input: RedlineInput, inputs: string[]): LoadedRedline {
  if (input.kind === 'geometry') return { geometry: input.geometry, crs: input.crs };
  const name = path.basename(input.file);
  const layer = openVector(input.file, input);
  try {
    if (!layer.info.crs) throw new InputError('LAYER_NO_CRS', { file: name });
    const polygons = [...layer.features()].map((f) => f.geometry).filter((g): g is PolygonalGeometry => g?.type === 'Polygon' || g?.type === 'MultiPolygon');
    if (polygons.length === 0) throw new InputError('REDLINE_FILE_EMPTY', { file: name });
    if (input.index === undefined && polygons.length > 1) throw new InputError('REDLINE_FILE_SEVERAL', { file: name, count: polygons.length });
    const index = input.index ?? 0;
    if (index < 0 || index >= polygons.length) throw new InputError('REDLINE_INDEX_OUT_OF_RANGE', { file: name, index, count: polygons.length });
    inputs.push(...layer.files);
    return { geometry: polygons[index], crs: layer.info.crs };
  } finally {
    layer.close();
  }
}

function toCrs(redline: LoadedRedline, crs: CrsInfo): PolygonalGeometry {
  if (sameCrs(redline.crs, crs)) return redline.geometry;
  return transformGeometry(redline.geometry, createTransform(redline.crs, crs)) as PolygonalGeometry;
}

function sameCrs(a: CrsInfo, b: CrsInfo): boolean {
  return a.proj4 === b.proj4 || (a.epsg !== null && a.epsg === b.epsg);
}

/** The red line's bounding box grown by the ring width (and 1 m, so edge-touching parcels are candidates too). */
function zoneBbox(redline: PolygonalGeometry, bufferM: number, crs: CrsInfo): Extent {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = redline.type === 'Polygon' ? redline.coordinates : redline.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    }
  }
  // A geographic layer measures the margin in degrees: 1° of latitude ≥ 110.5 km, of longitude ≥ 110.5 km × cos φ.
  const dy = crs.kind === 'geographic' ? (bufferM + 1) / 110_500 : bufferM + 1;
  const dx = crs.kind === 'geographic' ? dy / Math.max(0.01, Math.cos((Math.max(Math.abs(minY), Math.abs(maxY)) * Math.PI) / 180)) : dy;
  return [minX - dx, minY - dy, maxX + dx, maxY + dy];
}

function intersects(a: Extent, b: Extent): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * The parcels near the zone, in their own CRS: a project layer through its R-tree; a file streamed once, keeping
 * only features whose bounding box meets the zone's (memory follows the zone, not the county).
 */
function loadParcels(input: ParcelInput, bboxIn: (crs: CrsInfo) => Extent, inputs: string[], ctx: TaskContext): { crs: CrsInfo; parcels: Feature[]; source: string; fieldNames: string[] } {
  if (input.kind === 'layer') {
    const store = ProjectStore.open(input.project, { readonly: true });
    try {
      const layer = store.layers.info(input.layerId);
      if (!layer.crs) throw new InputError('LAYER_NO_CRS', { file: layer.title });
      return { crs: layer.crs, parcels: store.layers.featuresInBbox(input.layerId, bboxIn(layer.crs)), source: input.layerId, fieldNames: store.layers.fields(input.layerId).map((f) => f.name) };
    } finally {
      store.close();
    }
  }
  const name = path.basename(input.file);
  const layer = openVector(input.file, input, ctx);
  try {
    const { info } = layer;
    if (!info.crs) throw new InputError('LAYER_NO_CRS', { file: name });
    if (info.geometryType !== 'Polygon' && info.geometryType !== 'MultiPolygon') throw new InputError('LAYER_NOT_POLYGONAL', { file: name, type: info.geometryType ?? 'none' });
    const bbox = bboxIn(info.crs);

    const parcels: Feature[] = [];
    let seen = 0;
    for (const f of layer.features()) {
      if (++seen % 4096 === 0) ctx.onProgress?.({ phase: 'parcels', done: seen, total: info.featureCount });
      if (f.geometry && intersects(geometryBbox(f.geometry), bbox)) parcels.push(f);
    }
    inputs.push(...layer.files);
    return { crs: info.crs, parcels, source: path.resolve(input.file), fieldNames: info.fields.map((f) => f.name) };
  } finally {
    layer.close();
  }
}

function geometryBbox(g: Geometry): Extent {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    } else for (const child of c as unknown[]) visit(child);
  };
  visit(g.coordinates);
  return [minX, minY, maxX, maxY];
}

function loadParams(params: AccountJob['params'], inputs: string[]): { set: ParameterSet; id: string } {
  if (params === undefined) return { set: DEFAULT_PARAMETER_SET, id: `builtin:${DEFAULT_PARAMETER_SET.id}` };
  if ('set' in params) return params;
  return { set: parseParameterSet(readText(params.file, inputs), path.basename(params.file)), id: path.basename(params.file) };
}

function readText(file: string, inputs: string[]): string {
  inputs.push(path.resolve(file));
  return readFileSync(file, 'utf8');
}
