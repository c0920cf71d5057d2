import { useTranslation } from 'react-i18next';
import { AREA_UNITS, type AreaUnit } from '../format/area-units';
import { scaleDenominator } from '../format/map-scale';
import { formatDegrees, toSurveyXY } from '../format/survey-coords';
import { mapStore } from '../map/map-instance';
import { workspace } from '../state/workspace';
import { JobsBar } from './JobsBar';

/** Cursor coordinates (GK X/Y in the project CRS and degrees), scale, zoom, the area-unit switch and running jobs. */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const cursor = mapStore.use((s) => s.cursor);
  const zoom = mapStore.use((s) => s.zoom);
  const lat = mapStore.use((s) => s.lat);
  const crs = workspace.use((s) => s.project?.crs ?? null);
  const unit = workspace.use((s) => s.areaUnit);
  const xy = cursor && crs ? toSurveyXY(cursor.lon, cursor.lat, crs) : null;
  const locale = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  const scale = scaleDenominator(lat, zoom);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <JobsBar />
      <div className="spacer" />
      {xy && (
        <span className="status-item" title={crs?.name} data-testid="status-xy">
          {t('status.x')} {xy.x.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} · {t('status.y')} {xy.y.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
        </span>
      )}
      {cursor && (
        <span className="status-item" data-testid="status-lonlat">
          {t('status.lonLat')} {formatDegrees(cursor.lon, 'E', 'W')} {formatDegrees(cursor.lat, 'N', 'S')}
        </span>
      )}
      <span className="status-item">
        {t('status.scale')} 1:{scale.toLocaleString(locale)}
      </span>
      <span className="status-item">
        {t('status.zoom')} {zoom.toFixed(1)}
      </span>
      <label className="status-item">
        {t('status.areaUnit')}
        <select value={unit} onChange={(e) => workspace.set({ areaUnit: e.target.value as AreaUnit })} aria-label={t('status.areaUnit')} data-testid="area-unit">
          {AREA_UNITS.map((u) => (
            <option key={u} value={u}>{t(`status.${u}`)}</option>
          ))}
        </select>
      </label>
    </footer>
  );
}
