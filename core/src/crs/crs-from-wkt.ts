import { InputError } from '../errors';
import type { CrsInfo } from './crs-info';
import { crsFromDefinition } from './crs-identify';
import { sameNumber, ZERO_PARAMS, type CrsDefinition, type EllipsoidDef } from './crs-definition';
import { classifyDatumName, resolveDatum } from './datum-names';
import { definitionFromProj4 } from './proj4-definition';
import { resolveProjection } from './projection-method';
import { isAngleParameter, parameterKey, projectionFamily, type ParamKey } from './projection-names';
import { child, children, isWktNode, nodeName, numberArg, parseWktTree, WktSyntaxError, type WktNode } from './wkt-tree';

/** Where a CRS text came from, for messages (e.g. "DLTB.prj"). */
export interface CrsSourceOptions {
  source?: string;
}

const DEGREE_RAD = Math.PI / 180;
const WEB_MERCATOR_CODES = new Set([3857, 900913, 3785, 102100, 102113]);

/**
 * Reads a CRS from WKT: ESRI WKT as ArcGIS writes it in a .prj (`PROJCS[… PROJECTION["Gauss_Kruger"] …]`), OGC WKT1
 * with AUTHORITY nodes (GDAL, GeoPackage), and WKT2 (PROJCRS / BASEGEOGCRS / CONVERSION / METHOD, ID["EPSG",n],
 * BOUNDCRS, COMPOUNDCRS). The proj4 string is built here (docs/methods/sandiao-data.md §5.3) and the EPSG code is
 * identified from the parameters (crs-identify.ts), so the same CRS in any of these forms gives the same CrsInfo.
 *
 * @param text WKT text (a BOM and surrounding whitespace are ignored).
 * @throws InputError CRS_UNPARSEABLE when the text is not WKT, CRS_UNSUPPORTED when it is a CRS we cannot use
 *   (another projection, non-metre units, a geocentric or engineering CRS); both messages point to `--crs`.
 * @example crsFromWkt(prjText, { source: 'DLTB.prj' }).epsg // 4527
 */
export function crsFromWkt(text: string, options: CrsSourceOptions = {}): CrsInfo {
  const source = options.source ?? 'CRS';
  let root: WktNode;
  try {
    root = parseWktTree(text);
  } catch (e) {
    if (e instanceof WktSyntaxError) throw new InputError('CRS_UNPARSEABLE', { source, reason: e.message });
    throw e;
  }
  return new WktReader(source).read(root);
}

class WktReader {
  constructor(private readonly source: string) {}

  read(root: WktNode): CrsInfo {
    let node = root;
    let towgs84: number[] | null = null;
    if (node.keyword === 'BOUNDCRS') {
      towgs84 = this.boundTowgs84(node);
      node = this.firstCrs(child(node, 'SOURCECRS'), 'BOUNDCRS');
    }
    if (node.keyword === 'COMPD_CS' || node.keyword === 'COMPOUNDCRS') node = this.firstCrs(node, node.keyword);
    const declaredEpsg = epsgOf(node);
    const name = nodeName(node);
    switch (node.keyword) {
      case 'PROJCS':
      case 'PROJCRS':
      case 'PROJECTEDCRS': {
        const def = this.projected(node, declaredEpsg);
        if (towgs84) def.towgs84 = towgs84;
        return crsFromDefinition(def, { name, declaredEpsg });
      }
      case 'GEOGCS':
      case 'GEOGCRS':
      case 'GEOGRAPHICCRS':
      case 'GEODCRS':
      case 'GEODETICCRS': {
        const def = this.geographic(node);
        if (towgs84) def.towgs84 = towgs84;
        return crsFromDefinition(def, { name, declaredEpsg });
      }
      case 'GEOCCS':
        return this.unsupported('a geocentric (X, Y, Z) coordinate system');
      case 'LOCAL_CS':
      case 'ENGCRS':
      case 'ENGINEERINGCRS':
        return this.unsupported('a local coordinate system without a geographic reference');
      case 'VERT_CS':
      case 'VERTCRS':
      case 'VERTICALCRS':
        return this.unsupported('a vertical coordinate system');
      default:
        throw new InputError('CRS_UNPARSEABLE', { source: this.source, reason: `"${node.keyword}" is not a coordinate system` });
    }
  }

  /** The horizontal CRS inside a compound or bound CRS. */
  private firstCrs(node: WktNode | undefined, where: string): WktNode {
    const found = node?.args.find((a) => isWktNode(a) && /^(PROJCS|PROJCRS|PROJECTEDCRS|GEOGCS|GEOGCRS|GEOGRAPHICCRS|GEODCRS|GEODETICCRS)$/.test(a.keyword));
    if (!isWktNode(found)) throw new InputError('CRS_UNPARSEABLE', { source: this.source, reason: `${where} holds no horizontal coordinate system` });
    return found;
  }

  private projected(node: WktNode, declaredEpsg: number | null): CrsDefinition {
    const base = child(node, 'GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS', 'GEOGCRS', 'GEODCRS');
    if (!base) throw new InputError('CRS_UNPARSEABLE', { source: this.source, reason: `${node.keyword} has no geographic coordinate system` });
    const geographic = this.geographic(base);
    this.checkLinearUnits(node);

    // GDAL writes what WKT1 cannot say (Web Mercator) as a proj4 extension: it is the authoritative definition.
    const extension = children(node, 'EXTENSION').find((e) => nodeName(e)?.toUpperCase() === 'PROJ4');
    const extensionText = extension?.args[1];
    if (extensionText && typeof extensionText === 'object' && 'text' in extensionText) return definitionFromProj4(extensionText.text, this.source);

    const conversion = child(node, 'CONVERSION') ?? node;
    const projection = child(conversion, 'PROJECTION', 'METHOD');
    const projectionName = nodeName(projection);
    if (!projectionName) throw new InputError('CRS_UNPARSEABLE', { source: this.source, reason: `${node.keyword} names no projection` });
    let family = projectionFamily(projectionName);
    if (!family) return this.unsupported(`the projection "${projectionName}"`);
    if (declaredEpsg !== null && WEB_MERCATOR_CODES.has(declaredEpsg) && family.startsWith('merc')) family = 'webmerc';

    const given = new Map<ParamKey, number>();
    for (const parameter of children(conversion, 'PARAMETER')) {
      const paramName = nodeName(parameter) ?? '';
      const key = parameterKey(paramName);
      let value = numberArg(parameter, 1);
      if (value === null) throw new InputError('CRS_UNPARSEABLE', { source: this.source, reason: `PARAMETER["${paramName}"] has no number` });
      if (!key) {
        if (value === 0) continue; // a parameter that is zero changes nothing
        return this.unsupported(`the projection parameter "${paramName}"`);
      }
      value = this.parameterInUnits(parameter, key, value);
      given.set(key, value);
    }
    const resolved = resolveProjection(family, given);
    if (typeof resolved === 'string') return this.unsupported(resolved);
    return { ...geographic, method: resolved.method, params: resolved.params };
  }

  /** A WKT2 parameter carries its own unit; WKT1 parameters are in degrees and in the CRS's (checked) metres. */
  private parameterInUnits(parameter: WktNode, key: ParamKey, value: number): number {
    const unit = child(parameter, 'ANGLEUNIT', 'LENGTHUNIT', 'SCALEUNIT', 'UNIT');
    const factor = numberArg(unit, 1);
    if (!unit || factor === null) return value;
    // Exact for the usual units (degree, metre, unity) rather than value·factor/factor ≈ 105.00000000000001.
    if (isAngleParameter(key)) return Math.abs(factor / DEGREE_RAD - 1) < 1e-12 ? value : (value * factor) / DEGREE_RAD;
    return factor === 1 ? value : value * factor;
  }

  private geographic(node: WktNode): CrsDefinition {
    const cs = child(node, 'CS');
    if (cs && /cartesian/i.test(textArg(cs, 0) ?? '')) return this.unsupported('a geocentric (X, Y, Z) coordinate system');
    const datum = child(node, 'DATUM', 'GEODETICDATUM', 'TRF', 'ENSEMBLE');
    const spheroid = child(datum ?? node, 'SPHEROID', 'ELLIPSOID');
    const a = numberArg(spheroid, 1);
    const rf = numberArg(spheroid, 2);
    if (!datum || !spheroid || a === null || rf === null) throw new InputError('CRS_UNPARSEABLE', { source: this.source, reason: 'the datum or its ellipsoid is missing' });
    const lengthFactor = numberArg(child(spheroid, 'LENGTHUNIT', 'UNIT'), 1) ?? 1;
    const ellipsoid: EllipsoidDef = { a: a * lengthFactor, rf, name: nodeName(spheroid) };
    if (!(ellipsoid.a > 6_000_000 && ellipsoid.a < 7_000_000) || rf < 0) return this.unsupported(`an ellipsoid with a = ${a}, 1/f = ${rf}`);

    const primem = child(node, 'PRIMEM', 'PRIMEMERIDIAN');
    const pm = numberArg(primem, 1) ?? 0;
    if (!sameNumber(pm, 0)) return this.unsupported(`the prime meridian "${nodeName(primem)}" (${pm})`);
    this.checkAngularUnits(node);

    const towgs84 = child(datum, 'TOWGS84')?.args.filter((v): v is number => typeof v === 'number') ?? null;
    const resolved = resolveDatum(classifyDatumName(nodeName(datum)), ellipsoid);
    const helmert = towgs84 && towgs84.length >= 3 && towgs84.some((v) => v !== 0) ? padTo7(towgs84) : null;
    return { method: 'longlat', params: { ...ZERO_PARAMS }, ellipsoid: resolved.ellipsoid, datum: resolved.datum, towgs84: helmert };
  }

  private checkAngularUnits(node: WktNode): void {
    for (const unit of [child(node, 'UNIT', 'ANGLEUNIT'), ...children(node, 'AXIS').map((a) => child(a, 'ANGLEUNIT', 'UNIT'))]) {
      const factor = numberArg(unit, 1);
      if (unit && factor !== null && Math.abs(factor / DEGREE_RAD - 1) > 1e-9) this.unsupported(`the angular unit "${nodeName(unit)}"`);
    }
  }

  /** Coordinates must be metres: CrsInfo has no unit, and areas, buffers and zone rules assume metres. */
  private checkLinearUnits(node: WktNode): void {
    const units = [child(node, 'UNIT', 'LENGTHUNIT'), ...children(node, 'AXIS').map((a) => child(a, 'LENGTHUNIT', 'UNIT'))];
    for (const unit of units) {
      const factor = numberArg(unit, 1);
      if (unit && factor !== null && !sameNumber(factor, 1)) this.unsupported(`the length unit "${nodeName(unit)}" (${factor} m); only metres are supported`);
    }
  }

  /**
   * Helmert parameters of a WKT2 BOUNDCRS, in the TOWGS84 convention (position vector; metres, arc-seconds, ppm).
   * Abridged transformations may omit units: PROJ then writes the scale as a factor (1.000004 for 4 ppm).
   */
  private boundTowgs84(node: WktNode): number[] | null {
    const transformation = child(node, 'ABRIDGEDTRANSFORMATION');
    if (!transformation) return null;
    const method = nodeName(child(transformation, 'METHOD')) ?? '';
    const names = ['xaxistranslation', 'yaxistranslation', 'zaxistranslation', 'xaxisrotation', 'yaxisrotation', 'zaxisrotation', 'scaledifference'];
    const values = names.map((n, i) => {
      const p = children(transformation, 'PARAMETER').find((q) => (nodeName(q) ?? '').toLowerCase().replace(/[^a-z]/g, '') === n);
      const value = numberArg(p, 1) ?? 0;
      const factor = p ? numberArg(child(p, 'LENGTHUNIT', 'ANGLEUNIT', 'SCALEUNIT', 'UNIT'), 1) : null;
      if (i < 3) return value * (factor ?? 1);
      if (i < 6) return factor === null ? value : (value * factor) / (DEGREE_RAD / 3600);
      if (factor !== null) return (value * factor) / 1e-6;
      return Math.abs(value - 1) < 0.01 ? (value - 1) * 1e6 : value;
    });
    if (/coordinate\s*frame/i.test(method)) for (const i of [3, 4, 5]) values[i] = -values[i];
    else if (!/position\s*vector|geocentric\s*translation/i.test(method)) return this.unsupported(`the datum transformation "${method}"`);
    return values.some((v) => v !== 0) ? values.map((v) => Math.round(v * 1e9) / 1e9) : null;
  }

  private unsupported(what: string): never {
    throw new InputError('CRS_UNSUPPORTED', { source: this.source, what });
  }
}

/** The EPSG code a node declares: WKT1 AUTHORITY["EPSG","4528"] or WKT2 ID["EPSG",4528] (ArcGIS Pro may write AUTHORITY["EPSG",4528]). */
function epsgOf(node: WktNode): number | null {
  const authority = child(node, 'AUTHORITY', 'ID');
  if (!authority || nodeName(authority)?.toUpperCase() !== 'EPSG') return null;
  const code = numberArg(authority, 1);
  return code !== null && Number.isInteger(code) && code > 0 ? code : null;
}

function textArg(node: WktNode, i: number): string | null {
  const arg = node.args[i];
  return arg !== undefined && typeof arg === 'object' && 'text' in arg ? arg.text : null;
}

function padTo7(values: number[]): number[] {
  return [...values.slice(0, 7), 0, 0, 0, 0].slice(0, 7);
}
