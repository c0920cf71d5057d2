/**
 * The SQL functions the GeoPackage R-tree triggers call (GeoPackage 1.3 Annex F.3: ST_MinX, ST_MaxX, ST_MinY,
 * ST_MaxY, ST_IsEmpty). GDAL and SpatiaLite register them on their own connections; every connection of ours that
 * writes a feature table must register them too, or SQLite refuses the statement ("no such function").
 */
import type Database from 'better-sqlite3';
import { gpkgGeometryExtent, isGpkgGeometryEmpty, type Extent } from '#core';

/** The header envelope (or the WKB's extent for a point); null for NULL, empty or unreadable blobs. */
function extentOf(blob: unknown): Extent | null {
  if (!(blob instanceof Uint8Array)) return null;
  try {
    return gpkgGeometryExtent(blob);
  } catch {
    return null;
  }
}

/** Registers ST_MinX/MaxX/MinY/MaxY/IsEmpty on a connection (idempotent per connection). */
export function registerGpkgFunctions(db: Database.Database): void {
  const options = { deterministic: true, varargs: false } as const;
  db.function('ST_MinX', options, (g: unknown) => extentOf(g)?.[0] ?? null);
  db.function('ST_MinY', options, (g: unknown) => extentOf(g)?.[1] ?? null);
  db.function('ST_MaxX', options, (g: unknown) => extentOf(g)?.[2] ?? null);
  db.function('ST_MaxY', options, (g: unknown) => extentOf(g)?.[3] ?? null);
  db.function('ST_IsEmpty', options, (g: unknown) => {
    if (!(g instanceof Uint8Array)) return null;
    try {
      return isGpkgGeometryEmpty(g) || gpkgGeometryExtent(g) === null ? 1 : 0;
    } catch {
      return 1;
    }
  });
}
