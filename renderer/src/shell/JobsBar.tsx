import { useTranslation } from 'react-i18next';
import { cancelJob, jobs, percentOf } from '../state/jobs';

/** Running jobs with a progress bar and a cancel button each. */
export function JobsBar() {
  const { t } = useTranslation();
  const running = jobs.use((s) => s.running);
  if (running.length === 0) return null;
  return (
    <div className="jobs" aria-live="polite">
      {running.map((j) => {
        const percent = percentOf(j.progress);
        return (
          <div className="job" key={j.id} data-testid="job">
            <span>{t(j.labelKey as 'import.running')}</span>
            <progress max={100} value={percent ?? undefined} aria-label={t(j.labelKey as 'import.running')} />
            {percent !== null && <span className="job-percent">{percent}%</span>}
            <button type="button" className="link" onClick={() => void cancelJob(j.id)}>{t('jobs.cancel')}</button>
          </div>
        );
      })}
    </div>
  );
}
