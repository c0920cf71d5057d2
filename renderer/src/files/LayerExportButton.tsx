import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerExportRequest } from '../../../electron/host/api';
import { invoke } from '../api';
import { ExportButton } from './ExportButton';

const FORMATS = [
  { ext: '.gpkg', label: 'GeoPackage' }, { ext: '.shp', label: 'Shapefile' }, { ext: '.geojson', label: 'GeoJSON' },
  { ext: '.kml', label: 'KML' }, { ext: '.txt', label: '部颁坐标文本 / coordinate text' },
] as const;

/** Export of a project layer or the red lines as data; shapefile and coordinate text in GBK unless UTF-8 is chosen. */
export function LayerExportButton({ source, name, testId }: { source: LayerExportRequest['source']; name: string; testId?: string }) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<'GBK' | 'UTF-8'>('GBK');
  return (
    <ExportButton label={t(source.kind === 'layer' ? 'exports.layer' : 'exports.redLines')} className="link" defaultName={name} formats={FORMATS} testId={testId}
      initialExt={source.kind === 'redlines' ? '.txt' : '.gpkg'}
      options={(
        <label>{t('exports.encoding')}{' '}
          <select value={encoding} onChange={(e) => setEncoding(e.target.value as 'GBK' | 'UTF-8')}>
            <option value="GBK">GBK</option>
            <option value="UTF-8">UTF-8</option>
          </select>
        </label>
      )}
      run={(jobId, path) => invoke('reports:layer', { jobId, source, path, encoding })} />
  );
}
