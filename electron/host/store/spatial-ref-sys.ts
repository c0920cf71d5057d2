/**
 * Rows of gpkg_spatial_ref_sys for the CRSs of a project's layers. A CRS with an EPSG code gets srs_id = the code
 * and organization "EPSG" (as GDAL does, so GDAL, QGIS and ArcGIS resolve it by code too); any other CRS gets an id
 * of 100000 or more, derived from its proj4 definition so that two writers pick the same id for the same CRS,
 * with organization "NONE". The definition is OGC WKT (§1.1.2.1.1), made by the caller's {@link SrsDefinition}.
 */
import type Database from 'better-sqlite3';
import type { CrsInfo } from '#core';

/** Makes the OGC WKT definition of a CRS for gpkg_spatial_ref_sys. */
export type SrsDefinition = (crs: CrsInfo) => string;

const FIRST_CUSTOM_SRS_ID = 100000;
const CUSTOM_ID_RANGE = 900_000_000;

interface SrsRowData { srs_id: number; organization: string; organization_coordsys_id: number; description: string | null }

/**
 * The srs_id `crs` has or will get in this file, without writing. An import stamps it into every geometry header
 * and inserts the row only when it publishes, so a cancelled import leaves gpkg_spatial_ref_sys untouched.
 */
export function srsIdFor(db: Database.Database, crs: CrsInfo): { srsId: number; exists: boolean } {
  const row = db.prepare('SELECT srs_id, organization, organization_coordsys_id, description FROM gpkg_spatial_ref_sys WHERE srs_id = ?');
  if (crs.epsg !== null) {
    const byCode = db.prepare("SELECT srs_id FROM gpkg_spatial_ref_sys WHERE upper(organization) = 'EPSG' AND organization_coordsys_id = ?").pluck().get(crs.epsg) as number | undefined;
    if (byCode !== undefined) return { srsId: byCode, exists: true };
    if (row.get(crs.epsg) === undefined) return { srsId: crs.epsg, exists: false };
  }
  // Probe from the hash of the definition; the first free id or the row already made for this CRS wins.
  for (let id = FIRST_CUSTOM_SRS_ID + (hash32(crs.proj4) % CUSTOM_ID_RANGE); ; id++) {
    const r = row.get(id) as SrsRowData | undefined;
    if (!r) return { srsId: id, exists: false };
    if (r.organization === 'NONE' && r.description === crs.proj4) return { srsId: id, exists: true };
  }
}

/** The srs_id for `crs`, inserting its row when the file has none yet. Run inside the caller's transaction. */
export function ensureSrs(db: Database.Database, crs: CrsInfo, definition: SrsDefinition): number {
  const { srsId, exists } = srsIdFor(db, crs);
  if (exists) return srsId;
  const epsg = crs.epsg !== null && srsId === crs.epsg;
  db.prepare('INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)').run(
    crs.name, srsId, epsg ? 'EPSG' : 'NONE', epsg ? crs.epsg : srsId, definition(crs), epsg ? null : crs.proj4,
  );
  return srsId;
}

/** The row of an srs_id (for reading GeoPackages made elsewhere). */
export function srsRow(db: Database.Database, srsId: number): { srsName: string; organization: string; organizationCoordsysId: number; definition: string } | null {
  const row = db.prepare('SELECT srs_name AS srsName, organization, organization_coordsys_id AS organizationCoordsysId, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(srsId);
  return (row as ReturnType<typeof srsRow>) ?? null;
}

/** FNV-1a, 32 bit: a stable small hash of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
