/**
 * The runtime schema of a parameter set (zod), the JSON Schema document emitted from it, and JSON import/export.
 * The schema checks shape; units, known input ids and ranges are checked by validateParameterSet (services/).
 */
import { z } from 'zod';
import { InputError } from '../errors';
import { SERVICE_IDS } from '../services/service-ids';
import { canonicalJson } from './canonical-json';
import type { ParameterSet } from './parameter-set';

const bilingual = z.strictObject({ zh: z.string(), en: z.string() });
const tag = z.enum(['C', 'R', 'R-low', 'U', 'D']);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const paramValue = z.strictObject({
  value: finite,
  unit: z.string().min(1),
  source: z.string().nullable(),
  tag,
  verified: z.boolean(),
  illustrative: z.boolean().optional(),
  note: z.string().optional(),
});

const priceValue = paramValue.extend({ priceYear: z.number().int().min(1900).max(2200).nullable() });

const serviceId = z.enum(SERVICE_IDS);

const classRow = z.strictObject({
  code: z.string().regex(/^(\d{2}(\d{2}[A-Z0-9]?)?|\d{2}H\d)$/, 'a DLBM such as 0301, 0301K, 05H1 or a level-1 code such as 03'),
  basis: z.string(),
  zero: z.array(serviceId).optional(),
  flood: z.enum(['vegetation', 'marsh', 'pond', 'lake', 'reservoir']).optional(),
  climate: z.enum(['vegetation', 'water']).optional(),
  inputs: z.record(z.string(), paramValue),
});

const coefficientRow = paramValue.extend({
  code: classRow.shape.code,
  service: serviceId,
  kind: z.enum(['functional', 'value']),
});

/** The zod schema of {@link ParameterSet}. */
export const parameterSetSchema = z.strictObject({
  format: z.literal('vep-parameter-set'),
  formatVersion: z.literal(1),
  id: z.string().min(1).max(200),
  label: bilingual,
  notice: bilingual.nullable(),
  illustrative: z.boolean(),
  sources: z.record(z.string(), z.string()),
  options: z.strictObject({
    carbonBasis: z.enum(['npp', 'nep']),
    soilCarbonAddOn: z.boolean(),
    divideWaterCoolingByEER: z.boolean(),
  }),
  prices: z.record(z.string(), priceValue),
  constants: z.record(z.string(), paramValue),
  zone: z.record(z.string(), paramValue),
  classes: z.array(classRow).max(10_000),
  coefficients: z.array(coefficientRow).max(100_000),
  priceIndex: z
    .strictObject({ name: z.string(), values: z.record(z.string().regex(/^\d{4}$/, 'a year such as 2010'), z.number().positive()) })
    .nullable(),
  documentation: z
    .strictObject({ rasters: z.array(z.strictObject({ id: z.string(), unit: z.string(), label: bilingual, about: bilingual })) })
    .optional(),
});

/** The JSON Schema (draft 2020-12) of a parameter set document, for editors and other tools. */
export function parameterSetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(parameterSetSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://vep-studio.invalid/schema/parameter-set-1.json', title: 'VEP Studio parameter set, format version 1' };
}

/**
 * Parses a parameter set from JSON text and checks its shape.
 * @param name the file name, for messages.
 * @throws InputError PARAMS_JSON_INVALID for text that is not JSON, PARAMS_INVALID (with the JSON path) for a
 *   document that is not a parameter set.
 */
export function parseParameterSet(text: string, name = ''): ParameterSet {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError('PARAMS_JSON_INVALID', { name, reason: e instanceof Error ? e.message : String(e) });
  }
  return checkParameterSetShape(doc, name);
}

/**
 * Checks that a value has the shape of a parameter set (e.g. one that crossed a process boundary).
 * @throws InputError PARAMS_INVALID naming the first bad path.
 */
export function checkParameterSetShape(doc: unknown, name = ''): ParameterSet {
  const r = parameterSetSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.map(String).join('.') || '(root)';
    throw new InputError('PARAMS_INVALID', { name, path, reason: issue.message });
  }
  return r.data as ParameterSet;
}

/** A parameter set as canonical JSON (stable key order, no whitespace): what the host hashes. */
export function parameterSetToJson(set: ParameterSet): string {
  return canonicalJson(set);
}
