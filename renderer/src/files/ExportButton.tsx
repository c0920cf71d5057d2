import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, langOf } from '../format/error-text';
import { runJob } from '../state/jobs';
import { workspace } from '../state/workspace';
import { SaveDialog, type SaveFormat } from './SaveDialog';

/**
 * A button that asks where to save (SaveDialog), then runs the export as a job and says where the file went (or
 * why it could not be written) in the map's message line.
 */
export function ExportButton({ label, defaultName, formats, initialExt, options, run, testId, className, doneText }: {
  label: string;
  defaultName: string;
  formats: readonly SaveFormat[];
  initialExt?: string;
  /** Extra fields of the dialog (encoding, DPI…). */
  options?: React.ReactNode;
  run: (jobId: string, path: string, ext: string) => Promise<{ files: string[] }>;
  testId?: string;
  className?: string;
  /** The message after saving; default "Saved <file>". */
  doneText?: (result: { files: string[] }) => string;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const save = async (path: string, ext: string) => {
    setOpen(false);
    try {
      const result = await runJob('exports.running', (jobId) => run(jobId, path, ext));
      workspace.set({ toast: doneText ? doneText(result) : t('exports.done', { file: result.files[0] }) });
    } catch (e) {
      workspace.set({ toast: errorText(e, langOf(i18n.language)) });
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} data-testid={testId}>{label}</button>
      {open && <SaveDialog defaultName={defaultName} formats={formats} initialExt={initialExt} onSave={(p, ext) => void save(p, ext)} onClose={() => setOpen(false)}>{options}</SaveDialog>}
    </>
  );
}
