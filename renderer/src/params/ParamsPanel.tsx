import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParameterSetView } from '../../../electron/host/api';
import { invoke } from '../api';
import { errorText, langOf } from '../format/error-text';
import { workspace } from '../state/workspace';
import { ParamsEditor } from './ParamsEditor';

/** `name`, or `name (2)`, `name (3)`… — the first no set has (the host refuses a taken name). */
function freeName(name: string, sets: readonly ParameterSetView[]): string {
  const taken = new Set(sets.map((s) => s.name.trim().toLowerCase()));
  if (!taken.has(name.trim().toLowerCase())) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`.toLowerCase())) return `${name} (${n})`;
}

/** The project's parameter sets: duplicate (also from the built-in set), rename, delete, edit. */
export function ParamsPanel() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [sets, setSets] = useState<ParameterSetView[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    invoke('params:list').then(setSets).catch((e: unknown) => setError(errorText(e, lang)));
  }, [lang]);
  useEffect(reload, [reload]);

  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const duplicateBuiltin = () => act(async () => {
    const json = await invoke('params:builtin');
    await invoke('params:save', { name: freeName(t('params.newName', { name: t('account.builtin') }), sets), json });
  });
  const duplicate = (s: ParameterSetView) => act(async () => {
    const full = await invoke('params:get', { id: s.id });
    await invoke('params:save', { name: freeName(t('params.newName', { name: s.name }), sets), json: full.json });
  });
  const rename = (s: ParameterSetView) => act(async () => {
    const name = window.prompt(t('params.renamePrompt'), s.name);
    if (!name || name === s.name) return;
    const full = await invoke('params:get', { id: s.id });
    await invoke('params:save', { id: s.id, name, json: full.json });
  });
  const remove = (s: ParameterSetView) => act(async () => {
    if (!window.confirm(`${t('params.delete')} “${s.name}”?`)) return;
    await invoke('params:delete', { id: s.id });
  });

  return (
    <div className="panel-body" data-testid="params-panel">
      <ul className="set-list">
        <li className="set builtin">
          <span className="set-name">{t('account.builtin')}</span>
          <button type="button" className="link" onClick={() => void duplicateBuiltin()} data-testid="duplicate-builtin">{t('params.duplicate')}</button>
        </li>
        {sets.map((s) => (
          <li key={s.id} className="set" data-testid="param-set">
            <button type="button" className="set-name link" onClick={() => setEditing(s.id)}>{s.name}</button>
            <span className="muted small" title={s.sha256}>{s.sha256.slice(0, 8)}</span>
            <button type="button" className="link" onClick={() => void duplicate(s)}>{t('params.duplicate')}</button>
            <button type="button" className="link" onClick={() => void rename(s)}>{t('params.rename')}</button>
            {!s.builtin && <button type="button" className="link danger" onClick={() => void remove(s)}>{t('params.delete')}</button>}
          </li>
        ))}
      </ul>
      {sets.length === 0 && <p className="empty">{t('params.empty')}</p>}
      {error && <p className="error small" role="alert">{error}</p>}
      {editing !== null && <ParamsEditor id={editing} onClose={() => { setEditing(null); reload(); workspace.set({}); }} />}
    </div>
  );
}
