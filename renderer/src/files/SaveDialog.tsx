import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirListing } from '../../../electron/host/api';
import { invoke } from '../api';
import { errorText, langOf } from '../format/error-text';
import { Icon } from '../shell/icons';
import { Modal } from '../shell/Modal';

export interface SaveFormat {
  /** With the dot, e.g. ".pdf". */
  ext: string;
  label: string;
}

/** A file name without characters Windows refuses in names. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'export';
}

/**
 * The save dialog: the in-app file browser (fs:list, as the import dialog uses — the same in Electron and the web
 * host) to choose a folder, starting in the project's folder, with a file name and a format. The host checks the
 * path again at its boundary.
 */
export function SaveDialog({ defaultName, formats, initialExt, onSave, onClose, children }: {
  defaultName: string;
  formats: readonly SaveFormat[];
  initialExt?: string;
  onSave: (path: string, ext: string) => void;
  onClose: () => void;
  /** Format options (encoding, DPI) shown under the name. */
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(safeFileName(defaultName));
  const [ext, setExt] = useState(initialExt ?? formats[0].ext);
  // What the user is typing in the folder box; a listing arriving meanwhile must not rewrite it under the cursor.
  const [typedPath, setTypedPath] = useState<string | null>(null);

  // Only the latest listing asked for is shown: a slow start-up listing must not replace a folder the user typed.
  const latest = useRef(0);
  const open = useCallback((path?: string, toProject = false) => {
    const request = ++latest.current;
    invoke('fs:list', path ? { path } : {})
      .then((l) => {
        if (request !== latest.current) return;
        const project = l.places.find((p) => p.label === 'project');
        if (toProject && project && project.path !== l.path) open(project.path);
        else {
          setListing(l);
          setTypedPath(null);
          setError(null);
        }
      })
      .catch((e: unknown) => request === latest.current && setError(errorText(e, langOf(i18n.language))));
  }, [i18n.language]);

  useEffect(() => open(undefined, true), [open]);

  const folder = typedPath ?? listing?.path ?? null;
  const sep = folder?.includes('\\') ? '\\' : '/';
  const target = folder && name.trim() ? `${folder.replace(/[\\/]$/, '')}${sep}${safeFileName(name.replace(/\.[A-Za-z0-9]{2,7}$/, ''))}${ext}` : null;

  return (
    <Modal title={t('exports.saveTitle')} onClose={onClose} wide>
      <div className="file-browser" data-testid="save-dialog">
        <div className="fb-bar">
          <button type="button" onClick={() => listing?.parent && open(listing.parent)} disabled={!listing?.parent}><Icon name="up" size={14} /> {t('files.up')}</button>
          {listing?.places.map((p) => <button type="button" key={p.label} onClick={() => open(p.path)}>{t(`files.${p.label}`)}</button>)}
        </div>
        <input className="fb-path" aria-label={t('files.path')} value={typedPath ?? listing?.path ?? ''} onChange={(e) => setTypedPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && open((e.target as HTMLInputElement).value)} data-testid="save-folder" />
        {error && <p className="error small" role="alert">{error}</p>}
        <ul className="fb-list" role="listbox" aria-label={listing?.path}>
          {listing?.entries.map((e) => (
            <li key={e.name} className={`${e.kind}${e.kind === 'file' && !e.name.toLowerCase().endsWith(ext) ? ' dim' : ''}`}
              onClick={() => (e.kind === 'dir' ? open(`${listing.path.replace(/[\\/]$/, '')}${sep}${e.name}`) : setName(e.name.replace(/\.[^.]+$/, '')))}>
              <Icon name={e.kind === 'dir' ? 'folder' : 'file'} size={15} />
              <span className="fb-name">{e.name}</span>
            </li>
          ))}
        </ul>
        <div className="form-row">
          <label>{t('exports.fileName')} <input value={name} onChange={(e) => setName(e.target.value)} data-testid="save-name" /></label>
          <label>{t('exports.format')}{' '}
            <select value={ext} onChange={(e) => setExt(e.target.value)} data-testid="save-format">
              {formats.map((f) => <option key={f.ext} value={f.ext}>{f.label} ({f.ext})</option>)}
            </select>
          </label>
        </div>
        {children}
        <div className="button-row end">
          <button type="button" onClick={onClose}>{t('exports.cancel')}</button>
          <button type="button" className="primary" disabled={!target} onClick={() => target && onSave(target, ext)} data-testid="save-confirm"><Icon name="save" size={14} /> {t('exports.save')}</button>
        </div>
      </div>
    </Modal>
  );
}
