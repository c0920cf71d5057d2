import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { ExportButton } from '../files/ExportButton';
import { currentMapView } from '../files/map-view';
import { langOf } from '../format/error-text';
import { workspace } from '../state/workspace';

const RUN_FORMATS = ['.pdf', '.xlsx', '.gpkg', '.csv', '.json'] as const;
const RUN_LABELS = { '.pdf': 'exports.pdf', '.xlsx': 'exports.xlsx', '.gpkg': 'exports.gpkg', '.csv': 'exports.csv', '.json': 'exports.json' } as const;

/**
 * Export of the shown run: the appraisal report, workbook, GeoPackage, CSV or JSON (the files `vep account --out`
 * writes, from the stored run), and the map of the current view with the run's pieces as PNG or PDF.
 */
export function ExportMenu() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const current = workspace.use((s) => s.result);
  const redLines = workspace.use((s) => s.redLines);
  const [dpi, setDpi] = useState(192);
  const [redLineId, setRedLineId] = useState<number | null>(null);
  const runId = current?.runId ?? null;
  useEffect(() => {
    // The run's red line names the files; the result document does not carry it, the run record does.
    if (runId === null) return;
    let live = true;
    invoke('account:runs').then((runs) => live && setRedLineId(runs.find((r) => r.id === runId)?.redLineId ?? null)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [runId]);
  if (!current || runId === null) return null;
  const name = redLines.find((r) => r.id === redLineId)?.name ?? `run-${runId}`;
  const formats = RUN_FORMATS.map((ext) => ({ ext, label: t(RUN_LABELS[ext]) }));
  return (
    <section className="export-menu" data-testid="export-menu">
      <h3>{t('exports.menu')}</h3>
      <div className="button-row">
        {RUN_FORMATS.map((ext) => (
          <ExportButton key={ext} label={t(RUN_LABELS[ext])} defaultName={name} formats={formats} initialExt={ext} testId={`export-run${ext.replace('.', '-')}`}
            run={(jobId, path) => invoke('reports:run', { jobId, runId, path, lang })} />
        ))}
        <ExportButton label={t('exports.mapPng')} defaultName={`${name}-map`} testId="export-map"
          formats={[{ ext: '.png', label: t('exports.mapPng') }, { ext: '.pdf', label: t('exports.mapPdf') }]}
          options={<label>{t('exports.dpi')} <input type="number" min={72} max={600} step={24} value={dpi} onChange={(e) => setDpi(Math.max(72, Math.min(600, Number(e.target.value) || 192)))} /></label>}
          run={(jobId, path, ext) => {
            const view = currentMapView();
            if (!view) return Promise.reject(new Error('map not ready'));
            return invoke('reports:map', { jobId, path, view, lang, runId, title: name, ...(ext === '.png' ? { dpi } : {}) });
          }} />
      </div>
    </section>
  );
}
