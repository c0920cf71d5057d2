import { useTranslation } from 'react-i18next';
import { formatArea } from '../format/area-units';
import { setDraft } from '../draw/draw-session';
import { zoomToBox } from '../map/map-instance';
import { workspace } from '../state/workspace';

/** The attributes of the parcel clicked on the map, with its computed ellipsoidal area in the chosen unit. */
export function IdentifyPanel() {
  const { t, i18n } = useTranslation();
  const feature = workspace.use((s) => s.identify);
  const unit = workspace.use((s) => s.areaUnit);
  const layer = workspace.use((s) => s.project?.layers.find((l) => l.id === s.identify?.layerId) ?? null);
  const locale = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  if (!feature) return <p className="empty">{t('identify.hint')}</p>;
  const tbmj = Object.entries(feature.properties).find(([k]) => k.toUpperCase() === 'TBMJ')?.[1];
  return (
    <div className="identify" data-testid="identify">
      <dl className="kv">
        <dt>{t('identify.layer')}</dt>
        <dd>{layer?.title ?? feature.layerId}</dd>
        <dt>{t('identify.id')}</dt>
        <dd>{feature.id}</dd>
        <dt>{t('identify.area')}</dt>
        <dd className="num">{formatArea(feature.areaM2, unit, locale)} {t(`status.${unit}`)}</dd>
        {typeof tbmj === 'number' && (
          <>
            <dt>{t('identify.tbmj')}</dt>
            <dd className="num">{formatArea(tbmj, unit, locale)} {t(`status.${unit}`)}</dd>
          </>
        )}
      </dl>
      <h3>{t('identify.attributes')}</h3>
      <table className="attr-table">
        <tbody>
          {Object.entries(feature.properties).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v === null ? '—' : String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" onClick={() => zoomToBox(feature.bboxLonLat)}>{t('identify.zoomTo')}</button>
        {feature.geometry && (feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon') && (
          <button type="button" onClick={() => {
            workspace.set({ leftTab: 'redLines' });
            setDraft(feature.geometry as Parameters<typeof setDraft>[0]);
          }}>{t('identify.useAsRedLine')}</button>
        )}
      </div>
    </div>
  );
}
