// Project store: importing a 300 000-parcel county layer (time, peak RSS) side by side with `ogr2ogr -f GPKG`, and
// cutting vector tiles from the result at z8–z16.
//
//   node bench/project-store.bench.mjs [--records 300000] [--runs 3] [--dir /tmp/vep-bench-store] [--tiles 12]
//
// Bundles the store, the import pipeline and the tile service with esbuild into bench/data/lib (git-ignored; inside
// the repository so better-sqlite3 resolves), writes a seeded 三调-like layer with core's shapefile writer (GBK)
// into <dir> unless it is there, then runs each import in a fresh process under /usr/bin/time (median wall time,
// peak RSS, CPU time user + system: on a shared machine the CPU time is the steadier number) and times tiles cold
// (no tile cache; the layer overview is built by the first low-zoom tile and reused, as in the app).
// Results: docs/project-store.md § Measurements.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const RECORDS = Number(args.records ?? 300_000);
const RUNS = Number(args.runs ?? 3);
const DIR = args.dir ?? '/tmp/vep-bench-store';
const TILES_PER_ZOOM = Number(args.tiles ?? 12);
const LAYER = join(DIR, `DLTB-${RECORDS}`);
const LIB = join(ROOT, 'bench', 'data', 'lib', 'store.mjs');

async function bundle() {
  const { build } = await import('esbuild');
  const entry = join(dirname(LIB), 'entry.ts');
  mkdirSync(dirname(entry), { recursive: true });
  const from = (p) => JSON.stringify(join(ROOT, p));
  writeFileSync(entry, [
    `export * from ${from('core/src/index.ts')};`,
    `export { runImport } from ${from('electron/host/import/run-import.ts')};`,
    `export { ProjectStore } from ${from('electron/host/store/project-store.ts')};`,
    `export { TileService } from ${from('electron/host/tiles/tile-service.ts')};`,
    `export { WEB_MERCATOR_PROJ4 } from ${from('electron/host/tiles/tile-window.ts')};`,
    `export { makeParcels, GK40, DLTB_FIELDS } from ${from('test/store/parcels.ts')};`,
    `export { default as proj4 } from 'proj4';`,
    `export { measureOnce } from ${from('bench/lib/measure.ts')};`,
  ].join('\n'));
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: LIB, external: ['better-sqlite3'],
    alias: { '#core': join(ROOT, 'core/src/index.ts') }, logLevel: 'warning', absWorkingDir: ROOT,
  });
}

const lib = () => import(pathToFileURL(LIB).href);

/** The layer: makeParcels (90 m grid, 29-vertex rings, holes and multiparts) plus the other DLTB text fields. */
async function generate() {
  const s = await lib();
  const villages = ['递铺街道安城村股份经济合作社', '孝丰镇横溪坞村', '天荒坪镇大溪村', '梅溪镇荆湾村', '杭垓镇文昌村'];
  const extra = [['QSXZ', 2], ['QSDWDM', 19], ['QSDWMC', 60], ['ZLDWDM', 19], ['ZLDWMC', 60], ['KCDLBM', 5], ['GDLX', 2], ['GDPDJB', 2], ['CZCSXM', 4], ['BZ', 254]]
    .map(([name, width]) => ({ name, type: 'string', width }));
  const fields = [...s.DLTB_FIELDS.filter((f) => f.type !== 'boolean' && f.type !== 'date'), ...extra];
  const features = [];
  let i = 0;
  for (const f of s.makeParcels({ count: RECORDS, edgeVertices: 6 })) {
    const { GXSJ: _d, SFJBNT: _b, ...props } = f.properties;
    features.push({ ...f, properties: { ...props, QSXZ: '30', QSDWDM: '3305231012010000000', QSDWMC: villages[i % 5], ZLDWDM: '3305231012010000000', ZLDWMC: villages[(i + 1) % 5], KCDLBM: props.DLBM === '0101' ? '1203' : '', GDLX: '', GDPDJB: '', CZCSXM: '', BZ: i % 50 === 0 ? '备注' : '' } });
    i++;
  }
  const out = s.writeShapefile(features, { geometryType: 'Polygon', fields, encoding: 'GBK', prj: null });
  for (const ext of ['shp', 'shx', 'dbf', 'cpg']) writeFileSync(`${LAYER}.${ext}`, out[ext]);
}

/** One import in this (child) process. */
async function importChild() {
  const s = await lib();
  const project = join(DIR, 'ours.vep.gpkg');
  rmSync(project, { force: true });
  const layer = s.runImport(project, [`${LAYER}.shp`], { crs: s.GK40, createProject: true });
  process.stdout.write(JSON.stringify({ features: layer.featureCount }));
}

/** Cold tiles at z8–z16 over the layer: per zoom, TILES_PER_ZOOM tiles spread over the layer (centre first). */
async function tilesChild() {
  const s = await lib();
  const store = s.ProjectStore.open(join(DIR, 'ours.vep.gpkg'), { readonly: true });
  const [layer] = store.layers.list();
  const toMerc = s.proj4(s.GK40.proj4, s.WEB_MERCATOR_PROJ4);
  const [x0, y0] = toMerc.forward([layer.extent[0], layer.extent[1]]);
  const [x1, y1] = toMerc.forward([layer.extent[2], layer.extent[3]]);
  const half = s.MERCATOR_HALF_WIDTH_M;
  const rows = [];
  const service = new s.TileService(store, { cacheBytes: 0 });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  service.getTile(layer.id, 0, 0, 0); // builds the overview of the layer, as the first low-zoom tile in the app does
  const c1 = process.cpuUsage(c0);
  rows.push({ overviewMs: performance.now() - t0, overviewCpuMs: (c1.user + c1.system) / 1000 });
  for (let z = 8; z <= 16; z++) {
    const size = (2 * half) / 2 ** z;
    const [tx0, tx1] = [Math.floor((x0 + half) / size), Math.floor((x1 + half) / size)];
    const [ty0, ty1] = [Math.floor((half - y1) / size), Math.floor((half - y0) / size)];
    const picks = [];
    for (let k = 0; k < TILES_PER_ZOOM; k++) {
      const f = k === 0 ? 0.5 : (k * 0.618034) % 1;
      const g = k === 0 ? 0.5 : (k * 0.381966 + 0.1) % 1;
      picks.push([tx0 + Math.floor(f * (tx1 - tx0 + 1)), ty0 + Math.floor(g * (ty1 - ty0 + 1))]);
    }
    const unique = [...new Map(picks.map((p) => [p.join('/'), p])).values()];
    const times = [];
    const cpu = [];
    let bytes = 0, features = 0;
    for (const [x, y] of unique) {
      const t = performance.now();
      const c = process.cpuUsage();
      const tile = service.getTile(layer.id, z, x, y);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (tile) {
        bytes += tile.byteLength;
        const { VectorTile } = await import('@mapbox/vector-tile');
        const { PbfReader } = await import('pbf');
        features += new VectorTile(new PbfReader(tile)).layers[layer.id]?.length ?? 0;
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    rows.push({ z, tiles: unique.length, medianMs: times[Math.floor(times.length / 2)], maxMs: times.at(-1), medianCpuMs: cpu[Math.floor(cpu.length / 2)], maxCpuMs: cpu.at(-1), avgKB: bytes / unique.length / 1024, avgFeatures: features / unique.length });
  }
  store.close();
  process.stdout.write(JSON.stringify(rows));
}

/** One process through the suite's measurer (bench/lib/measure.ts, /usr/bin/time): wall, CPU user + sys, peak RSS. */
/** Set from the bundle once it is built. */
let measureOnce;

function timed(cmd, cmdArgs) {
  const run = measureOnce(cmd, cmdArgs);
  return { ms: run.wallMs, maxRssMB: run.peakRssMiB, cpuS: run.cpuMs / 1000, out: run.stdout };
}
const self = (child) => [fileURLToPath(import.meta.url), '--child', child, '--records', String(RECORDS), '--dir', DIR, '--tiles', String(TILES_PER_ZOOM)];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (args.child === 'import') await importChild();
else if (args.child === 'tiles') await tilesChild();
else if (args.child === 'generate') await generate();
else {
  mkdirSync(DIR, { recursive: true });
  await bundle();
  ({ measureOnce } = await lib());
  if (!existsSync(`${LAYER}.shp`)) {
    const made = spawnSync(process.execPath, self('generate'), { stdio: 'inherit' });
    if (made.status !== 0) process.exit(1);
  }
  const mb = (p) => statSync(p).size / 2 ** 20;
  console.log(`layer: ${RECORDS} polygons, .shp ${mb(`${LAYER}.shp`).toFixed(0)} MB, .dbf ${mb(`${LAYER}.dbf`).toFixed(0)} MB (GBK)\n`);
  const contenders = {
    'VEP importLayer pipeline (runImport: shapefile reader → staging batches of 10 000 → publish)': () => {
      const r = timed(process.execPath, self('import'));
      return { ...r, size: mb(join(DIR, 'ours.vep.gpkg')) };
    },
    'ogr2ogr -f GPKG -nlt PROMOTE_TO_MULTI (GDAL defaults)': () => {
      rmSync(join(DIR, 'gdal.gpkg'), { force: true });
      const r = timed('ogr2ogr', ['-f', 'GPKG', '-nlt', 'PROMOTE_TO_MULTI', '-a_srs', 'EPSG:4528', join(DIR, 'gdal.gpkg'), `${LAYER}.shp`]);
      return { ...r, size: mb(join(DIR, 'gdal.gpkg')) };
    },
  };
  // Runs alternate between the contenders, so a change in the machine's load hits both alike.
  const results = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [label, run] of Object.entries(contenders)) results[label].push(run());
  console.log('| import | wall time (median) | CPU time user+sys (median) | peak RSS | file size |\n| --- | --- | --- | --- | --- |');
  for (const [label, rs] of Object.entries(results)) {
    console.log(`| ${label} | ${(median(rs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${median(rs.map((r) => r.cpuS)).toFixed(2)} s | ${Math.max(...rs.map((r) => r.maxRssMB)).toFixed(0)} MB | ${rs[0].size.toFixed(0)} MB |`);
  }
  const [overview, ...tiles] = JSON.parse(timed(process.execPath, self('tiles')).out);
  console.log(`\nlayer overview (once per layer and session): ${overview.overviewMs.toFixed(0)} ms wall, ${overview.overviewCpuMs.toFixed(0)} ms CPU`);
  console.log('\n| zoom | tiles timed | wall median / max | CPU median / max | avg size | avg features |\n| --- | --- | --- | --- | --- | --- |');
  for (const r of tiles) console.log(`| z${r.z} | ${r.tiles} | ${r.medianMs.toFixed(0)} / ${r.maxMs.toFixed(0)} ms | ${r.medianCpuMs.toFixed(0)} / ${r.maxCpuMs.toFixed(0)} ms | ${r.avgKB.toFixed(0)} KB | ${r.avgFeatures.toFixed(0)} |`);
}
