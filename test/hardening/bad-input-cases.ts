/**
 * The catalogue of hostile input: each case, the catalogued code it gives (null where the input is read as GDAL
 * reads it, with no message), and the files that assert it — a test, and for fixture-driven tests the expected-value
 * file that names the code. docs/bad-input.md is rendered from this list and the message catalogue
 * (bad-input-doc.ts) and checked by bad-input-doc.test.ts, so the document cannot drift from the code.
 */

export interface BadInputCase {
  /** The input, as a user would describe it. */
  input: string;
  /** The catalogued code it gives, or null when it is read without a message. */
  code: string | null;
  /** How it is handled when there is no code. */
  handling?: string;
  /** Repository paths that assert the case; the code appears in at least one of them. */
  tests: string[];
}

export interface BadInputTopic {
  title: string;
  cases: BadInputCase[];
}

const DAMAGED_SHP = 'core/src/io/shapefile/damaged-shapefile.test.ts';
const VECTOR = 'test/hardening/vector-files.test.ts';
const ZIP = 'core/src/io/zip.test.ts';
const TIFF = 'core/src/io/geotiff/geotiff-reader.test.ts';
const TXT = 'core/src/io/coordinates-txt/coordinates-txt.test.ts';
const txtFixture = (name: string) => `core/fixtures/coordinates-txt/out/${name}.json`;
const PRJ = ['core/src/crs/crs-from-wkt.test.ts', 'core/fixtures/prj/expected.json'];
const REDLINE = 'core/src/geometry/validate-redline.test.ts';
const redlineFixture = (name: string) => `core/fixtures/redline/out/${name}.json`;
const ZONE = 'test/hardening/zone-overlap.test.ts';
/** The same files through the app's import path (web host → import worker). */
const IMPORT = 'test/hardening/import-hostile.test.ts';

export const BAD_INPUT_TOPICS: BadInputTopic[] = [
  {
    title: 'Shapefile geometry (.shp, .shx)',
    cases: [
      { input: 'Zero-length .shp', code: 'SHP_TOO_SHORT', tests: [DAMAGED_SHP] },
      { input: 'A file that is not a shapefile (wrong file code)', code: 'SHP_NOT_SHAPEFILE', tests: [DAMAGED_SHP] },
      { input: 'Truncated .shp (header declares more bytes than the file has)', code: 'SHP_TRUNCATED', tests: [DAMAGED_SHP, IMPORT] },
      { input: '.shp header declaring 10⁸ records worth of bytes', code: 'SHP_TRUNCATED', tests: [DAMAGED_SHP] },
      { input: 'Truncated .shp whose header length was rewritten to match', code: 'SHP_RECORD_TRUNCATED', tests: [DAMAGED_SHP] },
      { input: 'Declared file length shorter than the 100-byte header', code: 'SHP_BAD_LENGTH', tests: [VECTOR] },
      { input: 'Record content length too short for its shape type', code: 'SHP_RECORD_TOO_SHORT', tests: [VECTOR] },
      { input: 'Wrong shape type in a record', code: 'SHP_RECORD_WRONG_TYPE', tests: [DAMAGED_SHP] },
      { input: 'Unknown shape type in the header', code: 'SHP_SHAPE_TYPE_UNKNOWN', tests: [DAMAGED_SHP] },
      { input: 'MultiPatch layer', code: 'SHP_MULTIPATCH_UNSUPPORTED', tests: ['core/src/io/shapefile/shapefile-reader.test.ts'] },
      { input: 'Absurd point or part count in a record (checked before allocating)', code: 'SHP_RECORD_BAD_COUNTS', tests: [DAMAGED_SHP] },
      { input: 'Part start indices out of order or past the points', code: 'SHP_RECORD_BAD_PARTS', tests: [DAMAGED_SHP] },
      { input: 'NaN or ±∞ coordinates', code: 'SHP_NON_FINITE_COORDINATE', tests: [DAMAGED_SHP] },
      { input: 'A coordinate overwritten with 10³⁰⁰ (absurd for any CRS) inside a record whose box was not', code: 'SHP_VERTEX_OUTSIDE_EXTENT', tests: [VECTOR, IMPORT] },
      { input: 'Ring with fewer than 4 vertices', code: 'SHP_DEGENERATE_RINGS', tests: [VECTOR] },
      { input: 'Ring that does not close', code: null, handling: 'closed on reading, as GDAL does; area of the closed ring', tests: [VECTOR, 'core/src/io/shapefile/ring-assembly.test.ts'] },
      { input: 'Zero-length, 10⁸-record, out-of-range or disagreeing .shx', code: 'SHX_IGNORED', tests: [DAMAGED_SHP] },
    ],
  },
  {
    title: 'Attribute table (.dbf) and encodings',
    cases: [
      { input: 'Zero-length .dbf', code: 'DBF_TOO_SHORT', tests: [DAMAGED_SHP, IMPORT] },
      { input: 'Truncated .dbf', code: 'DBF_TRUNCATED', tests: [DAMAGED_SHP] },
      { input: '.dbf declaring 10⁸ records', code: 'DBF_TRUNCATED', tests: [DAMAGED_SHP] },
      { input: '.shp and .dbf record counts disagree', code: 'SHP_DBF_COUNT_MISMATCH', tests: [DAMAGED_SHP, IMPORT] },
      { input: 'Header length past the end of the file', code: 'DBF_BAD_HEADER_LENGTH', tests: [DAMAGED_SHP] },
      { input: 'Header length ending inside the field descriptors', code: 'DBF_NO_TERMINATOR', tests: [DAMAGED_SHP] },
      { input: 'Field lengths running past the record length', code: 'DBF_FIELD_OVERFLOW', tests: [DAMAGED_SHP] },
      { input: 'Record length of zero', code: 'DBF_BAD_RECORD_LENGTH', tests: [DAMAGED_SHP] },
      { input: 'Field of width zero', code: 'DBF_FIELD_WIDTH_ZERO', tests: [DAMAGED_SHP] },
      { input: 'Unreadable numbers in a numeric field', code: 'DBF_BAD_NUMBER', tests: [DAMAGED_SHP] },
      { input: 'Records in two encodings (GBK and UTF-8) in one table', code: 'ENCODING_MIXED', tests: [VECTOR] },
      { input: '.cpg or LDID declaring the wrong encoding', code: 'ENCODING_DECLARED_WRONG', tests: ['core/src/io/shapefile/shapefile-reader.test.ts'] },
      { input: 'Text neither UTF-8 nor GB18030', code: 'ENCODING_UNCERTAIN', tests: [VECTOR] },
      { input: 'Unknown encoding chosen by the user', code: 'ENCODING_UNKNOWN', tests: ['core/src/io/dbf/dbf-reader.test.ts'] },
    ],
  },
  {
    title: 'Zip archives',
    cases: [
      { input: 'Not a zip', code: 'ZIP_NOT_ZIP', tests: [ZIP] },
      { input: 'Half-copied zip, damaged central directory', code: 'ZIP_DAMAGED', tests: [ZIP] },
      { input: 'Zip-slip: absolute paths or ".." in entry names', code: 'ZIP_UNSAFE_PATH', tests: [ZIP, IMPORT] },
      { input: 'Zip bomb: an entry inflating past its declared size', code: 'ZIP_SIZE_MISMATCH', tests: [ZIP] },
      { input: 'Declared entry size past the limit (refused before inflating)', code: 'ZIP_ENTRY_TOO_LARGE', tests: [ZIP] },
      { input: 'Declared total size past the limit', code: 'ZIP_TOTAL_TOO_LARGE', tests: [ZIP] },
      { input: 'More entries than the limit', code: 'ZIP_TOO_MANY_ENTRIES', tests: [ZIP] },
      { input: 'Wrong CRC', code: 'ZIP_CRC_MISMATCH', tests: [ZIP] },
      { input: 'Encrypted entry', code: 'ZIP_ENCRYPTED', tests: [ZIP] },
      { input: 'Unsupported compression method', code: 'ZIP_UNSUPPORTED_METHOD', tests: [ZIP] },
      { input: 'No shapefile inside', code: 'ZIP_NO_SHAPEFILE', tests: [ZIP] },
    ],
  },
  {
    title: 'Coordinate systems (.prj, WKT, --crs) and coordinates',
    cases: [
      { input: 'Garbage, empty, truncated or absurdly nested .prj', code: 'CRS_UNPARSEABLE', tests: [...PRJ, IMPORT] },
      { input: 'Unknown or unsupported CRS (geocentric, polar stereographic, US feet, grads)', code: 'CRS_UNSUPPORTED', tests: PRJ },
      { input: 'EPSG code the program does not know', code: 'CRS_EPSG_UNKNOWN', tests: ['core/src/crs/crs-from-wkt.test.ts'] },
      { input: 'Coordinates absurd for the CRS', code: 'CRS_COORDINATES_ABSURD', tests: ['core/src/crs/reconcile-crs-extent.test.ts'] },
      { input: 'Eastings spanning several zones', code: 'CRS_ZONES_MIXED', tests: ['core/src/crs/reconcile-crs-extent.test.ts'] },
    ],
  },
  {
    title: 'GeoTIFF rasters',
    cases: [
      { input: 'Not a TIFF', code: 'TIFF_NOT_TIFF', tests: [TIFF] },
      { input: 'Truncated TIFF', code: 'TIFF_TRUNCATED', tests: [TIFF] },
      { input: 'Unsupported compression (LZMA, WebP, YCbCr JPEG)', code: 'TIFF_COMPRESSION_UNSUPPORTED', tests: [TIFF] },
      { input: 'Broken IFD offset', code: 'TIFF_BAD_IFD_OFFSET', tests: [TIFF] },
      { input: 'IFD chain that loops', code: 'TIFF_IFD_LOOP', tests: [TIFF] },
      { input: 'Absurd dimensions', code: 'RASTER_TOO_LARGE', tests: [TIFF] },
      { input: 'Unsupported pixel type (complex)', code: 'TIFF_SAMPLE_FORMAT_UNSUPPORTED', tests: [TIFF] },
      { input: 'Corrupt compressed block (deflate, ZSTD frame)', code: 'TIFF_BLOCK_CORRUPT', tests: [TIFF, 'test/fuzz/geotiff-regressions.test.ts'] },
      { input: 'A tag that lies: TileWidth 0, RowsPerStrip 0, fewer tile offsets than tiles, Predictor 9, PlanarConfiguration 7', code: 'TIFF_TAG_INVALID', tests: ['test/hardening/geotiff-tags.test.ts'] },
      { input: 'Strip or tile byte counts pointing past the file (2³²−1)', code: 'TIFF_TRUNCATED', tests: ['test/hardening/geotiff-tags.test.ts'] },
      { input: 'BitsPerSample 0 or an unknown SampleFormat', code: 'TIFF_SAMPLE_FORMAT_UNSUPPORTED', tests: ['test/hardening/geotiff-tags.test.ts'] },
      { input: 'SamplesPerPixel 65535 or TileWidth 2³¹−1 (blocks that cannot decode to the declared size)', code: 'TIFF_BLOCK_CORRUPT', tests: ['test/hardening/geotiff-tags.test.ts'] },
      { input: 'Zero width', code: 'RASTER_TOO_LARGE', tests: ['test/hardening/geotiff-tags.test.ts'] },
      { input: 'Window larger than the memory limit', code: 'RASTER_WINDOW_TOO_LARGE', tests: [TIFF] },
    ],
  },
  {
    title: 'Coordinate text files (界址点坐标交换文件)',
    cases: [
      { input: 'File past the size limit', code: 'TXT_TOO_LARGE', tests: ['test/hardening/text-files.test.ts'] },
      { input: 'Not a coordinate file (text before any section)', code: 'TXT_NOT_COORDINATES', tests: [TXT, txtFixture('not-coordinates')] },
      { input: 'Missing [属性描述] section', code: 'TXT_NO_HEADER_SECTION', tests: [TXT, txtFixture('no-header')] },
      { input: 'Missing [地块坐标] section', code: 'TXT_NO_PARCEL_SECTION', tests: [TXT, txtFixture('no-parcel-section')] },
      { input: '[地块坐标] without parcels', code: 'TXT_NO_PARCELS', tests: [TXT, txtFixture('no-parcels')] },
      { input: 'Letters in a coordinate', code: 'TXT_BAD_COORDINATE', tests: [TXT, txtFixture('letters-in-coordinate')] },
      { input: 'A coordinate of 400 digits (past the range of a double, would read as ∞)', code: 'TXT_BAD_COORDINATE', tests: ['test/hardening/text-files.test.ts'] },
      { input: 'Letters or 400 digits in a parcel-line number (area, point count)', code: 'TXT_BAD_NUMBER', tests: ['test/hardening/text-files.test.ts'] },
      { input: 'Letters in the ring number', code: 'TXT_BAD_RING_NUMBER', tests: [TXT, txtFixture('bad-ring-number')] },
      { input: 'Point line with too few fields', code: 'TXT_BAD_POINT_LINE', tests: [TXT, txtFixture('short-point-line')] },
      { input: 'Point before the first parcel line', code: 'TXT_POINT_BEFORE_PARCEL', tests: [TXT, txtFixture('point-before-parcel')] },
      { input: 'Ring of fewer than 3 distinct points', code: 'TXT_RING_TOO_FEW_POINTS', tests: [TXT, txtFixture('too-few-points')] },
      { input: 'Ring that does not close', code: 'TXT_RING_NOT_CLOSED', tests: [TXT, txtFixture('not-closed')] },
      { input: 'Self-intersecting ring', code: 'TXT_RING_SELF_INTERSECTS', tests: [TXT, txtFixture('self-intersects')] },
      { input: 'Header that names no known CRS', code: 'TXT_CRS_UNKNOWN', tests: [TXT, txtFixture('unknown-crs')] },
      { input: 'Eastings absurd for the header’s CRS', code: 'CRS_COORDINATES_ABSURD', tests: [TXT, txtFixture('absurd-eastings')] },
    ],
  },
  {
    title: 'GeoJSON and KML',
    cases: [
      { input: 'Invalid JSON', code: 'GEOJSON_INVALID_JSON', tests: ['core/src/io/geojson.test.ts', 'core/fixtures/geojson/broken.json'] },
      { input: 'NaN, ∞ or missing coordinates in GeoJSON', code: 'GEOJSON_BAD_COORDINATE', tests: ['core/src/io/geojson.test.ts', 'core/fixtures/geojson/broken.json'] },
      { input: 'Malformed XML in KML', code: 'KML_MALFORMED', tests: ['core/src/io/kml/kml.test.ts', 'core/fixtures/kml/broken.json'] },
      { input: 'Bad KML coordinates', code: 'KML_BAD_COORDINATES', tests: ['core/src/io/kml/kml.test.ts', 'core/fixtures/kml/broken.json'] },
    ],
  },
  {
    title: 'Red lines and the zone',
    cases: [
      { input: 'Red line outside the parcels', code: 'REDLINE_OUTSIDE_PARCELS', tests: [ZONE, 'core/src/accounting/account-redline.test.ts'] },
      { input: 'Self-intersecting red line (found)', code: 'REDLINE_SELF_INTERSECTION', tests: [REDLINE, redlineFixture('bowtie')] },
      { input: 'Self-intersecting red line (accounting refused)', code: 'REDLINE_INVALID', tests: [ZONE, 'core/src/accounting/account-redline.test.ts'] },
      { input: 'Red-line ring that does not close', code: 'REDLINE_RING_UNCLOSED', tests: [REDLINE, redlineFixture('unclosed-ring')] },
      { input: 'NaN or ∞ in a red line', code: 'REDLINE_NON_FINITE', tests: [REDLINE, redlineFixture('non-finite')] },
      { input: 'Red line outside its CRS’s area', code: 'REDLINE_OUTSIDE_CRS', tests: [REDLINE] },
      { input: 'Red line with too many vertices', code: 'REDLINE_TOO_MANY_VERTICES', tests: [REDLINE] },
      { input: 'Model rasters that do not overlap the zone', code: 'RASTER_OUTSIDE_ZONE', tests: [ZONE] },
    ],
  },
];

/** Domains whose every code is listed in docs/bad-input.md (in the table above or in the appendix). */
export const LISTED_DOMAINS = ['io', 'crs', 'raster', 'geometry', 'formats'] as const;
