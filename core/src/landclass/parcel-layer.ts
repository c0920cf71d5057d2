/**
 * Which of a project's layers is its land-use parcel layer — the one the map fits on first open, the attribute table
 * and snapping start on: the first that looks like 三调 parcels (a polygon layer with DLBM, the land-class code of the
 * DLTB layer), else the first polygon layer.
 */
export function parcelLayerOf<L extends { geometryType: string | null; fields: readonly { name: string }[] }>(layers: readonly L[]): L | null {
  const polygons = layers.filter((l) => l.geometryType === 'Polygon' || l.geometryType === 'MultiPolygon');
  return polygons.find((l) => l.fields.some((f) => f.name.toUpperCase() === 'DLBM')) ?? polygons[0] ?? null;
}
