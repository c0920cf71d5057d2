import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectView } from '../../../electron/host/api';
import { invoke } from '../api';
import { errorText, langOf } from '../format/error-text';
import { zoomToBox } from '../map/map-instance';
import { runJob } from '../state/jobs';
import { refreshLayers } from '../state/load-project';
import { workspace } from '../state/workspace';
import { Modal } from '../shell/Modal';
import { FilePicker } from './FilePicker';

const ENCODINGS = ['GBK', 'GB18030', 'UTF-8', 'Big5', 'windows-1252'];

/**
 * Import: choose (or drop) a file, read its description first (format, count, geometry, CRS, encoding and how it
 * was decided), let the user change the encoding and CRS, then import as a job with progress and cancel.
 */
export function ImportDialog({ initialPath, onClose }: { initialPath: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [path, setPath] = useState<string | null>(initialPath);
  const [picking, setPicking] = useState(initialPath === null);
  const [info, setInfo] = useState<InspectView | null>(null);
  const [encoding, setEncoding] = useState<string>('');
  const [crs, setCrs] = useState('');
  /** The CRS text the file was last inspected with (applied on Enter or leaving the field). */
  const [crsApplied, setCrsApplied] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState<'inspect' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const inspect = useCallback(async (file: string, enc: string, crsText: string) => {
    setBusy('inspect');
    setError(null);
    try {
      const view = await invoke('import:inspect', { path: file, ...(enc ? { encoding: enc } : {}), ...(crsText ? { crs: crsText } : {}) });
      setInfo(view);
      setTitle((x) => x || (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, ''));
    } catch (e) {
      // The last description stays, so the user can change the encoding or CRS that made reading fail.
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  }, [lang]);

  useEffect(() => {
    if (path) void inspect(path, encoding, crsApplied);
  }, [path, encoding, crsApplied, inspect]);

  const run = async () => {
    if (!path) return;
    setBusy('import');
    setError(null);
    try {
      const layer = await runJob('import.running', (jobId) =>
        invoke('import:run', { jobId, path, ...(title ? { title } : {}), ...(encoding ? { encoding } : {}), ...(crsApplied ? { crs: crsApplied } : {}) }),
      );
      await refreshLayers();
      workspace.set({ toast: t('import.done', { title: layer.title }), activeLayerId: layer.id });
      zoomToBox(layer.extentLonLat);
      onClose();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const sourceLabel = (source: string) => t(`import.source${source[0].toUpperCase()}${source.slice(1)}` as 'import.sourceCpg');

  return (
    <Modal title={t('import.title')} onClose={onClose} wide>
      <div className="import-dialog" data-testid="import-dialog">
        <div className="field inline">
          <span>{t('import.choose')}</span>
          <code className="path">{path ?? '—'}</code>
          <button type="button" onClick={() => setPicking(true)}>{t('import.browse')}</button>
        </div>
        {busy === 'inspect' && <p className="muted">{t('import.inspecting')}</p>}
        {info && (
          <dl className="kv" data-testid="inspect-info">
            <dt>{t('import.format')}</dt><dd>{info.format}</dd>
            <dt>{t('import.featureCount')}</dt><dd>{info.featureCount?.toLocaleString(lang === 'en' ? 'en' : 'zh-CN') ?? '—'}</dd>
            <dt>{t('import.geometry')}</dt><dd>{info.geometryType ?? '—'}</dd>
            <dt>{t('import.schema')}</dt><dd>{info.schema === 'sandiao-dltb' ? t('import.sandiao') : (info.schema ?? '—')}</dd>
            <dt>{t('import.crs')}</dt><dd>{info.crs ? `${info.crs.name}${info.crs.epsg ? ` (EPSG:${info.crs.epsg})` : ''}` : '—'}</dd>
            <dt>{t('import.encoding')}</dt><dd>{info.encoding ? t('import.detected', { name: info.encoding.name, source: sourceLabel(info.encoding.source) }) : '—'}</dd>
            <dt>{t('import.fields')}</dt><dd className="small">{info.fields.map((f) => f.name).join(', ')}</dd>
          </dl>
        )}
        {info && info.warnings.length > 0 && (
          <ul className="issues small">{info.warnings.map((w, i) => <li key={i} className="warning">{errorText(w, lang)}</li>)}</ul>
        )}
        {info && (
          <div className="import-options">
            <label className="field">
              <span>{t('import.layerTitle')}</span>
              <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="import-title" />
            </label>
            {info.format === 'shapefile' || info.format === 'dbf' ? (
              <label className="field">
                <span>{t('import.encoding')}</span>
                <select value={encoding} onChange={(e) => setEncoding(e.target.value)}>
                  <option value="">{t('import.encodingAuto')}</option>
                  {ENCODINGS.map((e) => <option key={e} value={e}>{e}</option>)}
                </select>
              </label>
            ) : null}
            <label className="field">
              <span>{t('import.crsOverride')}</span>
              <input value={crs} onChange={(e) => setCrs(e.target.value)} placeholder={t('import.crsKeep')}
                onBlur={() => setCrsApplied(crs.trim())} onKeyDown={(e) => e.key === 'Enter' && setCrsApplied(crs.trim())} data-testid="import-crs" />
            </label>
          </div>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="button-row end">
          <button type="button" onClick={onClose}>{t('import.cancel')}</button>
          <button type="button" className="primary" disabled={!info || busy !== null} onClick={() => void run()} data-testid="import-run">
            {busy === 'import' ? t('import.running') : t('import.run')}
          </button>
        </div>
      </div>
      {picking && <FilePicker onPick={(p) => { setPicking(false); setInfo(null); setTitle(''); setPath(p); }} onClose={() => setPicking(false)} />}
    </Modal>
  );
}
