/**
 * One service on one clipped parcel piece, in either mode, with one output shape.
 *
 * Model mode (docs/methods/regulating-services.md §2 convention 4): the coefficient (quantity per m² per year) is
 * computed for every sample of the piece, clipped at 0 there (convention 6: the finest unit), and averaged with the
 * PieceSamples weights; samples where a raster has no data (NaN) are left out and the weights of the rest
 * renormalised. The mean times the piece's land-class area is the quantity. A piece no sample covers gets null,
 * never a 0 that looks like data.
 *
 * Coefficient mode: the class coefficient comes, in this order, from the run's value-coefficient table (CSV), a
 * coefficient entered in the parameter set, the class's zero rule (§4.4: built land …), or the class-coefficient
 * variant of the formula over zone and class inputs (§4.4) — the same formula as model mode with scalars in place
 * of rasters, clipped per class. In model mode the zero rule applies first too (built land is 0 whatever the
 * rasters say, §3.1 Implementation).
 *
 *   quantity = coefficient × areaM2;   value = quantity × Σ unit prices   (元/a)
 */
import type { MessageCode, MessageDetails } from '../messages/index';
import type { CoefficientTableIndex } from '../params/coefficient-table';
import type { ResolvedClass } from '../params/class-lookup';
import type { PieceSamples } from '../raster/samples';
import { bindInputs, type ClassBindings, type RunInputs } from './resolve-inputs';
import type { FormulaContext, Mode, ServiceDefinition, Vars } from './service-spec';
import { convertUnit } from './units';
import { vegetationCoverToC } from './vegetation-cover';
import { waterBodyStoragePerM2 } from './water-bodies';

export interface PieceInput {
  dlbm: string;
  /** Land-class area of the clipped piece (ellipsoidal, 田坎 already split off), m². */
  areaM2: number;
  samples?: PieceSamples;
  /** The lake or reservoir (register id) a water piece belongs to. */
  waterBodyId?: string;
}

/**
 * ok: computed; clipped: computed, and a negative coefficient (a class, or some samples) was set to 0;
 * zero: 0 by the class rule of §4.4 (or no row in a value-coefficient table); unavailable: a required input is
 * missing; noCoverage: no raster sample with data over the piece.
 */
export type PieceStatus = 'ok' | 'clipped' | 'zero' | 'unavailable' | 'noCoverage';

/** Where the number came from. */
export type PieceSource = 'model' | 'derived' | 'functional' | 'value' | 'coefficientTable' | 'zeroRule';

export interface Note {
  code: MessageCode;
  details: MessageDetails;
}

export interface PieceServiceResult {
  status: PieceStatus;
  source: PieceSource;
  form: string;
  /** In spec.outputs.coefficientUnit (after clip and zonal mean); null when unavailable or valued directly. */
  coefficient: number | null;
  /** Per year in {@link quantityUnit}; null when unknown. */
  quantity: number | null;
  /** The service's quantity unit (spec.outputs.quantityUnit), the same in both modes. */
  quantityUnit: string;
  /** 元/a; null when unavailable. */
  value: number | null;
  valueParts: Record<string, number>;
  secondary: Record<string, number>;
  /** Model mode: share of the piece's sample weight that had data. */
  coverage: number | null;
  notes: Note[];
}

/** Evaluates one service over many pieces of one run, caching the bindings per land class. */
export class ServiceEvaluator {
  private readonly cache = new Map<string, ClassBindings>();
  private readonly priceCache = new Map<string, ClassBindings>();
  private readonly contexts = new Map<ClassBindings, FormulaContext>();

  constructor(
    readonly def: ServiceDefinition,
    readonly mode: Mode,
    private readonly run: RunInputs,
    private readonly table?: CoefficientTableIndex,
  ) {}

  /** One service on one piece; the same result shape in both modes. */
  evaluate(piece: PieceInput): PieceServiceResult {
    const r = this.evaluateValue(piece);
    r.quantityUnit = this.def.spec.outputs.quantityUnit;
    return r;
  }

  private evaluateValue(piece: PieceInput): PieceServiceResult {
    const id = this.def.spec.id;
    const cls = this.run.classes.resolve(piece.dlbm);
    if (this.mode === 'coefficient' && this.table) {
      const row = this.table.rowFor(piece.dlbm);
      const v = row?.values[id];
      if (v === undefined || v === null) {
        // cli.md: a class the table does not give is worth 0; its quantity is unknown, as for every table value.
        return { ...zero('coefficientTable', [{ code: 'COEFFICIENT_CLASS_MISSING', details: { dlbm: piece.dlbm, service: id, file: this.table.table.name } }]), quantity: null, coefficient: null };
      }
      return direct('coefficientTable', v, piece, id);
    }
    if (this.mode === 'coefficient') {
      const entered = this.run.classes.coefficient(piece.dlbm, id);
      if (entered !== undefined) {
        this.run.used.add(entered.path);
        if (entered.row.kind === 'value') return direct('value', convertUnit(entered.row.value, entered.row.unit, '元/(m²·a)', entered.path), piece, id);
        const raw = convertUnit(entered.row.value, entered.row.unit, this.def.spec.outputs.coefficientUnit, entered.path);
        const pb = this.prices(cls);
        if (pb.missing.length > 0) return unavailable(pb.form, 'functional', missingNote(id, piece.dlbm, pb));
        const result = this.price(pb.scalars, this.context(pb), Math.max(0, raw), piece.areaM2, 'functional', null);
        return raw < 0 ? clippedResult(result, id, piece.dlbm) : result;
      }
    }
    if (cls.zero.includes(id)) return zero('zeroRule', []);
    const b = this.bindings(cls);
    const source: PieceSource = this.mode === 'model' ? 'model' : 'derived';
    if (b.missing.length > 0) return unavailable(b.form, source, missingNote(id, piece.dlbm, b));
    let scalars = b.scalars;
    const notes: Note[] = [];
    if (b.needsWaterBody) {
      const body = this.waterBody(piece, b);
      if (!body.ok) return unavailable(b.form, source, { code: body.code, details: { ...body.details, dlbm: piece.dlbm } });
      scalars = { ...scalars, bodyStorage: body.m3PerM2 };
      if (body.note) notes.push(body.note);
    }
    const ctx = this.context(b);
    let coefficient: number;
    let clipped: boolean;
    let coverage: number | null = null;
    if (b.rasters.length === 0) {
      const c = this.def.coefficient(scalars, ctx);
      clipped = c < 0;
      coefficient = Math.max(0, c);
    } else {
      const mean = this.zonalMean(piece.samples, b, scalars, ctx);
      if (mean === null) {
        return { ...unavailable(b.form, source, { code: 'RASTER_NO_COVERAGE', details: { service: id, rasters: b.rasters.map((r) => r.rasterId) } }), status: 'noCoverage' };
      }
      ({ coefficient, clipped, coverage } = mean);
      if (coverage < 1 - 1e-9) notes.push({ code: 'RASTER_PARTIAL_COVERAGE', details: { service: id } });
    }
    const result = this.price(scalars, ctx, coefficient, piece.areaM2, source, coverage);
    result.notes.push(...notes);
    return clipped ? clippedResult(result, id, piece.dlbm) : result;
  }

  /** Prices a coefficient: quantity = c × A, value parts = unit price × quantity. */
  private price(vars: Vars, ctx: FormulaContext, c: number, areaM2: number, source: PieceSource, coverage: number | null): PieceServiceResult {
    const quantity = c * areaM2;
    const unitPrices = this.def.unitPrices(vars, ctx);
    const valueParts: Record<string, number> = {};
    let value = 0;
    for (const part of this.def.spec.outputs.valueParts) {
      valueParts[part.id] = unitPrices[part.id] * quantity;
      value += valueParts[part.id];
    }
    const factors = this.def.secondary?.(vars, ctx) ?? {};
    const secondary: Record<string, number> = {};
    for (const s of this.def.spec.outputs.secondary) secondary[s.id] = factors[s.id] * quantity;
    return { status: 'ok', source, form: ctx.form, coefficient: c, quantity, quantityUnit: '', value, valueParts, secondary, coverage, notes: [] };
  }

  private zonalMean(samples: PieceSamples | undefined, b: ClassBindings, scalars: Vars, ctx: FormulaContext): { coefficient: number; clipped: boolean; coverage: number } | null {
    if (samples === undefined || samples.weights.length === 0) return null;
    const columns = b.rasters.map((r) => samples.values[r.rasterId]);
    if (columns.some((col) => col === undefined)) return null;
    const vars: Vars = { ...scalars };
    const n = samples.weights.length;
    let weightSum = 0;
    let weighted = 0;
    let clipped = false;
    sample: for (let i = 0; i < n; i++) {
      for (let k = 0; k < b.rasters.length; k++) {
        const raw = columns[k]![i];
        if (Number.isNaN(raw)) continue sample;
        const r = b.rasters[k];
        const v = raw * r.factor;
        vars[r.name] = r.transform === 'vegetationCoverToC' ? vegetationCoverToC(v) : v;
      }
      const c = this.def.coefficient(vars, ctx);
      if (!Number.isFinite(c)) continue;
      if (c < 0) clipped = true;
      const w = samples.weights[i];
      weightSum += w;
      weighted += w * Math.max(0, c);
    }
    if (!(weightSum > 0)) return null;
    return { coefficient: weighted / weightSum, clipped, coverage: Math.min(1, weightSum) };
  }

  private waterBody(piece: PieceInput, b: ClassBindings) {
    const form = b.form as 'lake' | 'reservoir';
    const s = b.scalars;
    return waterBodyStoragePerM2(
      piece.waterBodyId === undefined ? undefined : this.run.waterBodies.get(piece.waterBodyId),
      form,
      piece.waterBodyId,
      { a: s.lakeA, b: s.lakeB, t: s.lakeT },
      s.resShare,
    );
  }

  /** The formula context of a binding, made once per class (the evaluator runs per piece). */
  private context(b: ClassBindings): FormulaContext {
    let ctx = this.contexts.get(b);
    if (ctx === undefined) {
      ctx = context(b, this.run.set.options);
      this.contexts.set(b, ctx);
    }
    return ctx;
  }

  private bindings(cls: ResolvedClass): ClassBindings {
    let b = this.cache.get(cls.dlbm);
    if (b === undefined) {
      b = bindInputs(this.def, this.mode, cls, this.run);
      this.cache.set(cls.dlbm, b);
    }
    return b;
  }

  /** Only the prices and constants, for a coefficient entered directly. */
  private prices(cls: ResolvedClass): ClassBindings {
    let b = this.priceCache.get(cls.dlbm);
    if (b === undefined) {
      b = bindInputs(this.def, this.mode, cls, this.run, ['price', 'constant']);
      this.priceCache.set(cls.dlbm, b);
    }
    return b;
  }
}

function context(b: ClassBindings, options: FormulaContext['options']): FormulaContext {
  const names = new Set([...Object.keys(b.scalars), ...b.rasters.map((r) => r.name)]);
  return { form: b.form, options, has: (name) => names.has(name), dimension: (name) => b.dimensions[name] };
}

function zero(source: PieceSource, notes: Note[]): PieceServiceResult {
  return { status: 'zero', source, form: '', coefficient: 0, quantityUnit: '', quantity: 0, value: 0, valueParts: {}, secondary: {}, coverage: null, notes };
}

/** A value coefficient in 元/(m²·a): no quantity is known; a negative coefficient is clipped (convention 6). */
function direct(source: PieceSource, valuePerM2: number, piece: PieceInput, service: string): PieceServiceResult {
  const value = Math.max(0, valuePerM2) * piece.areaM2;
  const result: PieceServiceResult = { status: 'ok', source, form: '', coefficient: null, quantityUnit: '', quantity: null, value, valueParts: {}, secondary: {}, coverage: null, notes: [] };
  return valuePerM2 < 0 ? clippedResult(result, service, piece.dlbm) : result;
}

function clippedResult(result: PieceServiceResult, service: string, dlbm: string): PieceServiceResult {
  return { ...result, status: 'clipped', notes: [...result.notes, { code: 'SERVICE_CLIPPED', details: { service, dlbm } }] };
}

/** The note for missing inputs; a pond without a depth gets its own (§3.3: no lake power law on 1104 坑塘). */
function missingNote(service: string, dlbm: string, b: ClassBindings): Note {
  if (b.form === 'pond' && b.missing.includes('pondDepth')) return { code: 'FLOOD_POND_DEPTH_REQUIRED', details: { dlbm } };
  return { code: 'SERVICE_INPUT_MISSING', details: { service, dlbm, inputs: b.missing } };
}

function unavailable(form: string, source: PieceSource, note: Note): PieceServiceResult {
  return { status: 'unavailable', source, form, coefficient: null, quantityUnit: '', quantity: null, value: null, valueParts: {}, secondary: {}, coverage: null, notes: [note] };
}
