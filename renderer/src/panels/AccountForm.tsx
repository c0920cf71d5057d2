import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParameterSetView, ServiceModeChoice } from '../../../electron/host/api';
import { invoke } from '../api';
import { INPUT_DEFS } from '#core';
import { FilePicker } from '../files/FilePicker';
import { errorText, langOf } from '../format/error-text';
import { isCancelled } from '#core';
import { scheduleChecks } from '../draw/draw-session';
import { refreshRuns } from '../state/load-project';
import { cancelJob, jobs, percentOf, runJob } from '../state/jobs';
import { workspace } from '../state/workspace';

const RASTERS = INPUT_DEFS.filter((d) => d.type === 'raster');
const PHASES = { redline: true, parcels: true, rasters: true, clip: true, account: true } as const;

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
  const [cancelled, setCancelled] = useState(false);
  const job = jobs.use((s) => s.running.find((j) => j.labelKey === 'account.running') ?? null);

  useEffect(() => {
    void invoke('params:list').then(setSets).catch(() => setSets([]));
  }, []);

  // Host phases are 'redline', 'parcels', 'rasters', 'clip:<step>', 'account'.
  const phaseLabel = (phase: string | null) => {
    const key = phase?.split(':')[0];
    return key && key in PHASES ? t(`account.phases.${key as keyof typeof PHASES}`) : '';
  };

  const run = async () => {
    if (activeId === null) return;
    setRunning(true);
    setError(null);
    setCancelled(false);
    try {
      const { runId, result } = await runJob('account.running', (jobId) =>
        invoke('account:run', { jobId, redLineId: activeId, ...(layerId ? { layerId } : {}), parameterSetId: setId, bufferM, mode, ...(Object.keys(rasters).length ? { rasters } : {}) }),
      );
      workspace.set({ result: { runId, result }, rightTab: 'results' });
    } catch (e) {
      // A cancelled run is recorded as such and the result shown before it stays: say so, it is not an error.
      if (isCancelled(e)) setCancelled(true);
      else setError(errorText(e, lang));
    } finally {
      setRunning(false);
      void refreshRuns();
    }
  };

  return (
    <section className="card account" aria-label={t('account.title')} data-testid="account-form">
      <div className="card-title">{t('account.title')}</div>
      <label className="field">
        <span>{t('account.redLine')}</span>
        <select value={activeId ?? ''} onChange={(e) => {
          workspace.set({ activeRedLineId: e.target.value ? Number(e.target.value) : null });
          // The impact ring and the checks follow the chosen red line, as when it is picked in the list.
          scheduleChecks();
        }} data-testid="account-redline">
          {redLines.length === 0 && <option value="">—</option>}
          {redLines.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('account.params')}</span>
        <select value={setId ?? ''} onChange={(e) => setSetId(e.target.value ? Number(e.target.value) : null)} data-testid="account-params">
          <option value="">{t('account.builtin')}</option>
          {sets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('account.mode')}</span>
        <select value={mode} onChange={(e) => setMode(e.target.value as ServiceModeChoice)} data-testid="account-mode">
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
      {cancelled && <p className="muted small" role="status" data-testid="account-cancelled">{t('account.cancelled')}</p>}
      {running && job && (
        <div className="job" data-testid="account-job">
          <progress max={100} value={percentOf(job.progress) ?? undefined} aria-label={t('account.running')} />
          <span className="small muted">{phaseLabel(job.progress?.phase ?? null)}</span>
          <button type="button" className="link" onClick={() => void cancelJob(job.id)} data-testid="account-cancel">{t('account.cancel')}</button>
        </div>
      )}
      <button type="button" className="primary" disabled={activeId === null || running} onClick={() => void run()} data-testid="run-account">
        {running ? t('account.running') : t('account.run')}
      </button>
    </section>
  );
}
