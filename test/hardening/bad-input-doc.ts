/**
 * Renders docs/bad-input.md from the hostile-input catalogue (bad-input-cases.ts) and the zh/en message catalogue,
 * so every message text in the document is the text users see.
 */
import { crsMessages } from '../../core/src/messages/crs';
import { formatsMessages } from '../../core/src/messages/formats';
import { geometryMessages } from '../../core/src/messages/geometry';
import type { Message } from '../../core/src/messages/index';
import { ioMessages } from '../../core/src/messages/io';
import { rasterMessages } from '../../core/src/messages/raster';
import { accountingMessages } from '../../core/src/messages/accounting';
import { BAD_INPUT_TOPICS, LISTED_DOMAINS } from './bad-input-cases';

export const DOMAIN_MESSAGES: Record<(typeof LISTED_DOMAINS)[number], Record<string, Message>> = {
  io: ioMessages, crs: crsMessages, raster: rasterMessages, geometry: geometryMessages, formats: formatsMessages,
};
const ALL: Record<string, Message> = { ...accountingMessages, ...ioMessages, ...crsMessages, ...rasterMessages, ...geometryMessages, ...formatsMessages };

/** Guarantees beyond one bad file, and the tests that hold them. */
export const GUARANTEES: { what: string; tests: string[] }[] = [
  { what: 'Every reader (shapefile, DBF, zip, GeoJSON, KML, coordinate text, WKT/.prj, GeoTIFF, GeoPackage geometry) is fuzzed on mutated real files for a bounded case count in a watched worker with an allocation guard; a hang, crash or uncatalogued error fails with a reproducible case. The run prints its seed and case count (`VEP_FUZZ_CASES`, `VEP_FUZZ_SCALE`).', tests: ['test/fuzz/run-fuzz.ts', 'test/fuzz/shapefile.fuzz.test.ts', 'test/fuzz/wkt.fuzz.test.ts', 'test/fuzz/geotiff.fuzz.test.ts'] },
  { what: 'Hostile files through the app\'s import path (web host → import worker) answer their catalogued code; the host keeps answering and the project is left as it was.', tests: ['test/hardening/import-hostile.test.ts'] },
  { what: 'A crashed accounting worker is a typed error (`JOB_OUT_OF_MEMORY` when its heap runs out, else `BUG`); the host goes on serving and the project opens intact.', tests: ['test/hardening/worker-crash.test.ts'] },
  { what: 'The web host refuses requests without the token (or with it anywhere but the Bearer header), from other origins, with a foreign or missing Host header, path traversal and malformed percent-encoding; every channel rejects unknown keys and wrong types before a handler runs; uploads stay in their folder and are bounded.', tests: ['test/web-host.test.ts', 'test/web-upload.test.ts', 'test/hardening/web-upload-hostile.test.ts'] },
  { what: 'Electron: context isolation, sandbox, strict CSP, no remote content, navigation and new windows blocked, permission requests denied, IPC only from the app origin.', tests: ['test/electron-security.test.ts'] },
  { what: 'A project survives SIGKILL at random points of editing (imports, red lines, results).', tests: ['test/store/kill.test.ts'] },
  { what: 'SIGKILL during the app\'s accounting runs and exports: finished runs are stored whole, a cut-off run holds no pieces, and every export target is absent or a complete file of one export — a partial export never replaces a good file.', tests: ['test/store/kill-account.test.ts'] },
  { what: 'A job worker\'s heap is bounded (`VEP_WORKER_MAX_HEAP_MB`, default 8192 MB); `job:cancel` in the middle of an accounting run ends it as `CANCELLED`, recorded as cancelled; a cancelled job that does not stop within 10 s has its worker terminated.', tests: ['test/hardening/worker-crash.test.ts'] },
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (c: string) => `\`${c}\``;
const links = (paths: string[]) => paths.map((p) => `[${p.split('/').pop()}](../${p})`).join('<br>');

/** The whole document. */
export function renderBadInputDoc(): string {
  const out: string[] = [
    '# Bad input: what each hostile file gives',
    '',
    '<!-- Rendered by test/hardening/bad-input-doc.ts from test/hardening/bad-input-cases.ts and core/src/messages. -->',
    '<!-- Do not edit by hand: `REGEN=1 npx vitest run test/hardening/bad-input-doc.test.ts` rewrites it. -->',
    '',
    'Bad input never crashes, hangs or allocates without bound: it gives an `InputError` (or a layer warning) with a',
    'catalogued code whose Chinese and English texts name the file, record, field or value. `{name}` is filled from',
    'the error\'s details. Each case below is asserted by the test named beside it; for fixture-driven tests the',
    'expected-value file that names the code is listed too. `bad-input-doc.test.ts` fails when a code, a text or a',
    'test file here no longer matches the code base.',
    '',
  ];
  let count = 0;
  for (const topic of BAD_INPUT_TOPICS) {
    out.push(`## ${topic.title}`, '', '| Input | Code | 中文 | English | Test |', '|---|---|---|---|---|');
    for (const c of topic.cases) {
      count++;
      const m = c.code ? ALL[c.code] : null;
      out.push(`| ${cell(c.input)} | ${c.code ? code(c.code) : '—'} | ${m ? cell(m.zh) : '—'} | ${m ? cell(m.en) : cell(c.handling ?? '')} | ${links(c.tests)} |`);
    }
    out.push('');
  }
  out.push('## Beyond single files', '', '| Guarantee | Tests |', '|---|---|');
  for (const g of GUARANTEES) out.push(`| ${cell(g.what)} | ${links(g.tests)} |`);
  out.push('');

  const listed = new Set(BAD_INPUT_TOPICS.flatMap((t) => t.cases.map((c) => c.code)));
  out.push(
    `## Every other code of the ${LISTED_DOMAINS.join(', ')} catalogues`, '',
    'Codes of these domains not in the tables above: writer refusals, validation findings and warnings. Their tests',
    'sit beside the code that raises them.', '',
  );
  for (const [domain, messages] of Object.entries(DOMAIN_MESSAGES)) {
    const rest = Object.entries(messages).filter(([c]) => !listed.has(c));
    out.push(`### ${domain} (core/src/messages/${domain}.ts)`, '', '| Code | 中文 | English |', '|---|---|---|');
    for (const [c, m] of rest) out.push(`| ${code(c)} | ${cell(m.zh)} | ${cell(m.en)} |`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n\n<!-- ${count} hostile-input cases. -->\n`;
}
