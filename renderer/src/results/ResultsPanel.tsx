import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountResult } from '../../../electron/host/api';
import { SERVICE_IDS, type ServiceId } from '#core';
import { formatArea, formatNumber } from '../format/area-units';
import { langOf } from '../format/error-text';
import { workspace } from '../state/workspace';
import type { BarSeries } from './BarChart';
import { ParcelTable } from './ParcelTable';
import { ExportMenu } from './ExportMenu';
import { RunHistory } from './RunHistory';

// chart.js is a fifth of the app's code and only results need it: it loads with the first result, not with the map.
const BarChart = lazy(() => import('./BarChart').then((m) => ({ default: m.BarChart })));

export const SERVICE_COLOURS: Record<ServiceId, string> = {
  water_retention: '#2b8cbe', soil_conservation: '#a6761d', flood_storage: '#67a9cf', carbon_sequestration: '#1b9e77', oxygen_release: '#7fbc41', climate_regulation: '#e6ab02',
};

const ZONES = ['redline', 'buffer', 'total'] as const;

/** The accounting result: zones, services, classes (charts), premium tier, notices and the per-parcel table. */
export function ResultsPanel() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const current = workspace.use((s) => s.result);
  const unit = workspace.use((s) => s.areaUnit);
  const r = current?.result ?? null;

  const serviceChart = useMemo(() => {
    if (!r) return null;
    const labels = SERVICE_IDS.map((id) => t(`services.${id}`));
    const series: BarSeries[] = [
      { label: t('results.zoneRedline'), colour: '#e11d48', values: SERVICE_IDS.map((id) => r.zones.redline.services[id]?.value ?? 0) },
      { label: t('results.zoneBuffer'), colour: '#f59e0b', values: SERVICE_IDS.map((id) => r.zones.buffer.services[id]?.value ?? 0) },
    ];
    return { labels, series };
  }, [r, t]);

  const classChart = useMemo(() => {
    if (!r) return null;
    const rows = [...r.perClass.total].sort((a, b) => b.value - a.value).slice(0, 12);
    const labels = rows.map((c) => `${c.dlbm} ${c.dlmc}`);
    const series: BarSeries[] = SERVICE_IDS.map((id) => ({ label: t(`services.${id}`), colour: SERVICE_COLOURS[id], values: rows.map((c) => c.services[id] ?? 0) }));
    return { labels, series };
  }, [r, t]);

  if (!r || !current) return <><p className="empty">{t('results.empty')}</p><RunHistory /></>;
  const tiersShown = r.premium !== undefined;
  return (
    <div className="results" data-testid="results">
      <div className="results-head">
        <span className="muted small">{t('results.run', { id: current.runId })}</span>
        {r.unverified.length > 0 && (
          <span className="badge warn" title={`${t('results.unverifiedTitle')}\n${r.unverified.map((u) => u.path).join('\n')}`} data-testid="unverified-badge">
            {t('results.unverified', { count: r.unverified.length })}
          </span>
        )}
      </div>
      <RunHistory />
      <ExportMenu />
      <table className="data-table" data-testid="zones-table">
        <thead>
          <tr>
            <th scope="col">{t('results.zone')}</th>
            <th scope="col" className="num">{t('results.area')} ({t(`status.${unit}`)})</th>
            <th scope="col" className="num">{t('results.value')}</th>
            <th scope="col" className="num">{t('results.unitValue')}</th>
          </tr>
        </thead>
        <tbody>
          {ZONES.map((z) => (
            <tr key={z} className={z === 'total' ? 'total' : ''}>
              <th scope="row">{t(`results.zone${z[0].toUpperCase()}${z.slice(1)}` as 'results.zoneRedline')}</th>
              <td className="num">{formatArea(r.zones[z].area, unit, locale)}</td>
              <td className="num">{formatNumber(r.zones[z].value, 2, locale)}</td>
              <td className="num">{formatNumber(r.zones[z].unitValue, 4, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {tiersShown && <Premium r={r} locale={locale} />}

      {serviceChart && <Suspense fallback={null}><BarChart labels={serviceChart.labels} series={serviceChart.series} title={t('results.chartTitle')} locale={locale} testId="service-chart" /></Suspense>}

      <table className="data-table" data-testid="services-table">
        <thead>
          <tr>
            <th scope="col">{t('results.service')}</th>
            <th scope="col">{t('results.mode')}</th>
            <th scope="col" className="num">{t('results.quantity')}</th>
            <th scope="col" className="num">{t('results.value')}</th>
          </tr>
        </thead>
        <tbody>
          {SERVICE_IDS.map((id) => {
            const s = r.services[id];
            return (
              <tr key={id}>
                <th scope="row"><span className="swatch" style={{ background: SERVICE_COLOURS[id] }} /> {t(`services.${id}`)}</th>
                <td>{s ? t(s.mode === 'model' ? 'results.modeModel' : 'results.modeCoefficient') : '—'}</td>
                <td className="num">{s?.quantity !== null && s?.quantity !== undefined ? `${formatNumber(s.quantity, 2, locale)} ${s.unit}` : '—'}</td>
                <td className="num">{formatNumber(s?.value, 2, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {classChart && classChart.labels.length > 0 && <Suspense fallback={null}><BarChart labels={classChart.labels} series={classChart.series} title={t('results.classChartTitle')} locale={locale} testId="class-chart" /></Suspense>}

      {(r.notices.length > 0 || r.warnings.length > 0) && (
        <section className="notices">
          <h3>{t('results.notices')}</h3>
          <ul className="small">
            {r.notices.map((n, i) => <li key={`n${i}`}>{n[lang]}</li>)}
            {r.warnings.map((w, i) => <li key={`w${i}`} className={w.severity}>{w.message[lang]}</li>)}
          </ul>
        </section>
      )}

      {r.unverified.length > 0 && (
        <details className="unverified" data-testid="unverified-list">
          <summary>{t('results.unverifiedList')} <span className="badge warn">{r.unverified.length}</span></summary>
          <p className="small muted">{t('results.unverifiedTitle')}</p>
          <table className="data-table">
            <tbody>
              {r.unverified.map((u) => (
                <tr key={u.path} title={u.note ?? ''}>
                  <th scope="row" className="small">{u.path}</th>
                  <td className="num">{u.value.toLocaleString(locale)} {u.unit}</td>
                  <td><span className="badge warn">{u.tag}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      <h3>{t('results.parcels')}</h3>
      <ParcelTable parcels={r.parcels} />
    </div>
  );
}

function Premium({ r, locale }: { r: AccountResult; locale: string }) {
  const { t } = useTranslation();
  const p = r.premium;
  return (
    <section className="premium" data-testid="premium">
      <h3>{t('results.premium')}</h3>
      <dl className="kv">
        <dt>{t('results.unitValue')}</dt><dd className="num">{formatNumber(p.unitValue, 4, locale)}</dd>
        <dt>{t('results.tier')}</dt><dd>{p.tier ?? t('results.noTier')}</dd>
        <dt>{t('results.rate')}</dt><dd className="num">{p.rate !== null && p.rate !== undefined ? `${formatNumber(p.rate * 100, 2, locale)}%` : '—'}</dd>
      </dl>
      {p.illustrative && <p className="notice" role="note" data-testid="tiers-notice">{t('results.illustrativeTiers')}</p>}
    </section>
  );
}
