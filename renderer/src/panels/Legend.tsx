import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { formatNumber } from '../format/area-units';
import { langOf } from '../format/error-text';
import { choroplethLegend, quantileBreaks, valueRange } from '../map/choropleth';
import { legendEntries, type LegendEntry } from '../map/land-class-style';
import { workspace } from '../state/workspace';

/** The legend: the land classes present in the active parcel layer, and the result classes when a result shows. */
export function Legend() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const layer = workspace.use((s) => s.project?.layers.find((l) => l.id === s.activeLayerId) ?? null);
  const result = workspace.use((s) => s.result);
  const [classes, setClasses] = useState<{ value: unknown; label: string | null; count: number }[]>([]);
  const hasDlbm = !!layer?.fields.some((f) => f.name.toUpperCase() === 'DLBM');
  const layerId = layer?.id ?? null;
  const dlbmName = layer?.fields.find((f) => f.name.toUpperCase() === 'DLBM')?.name;
  const dlmcName = layer?.fields.find((f) => f.name.toUpperCase() === 'DLMC')?.name;

  useEffect(() => {
    if (!layerId || !hasDlbm || !dlbmName) return;
    let live = true;
    void invoke('layers:classes', { layerId, field: dlbmName, ...(dlmcName ? { labelField: dlmcName } : {}) })
      .then((c) => live && setClasses(c))
      .catch(() => live && setClasses([]));
    return () => {
      live = false;
    };
  }, [layerId, hasDlbm, dlbmName, dlmcName]);

  const entries: LegendEntry[] = hasDlbm ? legendEntries(classes, lang) : [];
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const unitValues = result ? result.result.parcels.map((p) => p.unitValue) : [];
  const breaks = quantileBreaks(unitValues);
  return (
    <section className="legend" aria-label={t('layers.legend')}>
      {result && valueRange(unitValues) !== null && (
        <>
          <h3>{t('layers.results')}</h3>
          <ul className="legend-list" data-testid="result-legend">
            {choroplethLegend(breaks, valueRange(unitValues)).map((row, i) => (
              <li key={i}>
                <span className="swatch" style={{ background: row.colour }} />
                <span>{row.from === null ? '<' : formatNumber(row.from, 2, locale)}{row.from !== null && row.to !== null ? ' – ' : ' '}{row.to === null ? '+' : formatNumber(row.to, 2, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {entries.length > 0 && (
        <>
          <h3>{t('layers.legend')}</h3>
          <ul className="legend-list" data-testid="legend">
            {entries.map((e) => (
              <li key={e.code} title={`${e.code} ${e.name}`}>
                <span className="swatch" style={{ background: e.colour }} />
                <span className="legend-code">{e.code}</span>
                <span className="legend-name">{e.name}</span>
                <span className="muted small">{e.count.toLocaleString(locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
