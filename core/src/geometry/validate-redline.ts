import Flatbush from 'flatbush';
import type { CrsInfo } from '../crs/crs-info';
import { InputError } from '../errors';
import type { Geometry, Ring } from '../types';
import { ellipsoidalAreaM2 } from './ellipsoidal-area';
import type { GeometryIssue } from './geometry-issue';
import { ringSignedArea } from './planar-area';
import { cleanRing, countVertices, distinctCount, findSpikes, isZeroAreaRing, MAX_REDLINE_VERTICES, ringIssues, type CleanRing } from './redline-rings';
import { pointInParts, segmentContact } from './segment-predicates';

export interface RedlineValidationOptions {
  /** Above this ellipsoidal area (m²) a red line is implausible: default 1e8 m² = 10 000 ha. */
  maxAreaM2?: number;
  /** Below this area (m²) it is implausible too: default 1 m². */
  minAreaM2?: number;
  /** Vertices whose two edges meet at less than this angle are spikes: default 1°. */
  spikeAngleDeg?: number;
}

/** At most this many issues of one code are listed (a broken file can have millions of intersections). */
const MAX_ISSUES_PER_CODE = 100;

/**
 * Checks a red line and lists every problem found, as data (never thrown): ring-level problems (non-finite
 * coordinates, too few points, unclosed rings, duplicate vertices, zero-area rings, spikes, orientation), topology
 * (self-intersections with the crossing point, rings crossing or touching, holes outside their shell or inside
 * another hole, parts overlapping or touching) and plausibility (area in the CRS, too large or too small).
 *
 * Severities: 'error' — buffering or clipping would give wrong numbers, repair first (repairRedline offers one);
 * 'warning' — usable but suspicious; 'info' — harmless, the engine normalises it (orientation, closing,
 * duplicate vertices). Locations are [x, y] in the red line's CRS.
 *
 * @returns issues in the order found; an empty list means valid.
 */
export function validateRedline(geometry: Geometry, crs: CrsInfo, options: RedlineValidationOptions = {}): GeometryIssue[] {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return [{ code: 'REDLINE_NOT_POLYGON', severity: 'error', location: null, details: { type: geometry.type } }];
  }
  const vertices = countVertices(geometry);
  if (vertices > MAX_REDLINE_VERTICES) return [{ code: 'REDLINE_TOO_MANY_VERTICES', severity: 'error', location: null, details: { count: vertices, limit: MAX_REDLINE_VERTICES } }];
  const input = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (input.length === 0 || input.every((p) => p.length === 0 || (p[0]?.length ?? 0) === 0)) return [{ code: 'REDLINE_EMPTY', severity: 'error', location: null, details: {} }];

  const issues = new IssueList();
  // Usable rings per part: [shell, ...holes]; an unusable shell removes its part from the topology checks.
  const parts: CleanRing[][] = [];
  input.forEach((part, p) => {
    const usable: CleanRing[] = [];
    part.forEach((ring, r) => {
      const clean = cleanRing(ring, p, r);
      const ringProblems = ringIssues(clean, ring.length);
      for (const i of ringProblems) issues.add(i);
      if (distinctCount(clean.coords) >= 3 && !isZeroAreaRing(clean.coords)) usable.push(clean);
      else if (r === 0) usable.length = 0;
    });
    if (usable.length > 0 && usable[0].ring === 0) parts.push(usable);
  });

  const spikeAngle = options.spikeAngleDeg ?? 1;
  for (const part of parts) {
    for (const c of part) {
      for (const s of findSpikes(c.coords, spikeAngle)) {
        const v = c.coords[s.index];
        issues.add({ code: 'REDLINE_SPIKE', severity: 'warning', location: [v[0], v[1]], details: { part: c.part + 1, ring: c.ring + 1, angle: Number(s.angleDeg.toFixed(3)) } });
      }
    }
  }

  const contacts = findContacts(parts, issues);
  checkContainment(parts, contacts, issues);
  for (const part of parts) {
    for (const c of part) {
      // A ring that crosses itself has no orientation to speak of (a bow-tie's lobes turn opposite ways).
      if (contacts.has(`${c.part}:${c.ring}|${c.part}:${c.ring}`)) continue;
      const isShell = c.ring === 0;
      if (ringSignedArea(c.coords) > 0 !== isShell) {
        issues.add({ code: 'REDLINE_ORIENTATION', severity: 'info', location: [c.coords[0][0], c.coords[0][1]], details: { part: c.part + 1, ring: c.ring + 1, kind: isShell ? 'shell' : 'hole' } });
      }
    }
  }
  checkArea(parts, crs, options, issues);
  return issues.list;
}

/** Collects issues, one per code and place, at most MAX_ISSUES_PER_CODE per code. */
class IssueList {
  readonly list: GeometryIssue[] = [];
  private readonly seen = new Set<string>();
  private readonly perCode = new Map<string, number>();
  add(issue: GeometryIssue): void {
    const key = `${issue.code}|${issue.location?.[0]}|${issue.location?.[1]}|${issue.location ? '' : JSON.stringify(issue.details)}`;
    if (this.seen.has(key)) return;
    const n = this.perCode.get(issue.code) ?? 0;
    if (n >= MAX_ISSUES_PER_CODE) return;
    this.seen.add(key);
    this.perCode.set(issue.code, n + 1);
    this.list.push(issue);
  }
}

/**
 * Every pair of non-adjacent segments that meet, via a flatbush tree of segment boxes. Returns the ring pairs in
 * contact ("p:r|p:r"), so containment tests can skip them.
 */
function findContacts(parts: CleanRing[][], issues: IssueList): Set<string> {
  const rings = parts.flat();
  const total = rings.reduce((n, c) => n + distinctCount(c.coords), 0);
  const contacts = new Set<string>();
  if (total === 0) return contacts;
  // Coordinates relative to the first vertex keep the predicates exact on 8-digit eastings.
  const ox = rings[0].coords[0][0];
  const oy = rings[0].coords[0][1];
  const seg = new Float64Array(4 * total);
  const owner = new Uint32Array(total);
  const indexInRing = new Uint32Array(total);
  const tree = new Flatbush(total);
  let k = 0;
  rings.forEach((c, ri) => {
    for (let i = 0; i < distinctCount(c.coords); i++) {
      const x1 = c.coords[i][0] - ox;
      const y1 = c.coords[i][1] - oy;
      const x2 = c.coords[i + 1][0] - ox;
      const y2 = c.coords[i + 1][1] - oy;
      seg.set([x1, y1, x2, y2], 4 * k);
      owner[k] = ri;
      indexInRing[k] = i;
      tree.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      k++;
    }
  });
  tree.finish();
  for (let a = 0; a < total; a++) {
    const ra = rings[owner[a]];
    const na = distinctCount(ra.coords);
    for (const b of tree.search(Math.min(seg[4 * a], seg[4 * a + 2]), Math.min(seg[4 * a + 1], seg[4 * a + 3]), Math.max(seg[4 * a], seg[4 * a + 2]), Math.max(seg[4 * a + 1], seg[4 * a + 3]))) {
      if (b <= a) continue;
      const sameRing = owner[a] === owner[b];
      const ia = indexInRing[a];
      const ib = indexInRing[b];
      // Neighbouring edges share a vertex by construction; a back-track between them is a spike, reported above.
      if (sameRing && (ib === ia + 1 || (ia === 0 && ib === na - 1))) continue;
      const c = segmentContact(seg[4 * a], seg[4 * a + 1], seg[4 * a + 2], seg[4 * a + 3], seg[4 * b], seg[4 * b + 1], seg[4 * b + 2], seg[4 * b + 3]);
      if (c.kind === 'none') continue;
      const rb = rings[owner[b]];
      const location: [number, number] = [c.x + ox, c.y + oy];
      const where = { part: ra.part + 1, ring: ra.ring + 1, otherPart: rb.part + 1, otherRing: rb.ring + 1 };
      contacts.add(`${ra.part}:${ra.ring}|${rb.part}:${rb.ring}`);
      if (sameRing) issues.add({ code: 'REDLINE_SELF_INTERSECTION', severity: 'error', location, details: { part: ra.part + 1, ring: ra.ring + 1 } });
      else if (ra.part === rb.part) issues.add(c.kind === 'touch'
        ? { code: 'REDLINE_RINGS_TOUCH', severity: 'warning', location, details: where }
        : { code: 'REDLINE_RINGS_CROSS', severity: 'error', location, details: where });
      else issues.add(c.kind === 'touch'
        ? { code: 'REDLINE_PARTS_TOUCH', severity: 'info', location, details: where }
        : { code: 'REDLINE_PARTS_OVERLAP', severity: 'error', location, details: where });
    }
  }
  return contacts;
}

/** Holes must lie inside their shell and outside each other; parts must not contain each other. */
function checkContainment(parts: CleanRing[][], contacts: Set<string>, issues: IssueList): void {
  const touch = (a: CleanRing, b: CleanRing) => contacts.has(`${a.part}:${a.ring}|${b.part}:${b.ring}`) || contacts.has(`${b.part}:${b.ring}|${a.part}:${a.ring}`);
  for (const part of parts) {
    const shell = part[0];
    for (const hole of part.slice(1)) {
      if (touch(shell, hole)) continue;
      const v = hole.coords[0];
      if (!pointInParts([[shell.coords]], v[0], v[1])) issues.add({ code: 'REDLINE_HOLE_OUTSIDE', severity: 'error', location: [v[0], v[1]], details: { part: hole.part + 1, ring: hole.ring + 1 } });
      for (const other of part.slice(1)) {
        if (other === hole || touch(other, hole)) continue;
        if (pointInParts([[other.coords]], v[0], v[1])) issues.add({ code: 'REDLINE_HOLE_IN_HOLE', severity: 'error', location: [v[0], v[1]], details: { part: hole.part + 1, ring: hole.ring + 1, otherRing: other.ring + 1 } });
      }
    }
  }
  for (const a of parts) {
    for (const b of parts) {
      if (a === b || touch(a[0], b[0])) continue;
      const v = a[0].coords[0];
      const bParts: Ring[][] = [b.map((c) => c.coords)];
      if (pointInParts(bParts, v[0], v[1])) issues.add({ code: 'REDLINE_PARTS_OVERLAP', severity: 'error', location: [v[0], v[1]], details: { part: a[0].part + 1, ring: 1, otherPart: b[0].part + 1, otherRing: 1 } });
    }
  }
}

function checkArea(parts: CleanRing[][], crs: CrsInfo, options: RedlineValidationOptions, issues: IssueList): void {
  if (parts.length === 0) return;
  const cleaned: Geometry = { type: 'MultiPolygon', coordinates: parts.map((p) => p.map((c) => c.coords)) };
  const first = parts[0][0].coords[0];
  let areaM2: number;
  try {
    areaM2 = ellipsoidalAreaM2(cleaned, crs);
  } catch (e) {
    if (e instanceof InputError) {
      issues.add({ code: 'REDLINE_OUTSIDE_CRS', severity: 'error', location: [first[0], first[1]], details: { crs: crs.name, reason: e.message } });
      return;
    }
    throw e;
  }
  // Size checks mean something only for a valid polygon: a bow-tie's signed lobes cancel, overlapping parts add up.
  if (issues.list.some((i) => i.severity === 'error')) return;
  const maxArea = options.maxAreaM2 ?? 1e8;
  const minArea = options.minAreaM2 ?? 1;
  const ha = Number((areaM2 / 1e4).toFixed(4));
  if (areaM2 <= 0) issues.add({ code: 'REDLINE_ZERO_AREA', severity: 'error', location: [first[0], first[1]], details: { area: Number(areaM2.toFixed(4)) } });
  else if (areaM2 > maxArea) issues.add({ code: 'REDLINE_TOO_LARGE', severity: 'warning', location: [first[0], first[1]], details: { hectares: ha, limit: maxArea / 1e4 } });
  else if (areaM2 < minArea) issues.add({ code: 'REDLINE_TOO_SMALL', severity: 'warning', location: [first[0], first[1]], details: { area: Number(areaM2.toFixed(4)), limit: minArea } });
}
