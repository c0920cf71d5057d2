import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../electron/host/api';
import { errorText, langOf } from '../format/error-text';
import { openRun } from '../state/load-project';
import { workspace } from '../state/workspace';

const STATUSES = ['running', 'succeeded', 'cancelled', 'failed', 'interrupted'] as const;
type Status = (typeof STATUSES)[number];

/**
 * The project's accounting runs, newest first, with how each ended. A succeeded run opens its stored result; a
 * cancelled, failed or interrupted one is listed so the user sees it did not produce one.
 */
export function RunHistory() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const runs = workspace.use((s) => s.runs);
  const redLines = workspace.use((s) => s.redLines);
  const shownId = workspace.use((s) => s.result?.runId ?? null);
  const [error, setError] = useState<string | null>(null);
  if (runs.length === 0) return null;

  const open = (r: RunView) => {
    setError(null);
    openRun(r.id).catch((e: unknown) => setError(errorText(e, lang)));
  };
  const statusText = (s: string) => ((STATUSES as readonly string[]).includes(s) ? t(`results.status.${s as Status}`) : s);
  return (
    <details className="run-history" data-testid="run-history">
      <summary>{t('results.history', { count: runs.length })}</summary>
      <ul className="small">
        {[...runs].reverse().map((r) => (
          <li key={r.id} className={`run ${r.status}${r.id === shownId ? ' shown' : ''}`} data-testid="run-row" data-status={r.status}>
            {r.status === 'succeeded' && r.id !== shownId
              ? <button type="button" className="link" onClick={() => open(r)}>{t('results.run', { id: r.id })}</button>
              : <span>{t('results.run', { id: r.id })}</span>}
            <span className="muted">{redLines.find((l) => l.id === r.redLineId)?.name ?? ''}</span>
            <span className={`badge${r.status === 'succeeded' ? '' : ' warn'}`}>{statusText(r.status)}</span>
            <span className="muted">{new Date(r.startedAt).toLocaleString(locale)}</span>
          </li>
        ))}
      </ul>
      {error && <p className="error small" role="alert">{error}</p>}
    </details>
  );
}
