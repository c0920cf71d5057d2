/**
 * A parameter set as CSV tables a user can edit in a spreadsheet, and back:
 *
 *   prices.csv        group,id,value,unit,price_year,source,tag,verified,illustrative,note   (prices, constants, zone)
 *   classes.csv       dlbm,basis,zero,flood,climate                                          (zero: services, space-separated)
 *   class-inputs.csv  dlbm,input,value,unit,source,tag,verified,illustrative,note
 *   coefficients.csv  dlbm,service,kind,value,unit,source,tag,verified,illustrative,note     (entered coefficients)
 *
 * Reading a table replaces that part of a base set; the result is checked like a JSON set.
 */
import { InputError } from '../errors';
import { isServiceId, type ServiceId } from '../services/service-ids';
import { csvCheckHeader, csvColumn, csvNumber, parseCsv, writeCsv, type CsvRecord, type CsvTable } from './csv';
import type { ClassRow, CoefficientRow, ConfidenceTag, ParameterSet, ParamValue, PriceValue } from './parameter-set';
import { checkParameterSetShape } from './parameter-set-schema';

export interface ParameterCsvTables {
  prices: string;
  classes: string;
  classInputs: string;
  coefficients: string;
}

const PRICE_HEADER = ['group', 'id', 'value', 'unit', 'price_year', 'source', 'tag', 'verified', 'illustrative', 'note'] as const;
const CLASS_HEADER = ['dlbm', 'basis', 'zero', 'flood', 'climate'] as const;
const INPUT_HEADER = ['dlbm', 'input', 'value', 'unit', 'source', 'tag', 'verified', 'illustrative', 'note'] as const;
const COEF_HEADER = ['dlbm', 'service', 'kind', 'value', 'unit', 'source', 'tag', 'verified', 'illustrative', 'note'] as const;
const GROUPS = ['prices', 'constants', 'zone'] as const;
const FLOODS = ['vegetation', 'marsh', 'pond', 'lake', 'reservoir'] as const;
const CLIMATES = ['vegetation', 'water'] as const;

const provenance = (v: ParamValue) => [v.source, v.tag, v.verified, v.illustrative ?? false, v.note ?? null];

/** Writes the four tables of a set (CRLF, UTF-8 text; the host adds a BOM if a spreadsheet needs one). */
export function parameterSetToCsv(set: ParameterSet): ParameterCsvTables {
  const prices = GROUPS.flatMap((group) =>
    Object.keys(set[group]).map((id) => {
      const v = set[group][id] as PriceValue;
      return [group, id, v.value, v.unit, group === 'prices' ? v.priceYear : null, ...provenance(v)];
    }),
  );
  const classes = set.classes.map((r) => [r.code, r.basis, r.zero === undefined ? null : r.zero.join(' '), r.flood ?? null, r.climate ?? null]);
  const inputs = set.classes.flatMap((r) => Object.keys(r.inputs).map((id) => [r.code, id, r.inputs[id].value, r.inputs[id].unit, ...provenance(r.inputs[id])]));
  const coefficients = set.coefficients.map((c) => [c.code, c.service, c.kind, c.value, c.unit, ...provenance(c)]);
  return {
    prices: writeCsv(PRICE_HEADER, prices),
    classes: writeCsv(CLASS_HEADER, classes),
    classInputs: writeCsv(INPUT_HEADER, inputs),
    coefficients: writeCsv(COEF_HEADER, coefficients),
  };
}

/**
 * Replaces the parts of `base` given as CSV tables.
 * @param names file names for messages, by table.
 * @throws InputError with line and column for a bad cell (CSV_*, PARAMS_CSV_*), PARAMS_INVALID for a result that
 *   is not a parameter set.
 */
export function parameterSetFromCsv(base: ParameterSet, tables: Partial<ParameterCsvTables>, names: Partial<Record<keyof ParameterCsvTables, string>> = {}): ParameterSet {
  const set: ParameterSet = JSON.parse(JSON.stringify(base)) as ParameterSet;
  if (tables.prices !== undefined) {
    const t = table(tables.prices, names.prices ?? 'prices.csv', PRICE_HEADER);
    set.prices = {};
    set.constants = {};
    set.zone = {};
    for (const r of t.records) {
      const group = cell(t, r, 'group');
      if (!(GROUPS as readonly string[]).includes(group)) throw bad(t, r, 'group', GROUPS.join('|'));
      const v = paramValue(t, r);
      const id = cell(t, r, 'id');
      if (group === 'prices') set.prices[id] = { ...v, priceYear: optionalInt(t, r, 'price_year') };
      else set[group as 'constants' | 'zone'][id] = v;
    }
  }
  if (tables.classes !== undefined) {
    const t = table(tables.classes, names.classes ?? 'classes.csv', CLASS_HEADER);
    const inputs = new Map(set.classes.map((c) => [c.code, c.inputs]));
    set.classes = t.records.map((r): ClassRow => {
      const code = cell(t, r, 'dlbm');
      const row: ClassRow = { code, basis: cell(t, r, 'basis'), inputs: inputs.get(code) ?? {} };
      const zero = cell(t, r, 'zero');
      if (zero !== '') row.zero = zero.split(/\s+/).map((s) => (isServiceId(s) ? s : throwBad(t, r, 'zero', 'service ids'))) as ServiceId[];
      const flood = cell(t, r, 'flood');
      if (flood !== '') row.flood = oneOf(t, r, 'flood', FLOODS);
      const climate = cell(t, r, 'climate');
      if (climate !== '') row.climate = oneOf(t, r, 'climate', CLIMATES);
      return row;
    });
  }
  if (tables.classInputs !== undefined) {
    const t = table(tables.classInputs, names.classInputs ?? 'class-inputs.csv', INPUT_HEADER);
    for (const c of set.classes) c.inputs = {};
    for (const r of t.records) {
      const code = cell(t, r, 'dlbm');
      const row = set.classes.find((c) => c.code === code);
      if (row === undefined) throw new InputError('PARAMS_CSV_CLASS_UNKNOWN', { file: t.name, line: r.line, column: csvColumn(t, 'dlbm') + 1, value: code });
      row.inputs[cell(t, r, 'input')] = paramValue(t, r);
    }
  }
  if (tables.coefficients !== undefined) {
    const t = table(tables.coefficients, names.coefficients ?? 'coefficients.csv', COEF_HEADER);
    set.coefficients = t.records.map((r): CoefficientRow => {
      const service = cell(t, r, 'service');
      if (!isServiceId(service)) throw bad(t, r, 'service', 'a service id');
      const kind = cell(t, r, 'kind');
      if (kind !== 'functional' && kind !== 'value') throw bad(t, r, 'kind', 'functional|value');
      return { code: cell(t, r, 'dlbm'), service, kind, ...paramValue(t, r) };
    });
  }
  return checkParameterSetShape(set, Object.values(names).join(', '));
}

function table(text: string, name: string, header: readonly string[]): CsvTable {
  const t = parseCsv(text, name);
  csvCheckHeader(t, header);
  for (const h of header) csvColumn(t, h);
  return t;
}

function cell(t: CsvTable, r: CsvRecord, column: string): string {
  return r.fields[csvColumn(t, column)].trim();
}

function paramValue(t: CsvTable, r: CsvRecord): ParamValue {
  const tag = cell(t, r, 'tag');
  if (!['C', 'R', 'R-low', 'U', 'D'].includes(tag)) throw bad(t, r, 'tag', 'C|R|R-low|U|D');
  const v: ParamValue = { value: csvNumber(t, r, csvColumn(t, 'value')), unit: cell(t, r, 'unit'), source: cell(t, r, 'source') || null, tag: tag as ConfidenceTag, verified: bool(t, r, 'verified') };
  if (bool(t, r, 'illustrative')) v.illustrative = true;
  const note = cell(t, r, 'note');
  if (note !== '') v.note = note;
  return v;
}

function bool(t: CsvTable, r: CsvRecord, column: string): boolean {
  const s = cell(t, r, column).toLowerCase();
  if (s === 'true') return true;
  if (s === 'false' || s === '') return false;
  throw bad(t, r, column, 'true|false');
}

function optionalInt(t: CsvTable, r: CsvRecord, column: string): number | null {
  if (cell(t, r, column) === '') return null;
  const n = csvNumber(t, r, csvColumn(t, column));
  if (!Number.isInteger(n)) throw bad(t, r, column, 'a year');
  return n;
}

function bad(t: CsvTable, r: CsvRecord, column: string, expected: string): InputError {
  const i = csvColumn(t, column);
  return new InputError('PARAMS_CSV_VALUE_INVALID', { file: t.name, line: r.line, column: i + 1, field: column, value: r.fields[i].trim(), expected });
}

function oneOf<T extends string>(t: CsvTable, r: CsvRecord, column: string, allowed: readonly T[]): T {
  const v = cell(t, r, column);
  if (!(allowed as readonly string[]).includes(v)) throw bad(t, r, column, allowed.join('|'));
  return v as T;
}

function throwBad(t: CsvTable, r: CsvRecord, column: string, expected: string): never {
  throw bad(t, r, column, expected);
}
