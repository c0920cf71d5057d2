import { InputError } from '../../errors';
import type { Issue } from '../../services/issue';
import type { RingInput } from './parcel-geometry';

/** A parcel as read: its header line and the points of each 圈号, in file order. */
export interface ParsedParcel {
  /** 1-based line of the parcel's `…,@` line. */
  line: number;
  /** 界址点数, 地块面积, 地块编号, 地块名称, 记录图形属性, 图幅号, 地块用途, 地类编码 (missing ones are ''). */
  fields: string[];
  rings: Map<number, RingInput>;
}

export interface ParsedCoordinatesTxt {
  /** [属性描述] keys in file order, unknown keys kept. */
  header: Record<string, string>;
  hasHeader: boolean;
  parcels: ParsedParcel[];
  issues: Issue[];
}

/** Most points one file may hold (a county-wide red-line file has a few hundred thousand). */
export const MAX_POINTS = 5_000_000;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const SECTION = /^[[【]\s*([^\]】]*?)\s*[\]】]$/;

/**
 * Parses the text of a Ministry boundary-coordinate file (docs/methods/sandiao-data.md §7 rules 2–5): `[属性描述]`
 * lines are `key=value`; in `[地块坐标]` a line whose last field is `@` starts a parcel and the other lines are
 * points `点号,圈号,X,Y` with X = northing and Y = easting, swapped here to [easting, northing]. Full-width 【】 and
 * ，are accepted. 界址点数 is not trusted: the actual lines count.
 * @throws InputError with the 1-based line for what makes the file unreadable (no sections, a point outside a
 *   parcel, letters in a coordinate or 圈号, a point line with fewer than four fields).
 */
export function parseCoordinatesTxt(text: string, file: string): ParsedCoordinatesTxt {
  const header: Record<string, string> = {};
  const parcels: ParsedParcel[] = [];
  const issues: Issue[] = [];
  let section: 'header' | 'parcels' | 'other' | null = null;
  let hasHeader = false;
  let hasParcels = false;
  let current: ParsedParcel | null = null;
  let points = 0;

  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    const line = (raw.includes('，') ? raw.replace(/，/g, ',') : raw).trim();
    if (line === '') continue;
    const first = line[0];
    const heading = first === '[' || first === '【' ? SECTION.exec(line) : null;
    if (heading) {
      const name = heading[1].replace(/\s/g, '');
      if (name === '属性描述') {
        section = 'header';
        hasHeader = true;
      } else if (name === '地块坐标') {
        section = 'parcels';
        hasParcels = true;
      } else {
        section = 'other';
        issues.push({ path: `line:${lineNo}`, code: 'TXT_UNKNOWN_SECTION', severity: 'warning', details: { file, line: lineNo, section: heading[1] } });
      }
      continue;
    }
    if (section === null) throw new InputError('TXT_NOT_COORDINATES', { file, line: lineNo, text: line.slice(0, 40) });
    if (section === 'other') continue;
    if (section === 'header') {
      const eq = line.search(/[=＝]/);
      if (eq < 0) issues.push({ path: `line:${lineNo}`, code: 'TXT_HEADER_LINE_IGNORED', severity: 'warning', details: { file, line: lineNo, text: line.slice(0, 40) } });
      else header[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
      continue;
    }

    const parts = line.split(',').map((p) => p.trim());
    const last = parts[parts.length - 1];
    if (last.endsWith('@')) {
      // "…,0601,@" is the norm; "…,0601@" occurs too.
      const fields = last === '@' ? parts.slice(0, -1) : [...parts.slice(0, -1), last.slice(0, -1).trim()];
      while (fields.length < 8) fields.push('');
      current = { line: lineNo, fields: fields.slice(0, 8), rings: new Map() };
      parcels.push(current);
      continue;
    }
    if (!current) throw new InputError('TXT_POINT_BEFORE_PARCEL', { file, line: lineNo });
    if (parts.length < 4) throw new InputError('TXT_BAD_POINT_LINE', { file, line: lineNo, text: line.slice(0, 60) });
    if (!/^\d{1,6}$/.test(parts[1])) throw new InputError('TXT_BAD_RING_NUMBER', { file, line: lineNo, value: parts[1] });
    // A digit string past 10^308 matches NUMBER but is Infinity as a double: not a coordinate either.
    for (const value of [parts[2], parts[3]]) {
      if (!NUMBER.test(value) || !Number.isFinite(Number(value))) throw new InputError('TXT_BAD_COORDINATE', { file, line: lineNo, value: value.length > 40 ? `${value.slice(0, 40)}…` : value });
    }
    if (++points > MAX_POINTS) throw new InputError('LIMIT_EXCEEDED', { what: `${file}: points`, limit: MAX_POINTS, value: points });
    const ringNumber = Number(parts[1]);
    let ring = current.rings.get(ringNumber);
    if (!ring) current.rings.set(ringNumber, (ring = { ringNumber, points: [], lines: [] }));
    // The file writes X = northing, Y = easting; core works in [easting, northing].
    ring.points.push([Number(parts[3]), Number(parts[2])]);
    ring.lines.push(lineNo);
  }
  if (!hasParcels) throw new InputError('TXT_NO_PARCEL_SECTION', { file });
  if (parcels.length === 0) throw new InputError('TXT_NO_PARCELS', { file });
  if (!hasHeader) issues.push({ path: '', code: 'TXT_NO_HEADER_SECTION', severity: 'warning', details: { file } });
  for (const parcel of parcels) if (parcel.rings.size === 0) throw new InputError('TXT_PARCEL_NO_POINTS', { file, line: parcel.line, parcel: parcel.fields[2] });
  return { header, hasHeader, parcels, issues };
}
