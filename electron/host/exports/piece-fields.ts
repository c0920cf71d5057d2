/**
 * The attribute fields of an accounting run's clipped parcel pieces, as every export writes them: descriptive names
 * in GeoPackage and GeoJSON, short upper-case names in a shapefile's DBF (WR_V = 水源涵养 value …, listed in
 * docs/reports.md), the six services in the contract's order.
 */
import { SERVICE_IDS, type ParcelRow, type Properties, type ServiceId } from '#core';
import type { ResultPiece } from '../store/runs';
import type { ExportField } from './export-layer';

const SHORT: Record<ServiceId, string> = {
  water_retention: 'WR', soil_conservation: 'SC', flood_storage: 'FS', carbon_sequestration: 'CS', oxygen_release: 'OR', climate_regulation: 'CR',
};

/** Fields of a piece: zone, parcel id, DLBM, DLMC, area, quantity and value per service, value, unit value. */
export const PIECE_FIELDS: readonly ExportField[] = [
  { name: 'zone', shortName: 'ZONE', type: 'string', width: 7 },
  { name: 'parcel_id', shortName: 'PARCEL_ID', type: 'string', width: 20 },
  { name: 'dlbm', shortName: 'DLBM', type: 'string', width: 5 },
  { name: 'dlmc', shortName: 'DLMC', type: 'string', width: 60 },
  { name: 'area_m2', shortName: 'AREA_M2', type: 'number', width: null, decimals: 2 },
  ...SERVICE_IDS.flatMap((id): ExportField[] => [
    { name: `${id}_quantity`, shortName: `${SHORT[id]}_Q`, type: 'number', width: null },
    { name: `${id}_value`, shortName: `${SHORT[id]}_V`, type: 'number', width: null, decimals: 2 },
  ]),
  { name: 'value_yuan', shortName: 'VALUE_YUAN', type: 'number', width: null, decimals: 2 },
  { name: 'unit_value', shortName: 'UNIT_VALUE', type: 'number', width: null, decimals: 4 },
];

/** The properties of a piece from its row of the `vep account` document. */
export function pieceRowProperties(row: ParcelRow): Properties {
  const props: Properties = { zone: row.zone, parcel_id: String(row.id), dlbm: row.dlbm, dlmc: row.dlmc, area_m2: row.area };
  for (const id of SERVICE_IDS) {
    props[`${id}_quantity`] = row.services[id].quantity;
    props[`${id}_value`] = row.services[id].value;
  }
  props.value_yuan = row.value;
  props.unit_value = row.unitValue;
  return props;
}

/** The properties of a piece as the project store keeps it (a run's result pieces). */
export function storedPieceProperties(p: ResultPiece): Properties {
  const props: Properties = { zone: p.zone, parcel_id: p.parcelFid === null ? null : String(p.parcelFid), dlbm: p.dlbm, dlmc: p.dlmc, area_m2: p.areaM2 };
  for (const id of SERVICE_IDS) {
    props[`${id}_quantity`] = p.services[id]?.quantity ?? null;
    props[`${id}_value`] = p.services[id]?.value ?? null;
  }
  props.value_yuan = p.valueYuan;
  props.unit_value = p.unitValue;
  return props;
}
