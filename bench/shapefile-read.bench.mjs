// Shapefile reading: time and peak RSS of core's streaming reader vs shpjs vs GDAL, on a seeded 三调-like layer.
//
//   node bench/shapefile-read.bench.mjs [--records 200000] [--runs 3] [--dir /tmp/vep-bench]
//
// Bundles core (and the host's file ByteSource) with esbuild into <dir>/lib, writes the layer with core's own
// shapefile writer (GBK, .cpg "GBK") into <dir> unless it is already there, then runs every reader in a fresh
// process under /usr/bin/time and reports the median wall time and the peak RSS. Nothing is written into the
// repository. Results: docs/shapefile-reading.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const RECORDS = Number(args.records ?? 200_000);
const RUNS = Number(args.runs ?? 3);
const DIR = args.dir ?? '/tmp/vep-bench';
const LAYER = join(DIR, `dltb-${RECORDS}`);

async function bundle() {
  const { build } = await import('esbuild');
  const entry = join(DIR, 'lib', 'entry.ts');
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(entry, `export * from ${JSON.stringify(join(ROOT, 'core/src/index.ts'))};\nexport { openFileSource } from ${JSON.stringify(join(ROOT, 'electron/host/io/file-source.ts'))};\nexport { measureOnce } from ${JSON.stringify(join(ROOT, 'bench/lib/measure.ts'))};\n`);
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(DIR, 'lib', 'core.mjs'),
    alias: { '#core': join(ROOT, 'core/src/index.ts') }, logLevel: 'warning', absWorkingDir: ROOT,
  });
}

const lib = () => import(pathToFileURL(join(DIR, 'lib', 'core.mjs')).href);

/** A seeded 三调-like layer: parcels on a grid, 24-vertex rings, 8 % with a hole, 4 % in two parts, GBK text. */
async function generate() {
  const core = await lib();
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const names = ['水田', '旱地', '果园', '乔木林地', '其他草地', '农村宅基地', '农村道路', '坑塘水面', '河流水面', '沟渠'];
  const codes = ['0101', '0103', '0201', '0301', '0404', '0702', '1006', '1104', '1101', '1107'];
  const villages = ['递铺街道安城村股份经济合作社', '孝丰镇横溪坞村', '天荒坪镇大溪村', '梅溪镇荆湾村', '杭垓镇文昌村'];
  const fields = [
    ['BSM', 'string', 18], ['YSDM', 'string', 10], ['TBYBH', 'string', 8], ['TBBH', 'string', 8], ['DLBM', 'string', 5],
    ['DLMC', 'string', 60], ['QSXZ', 'string', 2], ['QSDWDM', 'string', 19], ['QSDWMC', 'string', 60], ['ZLDWDM', 'string', 19],
    ['ZLDWMC', 'string', 60], ['TBMJ', 'number', 19, 2], ['KCDLBM', 'string', 5], ['KCXS', 'number', 6, 4], ['KCMJ', 'number', 19, 2],
    ['TBDLMJ', 'number', 19, 2], ['GDLX', 'string', 2], ['GDPDJB', 'string', 2], ['ZZSXDM', 'string', 6], ['GDDB', 'integer', 2],
    ['CZCSXM', 'string', 4], ['SJNF', 'integer', 4], ['BZ', 'string', 254],
  ].map(([name, type, width, decimals]) => ({ name, type, width, ...(decimals !== undefined ? { decimals } : {}) }));
  const side = Math.ceil(Math.sqrt(RECORDS));
  const ring = (cx, cy, r, clockwise) => {
    const pts = [];
    for (let k = 0; k < 24; k++) {
      const a = (2 * Math.PI * k) / 24;
      const rr = r * (0.85 + 0.15 * random());
      pts.push([Math.round((cx + rr * Math.cos(a)) * 1000) / 1000, Math.round((cy + rr * Math.sin(a)) * 1000) / 1000]);
    }
    if (clockwise) pts.reverse();
    return [...pts, pts[0]];
  };
  const features = [];
  for (let i = 0; i < RECORDS; i++) {
    const cx = 39_400_000 + (i % side) * 60;
    const cy = 3_700_000 + Math.floor(i / side) * 60;
    const u = random();
    const shell = ring(cx, cy, 28, false);
    const geometry = u < 0.08 ? { type: 'Polygon', coordinates: [shell, ring(cx, cy, 8, true)] }
      : u < 0.12 ? { type: 'MultiPolygon', coordinates: [[ring(cx - 12, cy, 10, false)], [ring(cx + 12, cy, 10, false)]] }
        : { type: 'Polygon', coordinates: [shell] };
    const c = Math.floor(random() * codes.length);
    const tbmj = Math.round((2000 + random() * 1000) * 100) / 100;
    const kcxs = c === 0 ? 0.068 : 0;
    features.push({
      type: 'Feature', geometry, properties: {
        BSM: `3305230000${String(i).padStart(8, '0')}`, YSDM: '2001010100', TBYBH: String(i), TBBH: String(i % 9999),
        DLBM: codes[c], DLMC: names[c], QSXZ: '30', QSDWDM: '3305231012010000000', QSDWMC: villages[i % villages.length],
        ZLDWDM: '3305231012010000000', ZLDWMC: villages[(i + 1) % villages.length], TBMJ: tbmj, KCDLBM: kcxs ? '1203' : '',
        KCXS: kcxs, KCMJ: Math.round(tbmj * kcxs * 100) / 100, TBDLMJ: Math.round((tbmj - tbmj * kcxs) * 100) / 100,
        GDLX: c === 0 ? 'TT' : '', GDPDJB: c === 0 ? '2' : '', ZZSXDM: c === 0 ? 'LS' : '', GDDB: c === 0 ? 7 : null,
        CZCSXM: c === 5 ? '203' : '', SJNF: 2019, BZ: i % 50 === 0 ? '喆堃犇龘，备注' : '',
      },
    });
  }
  const out = core.writeShapefile(features, { geometryType: 'Polygon', fields, encoding: 'GBK', prj: null });
  for (const ext of ['shp', 'shx', 'dbf', 'cpg']) writeFileSync(`${LAYER}.${ext}`, out[ext]);
}

/** One reader, run in this (child) process; prints {features, vertices}. */
async function child(name) {
  let features = 0;
  let vertices = 0;
  if (name === 'shpjs') {
    const { default: shp } = await import('shpjs');
    const read = (ext) => readFileSync(`${LAYER}.${ext}`);
    const geojson = await shp({ shp: read('shp'), dbf: read('dbf'), cpg: 'GBK' });
    for (const f of geojson.features) {
      features++;
      vertices += JSON.stringify(f.geometry.coordinates).split('],[').length;
    }
  } else {
    const core = await lib();
    const open = (ext) => core.openFileSource(`${LAYER}.${ext}`);
    const layer = core.openShapefile({ shp: open('shp'), shx: open('shx'), dbf: open('dbf'), cpg: readFileSync(`${LAYER}.cpg`, 'utf8'), name: 'DLTB' });
    if (name === 'ours-open') features = layer.info.featureCount;
    else if (name === 'ours-records') {
      for (const r of layer.records()) {
        features++;
        vertices += r.geometry ? r.geometry.xy.length / 2 : 0;
      }
    } else {
      for (const f of layer.features()) {
        features++;
        const c = f.geometry.coordinates;
        vertices += f.geometry.type === 'Polygon' ? c.reduce((n, r) => n + r.length, 0) : c.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
      }
    }
  }
  process.stdout.write(JSON.stringify({ features, vertices }));
}

// Every reader runs in its own process through the suite's measurer (bench/lib/measure.ts, /usr/bin/time): %M is
// the peak RSS of that process alone.
/** Set from the bundle once it is built. */
let measureOnce;

function timed(cmd, cmdArgs) {
  const run = measureOnce(cmd, cmdArgs);
  return { ms: run.wallMs, maxRssMB: run.peakRssMiB, out: run.stdout };
}

function timeNode(name) {
  const run = timed(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--records', String(RECORDS), '--dir', DIR]);
  return { ...run, ...JSON.parse(run.out) };
}

const timeGdal = timed;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (args.child) {
  await child(args.child);
} else if (args.generate) {
  await generate();
} else {
  mkdirSync(DIR, { recursive: true });
  await bundle();
  ({ measureOnce } = await lib());
  if (!existsSync(`${LAYER}.shp`)) {
    const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--generate', '1', '--records', String(RECORDS), '--dir', DIR], { stdio: 'inherit' });
    if (made.status !== 0) process.exit(1);
  }
  const sizeMB = (ext) => readFileSync(`${LAYER}.${ext}`).length / 2 ** 20;
  console.log(`layer: ${RECORDS} polygons, .shp ${sizeMB('shp').toFixed(0)} MB, .dbf ${sizeMB('dbf').toFixed(0)} MB (GBK)\n`);
  const runs = {
    'core openShapefile (open + scan only)': () => timeNode('ours-open'),
    'core records() fast path': () => timeNode('ours-records'),
    'core features() GeoJSON': () => timeNode('ours-features'),
    'shpjs 6 (whole files, cpg GBK)': () => timeNode('shpjs'),
    'ogrinfo -al -so': () => timeGdal('ogrinfo', ['-al', '-so', `${LAYER}.shp`]),
    'ogr2ogr -f FlatGeobuf': () => {
      rmSync(join(DIR, 'out.fgb'), { force: true });
      return timeGdal('ogr2ogr', ['-f', 'FlatGeobuf', '-nlt', 'PROMOTE_TO_MULTI', join(DIR, 'out.fgb'), `${LAYER}.shp`]);
    },
  };
  console.log('| reader | time (median of runs) | peak RSS | features |\n| --- | --- | --- | --- |');
  for (const [label, run] of Object.entries(runs)) {
    const results = Array.from({ length: RUNS }, run);
    const ms = median(results.map((r) => r.ms));
    const rss = Math.max(...results.map((r) => r.maxRssMB));
    console.log(`| ${label} | ${(ms / 1000).toFixed(2)} s | ${rss.toFixed(0)} MB | ${results[0].features ?? ''} |`);
  }
}
