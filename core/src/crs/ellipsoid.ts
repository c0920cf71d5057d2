/**
 * The ellipsoids of the Chinese CRS zoo (../../../docs/methods.md § CRS; sandiao-data.md §5.1, §6.1).
 * Only the defining parameters live here; derived series constants belong to the code that uses them.
 */
export type EllipsoidId = 'CGCS2000' | 'Xian1980' | 'Beijing1954' | 'WGS84';

export interface Ellipsoid {
  id: EllipsoidId;
  /** Semi-major axis, metres. */
  a: number;
  /** Inverse flattening. */
  rf: number;
  /** The proj4 ellipsoid clause for this ellipsoid. */
  proj4: string;
}

export const ELLIPSOIDS: Record<EllipsoidId, Ellipsoid> = {
  CGCS2000: { id: 'CGCS2000', a: 6378137, rf: 298.257222101, proj4: '+ellps=GRS80' },
  Xian1980: { id: 'Xian1980', a: 6378140, rf: 298.257, proj4: '+a=6378140 +rf=298.257' },
  Beijing1954: { id: 'Beijing1954', a: 6378245, rf: 298.3, proj4: '+ellps=krass' },
  WGS84: { id: 'WGS84', a: 6378137, rf: 298.257223563, proj4: '+datum=WGS84' },
};
