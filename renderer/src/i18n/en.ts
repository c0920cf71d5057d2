import type { UiStrings } from './zh';

/** English UI strings; the type makes a missing key a compile error. */
export const en: UiStrings = {
  app: { title: 'VEP Studio — ecosystem product value accounting', loading: 'Loading…', noProject: 'No project is open', projectError: 'Cannot open the project: {{message}}' },
  toolbar: {
    import: 'Import data', draw: 'Draw red line', edit: 'Edit vertices', undo: 'Undo', redo: 'Redo', deleteVertex: 'Delete', finish: 'Finish',
    cancelDraw: 'Cancel', fromParcels: 'Parcels as red line', account: 'Account', table: 'Attribute table', language: '中文', fit: 'Full extent',
    shortcut: 'Shortcut: {{key}}',
  },
  panels: { layers: 'Layers', redLines: 'Red lines', params: 'Parameters', identify: 'Identify', results: 'Results', table: 'Attribute table', close: 'Close' },
  layers: {
    empty: 'The project has no layers yet. Click “Import data” or drop files on the map.', features: '{{count}} features', visible: 'Visible', opacity: 'Opacity',
    up: 'Move up', down: 'Move down', remove: 'Remove layer', confirmRemove: 'Remove the layer “{{title}}”? This cannot be undone.', zoomTo: 'Zoom to layer',
    legend: 'Legend (三调 land classes)', crs: 'CRS', noCrs: 'Unknown CRS', results: 'Value per unit area (CNY/m²·a)',
  },
  import: {
    title: 'Import data', choose: 'Choose a file', browse: 'Browse…', dropHint: 'Drop files here (shapefile/zip, GeoPackage, GeoJSON, KML, GeoTIFF, coordinate text)',
    inspecting: 'Reading the file…', format: 'Format', featureCount: 'Features', geometry: 'Geometry', crs: 'CRS', encoding: 'Encoding',
    detected: 'Detected: {{name}} ({{source}})', fields: 'Fields', schema: 'Schema', sandiao: '三调 land parcels (DLTB)', layerTitle: 'Layer name',
    run: 'Import', running: 'Importing…', cancel: 'Cancel', done: 'Imported “{{title}}”', encodingAuto: 'Detect automatically', crsKeep: 'Use the file’s CRS',
    crsOverride: 'Set the CRS (EPSG code)', warnings: 'Notes', sourceCpg: '.cpg file', sourceLdid: 'DBF language driver', sourceDetected: 'detected from content',
    sourceUser: 'chosen by you', sourceFormat: 'fixed by the format', uploading: 'Uploading…', gpkgLayer: 'Table',
  },
  files: { title: 'Choose a file', up: 'Up', home: 'Home', samples: 'Sample data', project: 'Project folder', open: 'Open', empty: 'This folder is empty', path: 'Path' },
  table: {
    title: 'Attribute table', layer: 'Layer', rows: '{{total}} rows', filterClass: 'Land class', allClasses: 'All land classes', search: 'Search', searchField: 'Field',
    searchPlaceholder: 'Type to filter…', zoomTo: 'Zoom to selection', loading: 'Loading…', area: 'Computed area', sortAsc: 'Ascending', sortDesc: 'Descending',
  },
  identify: {
    hint: 'Click a parcel on the map to see its attributes.', attributes: 'Attributes', area: 'Ellipsoidal area (computed)', tbmj: 'Recorded area (TBMJ)', layer: 'Layer',
    id: 'Feature id', zoomTo: 'Zoom to parcel', useAsRedLine: 'Use as red line',
  },
  redLines: {
    empty: 'No red lines yet. Draw a polygon with “Draw red line”, or import one from a file.', new: 'New red line', name: 'Name', save: 'Save', saved: 'Saved',
    delete: 'Delete', confirmDelete: 'Delete the red line “{{name}}”?', importFile: 'Import from file', buffer: 'Impact zone width (m)', ring: 'Impact zone',
    area: 'Red line area', issues: 'Checks', noIssues: 'No problems found', repair: 'Apply repair', repairHint: 'A repair is available: check the repaired shape before saving.',
    drawing: 'Drawing: click to add vertices; click the first vertex or press Enter to close.', editing: 'Editing: drag vertices, click midpoints to insert, select a vertex and press Delete to remove it.',
    select: 'Select', selectedParcels: '{{count}} parcels selected', pickParcels: 'Click parcels on the map (several allowed), then “Finish”.', unsaved: 'Unsaved',
    defaultName: 'Red line {{n}}', validationUnavailable: 'Cannot check now: {{message}}', snapping: 'Snap to parcel vertices and edges',
    fromFileDone: 'Read {{count}} polygons from the file',
  },
  account: {
    title: 'Accounting', redLine: 'Red line', params: 'Parameter set', builtin: 'Built-in set', mode: 'Method', modeAuto: 'Automatic (model where rasters are given)',
    modeCoefficient: 'Coefficients', modeModel: 'Model (needs rasters)', rasters: 'Rasters', addRaster: 'Choose raster', run: 'Run accounting', running: 'Accounting…',
    cancel: 'Cancel', noRedLine: 'Draw or choose a red line first.', layer: 'Parcel layer',
    cancelled: 'Accounting cancelled: this run has no result; the earlier result is unchanged.',
    phases: { redline: 'Reading the red line', parcels: 'Reading parcels', rasters: 'Reading rasters', clip: 'Clipping parcels', account: 'Valuing services' },
  },
  results: {
    empty: 'No accounting results yet.', zones: 'Zones', zoneRedline: 'Red line', zoneBuffer: 'Impact zone', zoneTotal: 'Total', area: 'Area', value: 'Value (CNY/year)',
    unitValue: 'Value per unit area (CNY/m²·a)', services: 'Services', service: 'Service', quantity: 'Quantity', perClass: 'By land class', parcels: 'Parcel details',
    premium: 'Premium', tier: 'Tier', rate: 'Rate', noTier: 'In no tier', illustrativeTiers: 'Illustrative tiers, not Anji’s official table',
    unverified: '{{count}} unverified parameters', unverifiedTitle: 'The sources of these parameters are not verified yet:', warnings: 'Notes', mode: 'Method',
    modeModel: 'model', modeCoefficient: 'coefficient', dlbm: 'Class code', dlmc: 'Land class', zone: 'Zone', chartTitle: 'Value by service (CNY/year)',
    classChartTitle: 'Value by land class (CNY/year)', run: 'Run {{id}}', notices: 'Notes', history: 'Runs ({{count}})', unverifiedList: 'Unverified parameters',
    status: { running: 'running', succeeded: 'done', cancelled: 'cancelled', failed: 'failed', interrupted: 'interrupted' },
  },
  services: {
    water_retention: 'Water retention', soil_conservation: 'Soil conservation', flood_storage: 'Flood storage', carbon_sequestration: 'Carbon sequestration',
    oxygen_release: 'Oxygen release', climate_regulation: 'Climate regulation',
  },
  params: {
    title: 'Parameter sets', sets: 'Sets', duplicate: 'Duplicate', rename: 'Rename', delete: 'Delete', save: 'Save', saved: 'Saved', importCsv: 'Import CSV',
    exportCsv: 'Export CSV', classes: 'Land-class coefficients', prices: 'Prices', constants: 'Constants', value: 'Value', unit: 'Unit', source: 'Source',
    year: 'Price year', tag: 'Confidence', verified: 'Verified', unverified: 'Unverified', code: 'Class', newName: '{{name}} copy', renamePrompt: 'New name',
    issues: 'Problems', noIssues: 'The parameters check out', builtinReadOnly: 'The built-in set is read-only: duplicate it to edit.',
    empty: 'The project has no parameter sets yet. Duplicate the built-in set to start editing.', coefficients: 'Value coefficients', service: 'Service', kind: 'Kind', notSaved: '{{count}} errors: not saved.',
  },
  jobs: { progress: '{{phase}} {{percent}}%', cancel: 'Cancel', cancelled: 'Cancelled', failed: 'Failed: {{message}}' },
  status: {
    lonLat: 'Lon/Lat', projected: 'Projected', x: 'X (north)', y: 'Y (east)', scale: 'Scale', areaUnit: 'Area unit', m2: 'm²', mu: 'mu', ha: 'ha', zoom: 'Zoom',
  },
  units: { m2: 'square metres', mu: 'mu (亩)', ha: 'hectares' },
  exports: {
    menu: 'Export', pdf: 'Appraisal report (PDF)', xlsx: 'Appraisal workbook (Excel)', gpkg: 'GeoPackage', csv: 'CSV tables', json: 'JSON result', mapPng: 'Map image (PNG)',
    mapPdf: 'Map (PDF)', layer: 'Export layer', redLines: 'Export red lines', batch: 'Batch workbook (all red lines)', running: 'Exporting…', batchRunning: 'Accounting the batch…',
    done: 'Saved {{file}}', saveTitle: 'Save as', fileName: 'File name', format: 'Format', save: 'Save', cancel: 'Cancel', encoding: 'Attribute encoding', dpi: 'Resolution (DPI)',
    batchDone: 'Saved {{file}}: {{ok}} red lines accounted, {{failed}} failed',
  },
};
