/**
 * The number of the 1:10 000 map sheet (图幅号) holding a point, in the GB/T 13989-2012 scheme written in the
 * coordinate file's parcel line: 1:1 000 000 row letter (4° bands from the equator) and column (6° from 180°W),
 * scale code G, then the sheet's row (counted from the top of the 1:1 000 000 sheet) and column, three digits each.
 * A 1:10 000 sheet spans 2′30″ of latitude and 3′45″ of longitude.
 * @example mapSheet10k(119.56, 30.55) // 'H50G035089'
 */
export function mapSheet10k(lonDeg: number, latDeg: number): string {
  const row1m = Math.floor(latDeg / 4);
  const col1m = Math.floor(lonDeg / 6) + 31;
  const dLat = 2.5 / 60;
  const dLon = 3.75 / 60;
  const rows = Math.round(4 / dLat);
  const row = rows - Math.floor((latDeg - row1m * 4) / dLat);
  const col = Math.floor((lonDeg - (col1m - 31) * 6) / dLon) + 1;
  return `${String.fromCharCode(65 + row1m)}${col1m}G${String(row).padStart(3, '0')}${String(col).padStart(3, '0')}`;
}
