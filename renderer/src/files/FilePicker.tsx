import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirListing } from '../../../electron/host/api';
import { invoke } from '../api';
import { errorText, langOf } from '../format/error-text';
import { Icon } from '../shell/icons';
import { Modal } from '../shell/Modal';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * The in-app file browser: one folder at a time from the host (fs:list), starting at the sample data folder.
 * The host reads only the file the user picks here (or drops, or chooses in the native dialog).
 */
export function FilePicker({ onPick, onClose }: { onPick: (path: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // What the user is typing in the folder box; a listing arriving meanwhile must not rewrite it under the cursor.
  const [typedPath, setTypedPath] = useState<string | null>(null);

  // Only the latest listing asked for is shown: a slow start-up listing must not replace a folder the user opened.
  const latest = useRef(0);
  const open = useCallback((path?: string) => {
    const request = ++latest.current;
    setSelected(null);
    invoke('fs:list', path ? { path } : {})
      .then((l) => {
        if (request !== latest.current) return;
        setListing(l);
        setTypedPath(null);
        setError(null);
      })
      .catch((e: unknown) => request === latest.current && setError(errorText(e, langOf(i18n.language))));
  }, [i18n.language]);

  useEffect(() => open(), [open]);

  // Names are joined to the folder listed, not to a folder typed but not yet opened.
  const join = (name: string) => (listing ? `${listing.path.replace(/[\\/]$/, '')}${listing.path.includes('\\') ? '\\' : '/'}${name}` : name);

  return (
    <Modal title={t('files.title')} onClose={onClose} wide>
      <div className="file-browser" data-testid="file-browser">
        <div className="fb-bar">
          <button type="button" onClick={() => listing?.parent && open(listing.parent)} disabled={!listing?.parent}><Icon name="up" size={14} /> {t('files.up')}</button>
          {listing?.places.map((p) => (
            <button type="button" key={p.label} onClick={() => open(p.path)}>{t(`files.${p.label}`)}</button>
          ))}
        </div>
        <input className="fb-path" aria-label={t('files.path')} value={typedPath ?? listing?.path ?? ''} onChange={(e) => setTypedPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && open((e.target as HTMLInputElement).value)} />
        {error && <p className="error small" role="alert">{error}</p>}
        <ul className="fb-list" role="listbox" aria-label={listing?.path}>
          {listing && listing.entries.length === 0 && <li className="empty">{t('files.empty')}</li>}
          {listing?.entries.map((e) => (
            <li key={e.name} role="option" aria-selected={selected === e.name} className={`${e.kind}${selected === e.name ? ' selected' : ''}${e.kind === 'file' && !e.importable ? ' dim' : ''}`}
              onClick={() => (e.kind === 'dir' ? open(join(e.name)) : setSelected(e.name))}
              onDoubleClick={() => e.kind === 'file' && onPick(join(e.name))}
              data-testid="fb-entry">
              <Icon name={e.kind === 'dir' ? 'folder' : 'file'} size={15} />
              <span className="fb-name">{e.name}</span>
              <span className="muted small">{e.kind === 'file' ? size(e.sizeBytes) : ''}</span>
            </li>
          ))}
        </ul>
        <div className="button-row end">
          <button type="button" onClick={onClose}>{t('import.cancel')}</button>
          <button type="button" className="primary" disabled={!selected} onClick={() => selected && onPick(join(selected))} data-testid="fb-open">{t('files.open')}</button>
        </div>
      </div>
    </Modal>
  );
}
