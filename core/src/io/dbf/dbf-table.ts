/**
 * A bare .dbf read as a table: a {@link VectorSource} whose features have no geometry (docs/design/cli.md: "a bare
 * `.dbf` is read as a table").
 */
import type { ByteSource, Feature, FieldDef, Properties, PropertyValue } from '../../types';
import type { VectorSource } from '../vector-source';
import { openDbf, type DbfOptions } from './dbf-reader';

/**
 * Opens a .dbf on its own. Records marked deleted are skipped by `features()` but counted in `featureCount`, as
 * GDAL does; feature ids are record indices.
 * @param dbf the .dbf bytes.
 * @param options `.cpg` text, encoding override, file name for messages.
 * @throws InputError for a damaged header (DBF_*), or ENCODING_UNKNOWN.
 * @example const table = openDbfTable(bytesSource(dbfBytes), { cpg: 'GBK', file: 'DLTB.dbf' });
 */
export function openDbfTable(dbf: ByteSource, options: DbfOptions = {}): VectorSource {
  const table = openDbf(dbf, options);
  return {
    info: {
      format: 'dbf', featureCount: table.recordCount, geometryType: null, crs: null,
      encoding: { name: table.encoding.name, source: table.encodingSource },
      fields: table.fields, extent: null, schema: null, warnings: table.warnings,
    },
    *features(): Iterable<Feature> {
      for (const record of table.records()) {
        if (!record.deleted) yield { type: 'Feature', id: record.index, geometry: null, properties: toProperties(table.fields, record.values) };
      }
    },
  };
}

/** Pairs field names with a record's values. */
export function toProperties(fields: readonly FieldDef[], values: readonly PropertyValue[]): Properties {
  const properties: Properties = {};
  for (let i = 0; i < fields.length; i++) properties[fields[i].name] = values[i];
  return properties;
}
