import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParameterSetView, ServiceModeChoice } from '../../../electron/host/api';
import { invoke } from '../api';
import { INPUT_DEFS } from '#core';
import { FilePicker } from '../files/FilePicker';
import { errorText, langOf } from '../format/error-text';
import { runJob } from '../state/jobs';
import { workspace } from '../state/workspace';

const RASTERS = INPUT_DEFS.filter((d) => d.type === 'raster');

/** The accounting form: red line, parameter set, method, rasters for model mode; runs as a cancellable job. */
export function AccountForm() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const redLines = workspace.use((s) => s.redLines);
  const activeId = workspace.use((s) => s.activeRedLineId);
  const bufferM = workspace.use((s) => s.bufferM);
  const layerId = workspace.use((s) => s.activeLayerId);
  const [sets, setSets] = useState<ParameterSetView[]>([]);
  const [setId, setSetId] = useState<number | null>(null);
  const [mode, setMode] = useState<ServiceModeChoice>('coefficient');
  const [rasters, setRasters] = useState<Record<string, string>>({});
  const [picking, setPicking] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void invoke('params:list').then(setSets).catch(() => setSets([]));
  }, []);

  const run = async () => {
    if (activeId === null) return;
    setRunning(true);
    setError(null);
    try {
      const { runId, result } = await runJob('account.running', (jobId) =>
        invoke('account:run', { jobId, redLineId: activeId, ...(layerId ? { layerId } : {}), parameterSetId: setId, bufferM, mode, ...(Object.keys(rasters).length ? { rasters } : {}) }),
      );
      workspace.set({ result: { runId, result }, rightTab: 'results' });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="card account" aria-label={t('account.title')} data-testid="account-form">
      <div className="card-title">{t('account.title')}</div>
      <label className="field">
        <span>{t('account.redLine')}</span>
        <select value={activeId ?? ''} onChange={(e) => workspace.set({ activeRedLineId: e.target.value ? Number(e.target.value) : null })} data-testid="account-redline">
          {redLines.length === 0 && <option value="">—</option>}
          {redLines.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('account.params')}</span>
        <select value={setId ?? ''} onChange={(e) => setSetId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('account.builtin')}</option>
          {sets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('account.mode')}</span>
        <select value={mode} onChange={(e) => setMode(e.target.value as ServiceModeChoice)}>
          <option value="coefficient">{t('account.modeCoefficient')}</option>
          <option value="auto">{t('account.modeAuto')}</option>
          <option value="model">{t('account.modeModel')}</option>
        </select>
      </label>
      {mode !== 'coefficient' && (
        <fieldset className="rasters">
          <legend>{t('account.rasters')}</legend>
          {RASTERS.map((r) => (
            <div key={r.id} className="raster-row">
              <span title={r.about[lang]}>{r.label[lang]}</span>
              <button type="button" className="link" onClick={() => setPicking(r.id)}>{rasters[r.id] ? rasters[r.id].split(/[\\/]/).pop() : t('account.addRaster')}</button>
            </div>
          ))}
        </fieldset>
      )}
      {picking && <FilePicker onPick={(p) => { setRasters((x) => ({ ...x, [picking]: p })); setPicking(null); }} onClose={() => setPicking(null)} />}
      {activeId === null && <p className="muted small">{t('account.noRedLine')}</p>}
      {error && <p className="error small" role="alert">{error}</p>}
      <button type="button" className="primary" disabled={activeId === null || running} onClick={() => void run()} data-testid="run-account">
        {running ? t('account.running') : t('account.run')}
      </button>
    </section>
  );
}
