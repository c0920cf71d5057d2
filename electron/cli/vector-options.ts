/** The input options shared by commands that read a layer: `--crs`, `--encoding`, `--layer`. */
import { crsFromUserInput } from '#core';
import type { OpenVectorOptions } from '../host/services/open-vector';
import { optionString, type OptionSpec, type ParsedArgs } from './args';

export const VECTOR_OPTIONS: OptionSpec[] = [
  { name: 'crs', type: 'string', valueName: 'EPSG:NNNN', description: 'CRS of the input, overriding or supplying what the file says (EPSG code, proj4 or WKT)' },
  { name: 'encoding', type: 'string', valueName: 'NAME', description: 'attribute encoding of a shapefile/DBF (GBK, UTF-8, GB18030, Big5 …), overriding .cpg/LDID detection' },
  { name: 'layer', type: 'string', valueName: 'NAME', description: 'the layer of a GeoPackage, or the shapefile inside a zip holding several' },
];

/** @throws InputError CRS_* for an unusable --crs. */
export function vectorOptions(args: ParsedArgs, prefix = ''): OpenVectorOptions {
  const crs = optionString(args, `${prefix}crs`);
  return { crs: crs === undefined ? undefined : crsFromUserInput(crs), encoding: optionString(args, `${prefix}encoding`) ?? null, layer: optionString(args, `${prefix}layer`) ?? null };
}
