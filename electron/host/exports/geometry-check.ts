/** The error for a feature whose geometry does not fit its layer's one geometry type. */
import { InputError, type GeometryType } from '#core';
import type { ExportLayer } from './export-layer';

/** @param record 1-based position of the feature in the layer. */
export function mixedGeometryError(layer: ExportLayer, record: number, found: GeometryType, expected: GeometryType, format: string): InputError {
  return new InputError('EXPORT_MIXED_GEOMETRY', { layer: layer.title ?? layer.name, record, found, expected, format });
}
