import { useTranslation } from 'react-i18next';
import { parcelLayerOf } from '#core';
import { invoke } from '../api';
import { ExportButton } from '../files/ExportButton';
import { langOf } from '../format/error-text';
import { refreshLayers } from '../state/load-project';
import { layersOf, workspace } from '../state/workspace';

/**
 * The batch workbook of all the project's red lines: each accounted (as an ordinary run, with the panel's ring
 * width and the coefficient/model choice the host makes automatically), one summary row and one sheet each.
 */
export function BatchWorkbookButton() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const count = workspace.use((s) => s.redLines.length);
  const projectName = workspace.use((s) => s.project?.name ?? 'batch');
  if (count === 0) return null;
  return (
    <ExportButton label={t('exports.batch')} defaultName={`${projectName}-batch`} formats={[{ ext: '.xlsx', label: t('exports.xlsx') }]} testId="export-batch"
      run={async (jobId, path) => {
        const s = workspace.get();
        const layer = parcelLayerOf(layersOf(s));
        const r = await invoke('reports:batch', { jobId, path, lang, bufferM: s.bufferM, mode: 'auto', ...(layer ? { layerId: layer.id } : {}) });
        await refreshLayers();
        return r;
      }}
      doneText={(r) => {
        const entries = (r as { entries?: { error: string | null }[] }).entries ?? [];
        return t('exports.batchDone', { file: r.files[0], ok: entries.filter((e) => !e.error).length, failed: entries.filter((e) => e.error).length });
      }} />
  );
}
