import { useTranslation } from 'react-i18next';
import { parcelLayerOf } from '#core';
import { cancel, drawHistory, finish, redo, startDraw, startEdit, startPick, undo } from '../draw/draw-session';
import { setUiLang } from '../i18n/index';
import { zoomToBox } from '../map/map-instance';
import { workspace } from '../state/workspace';
import { Icon, type IconName } from './icons';
import { SHORTCUTS } from './use-shortcuts';

function ToolButton({ icon, label, shortcut, onClick, active, disabled, testId }: {
  icon: IconName; label: string; shortcut?: string; onClick: () => void; active?: boolean; disabled?: boolean; testId?: string;
}) {
  const { t } = useTranslation();
  const title = shortcut ? `${label} (${t('toolbar.shortcut', { key: shortcut })})` : label;
  return (
    <button type="button" className={`tool${active ? ' active' : ''}`} title={title} aria-label={label} aria-pressed={active} onClick={onClick} disabled={disabled} data-testid={testId}>
      <Icon name={icon} />
      <span className="tool-label">{label}</span>
    </button>
  );
}

/** The main toolbar: import, red-line tools, undo/redo, table, language. */
export function Toolbar() {
  const { t, i18n } = useTranslation();
  const mode = workspace.use((s) => s.drawMode);
  const hasProject = workspace.use((s) => s.project !== null);
  const canEdit = workspace.use((s) => s.draft !== null || s.activeRedLineId !== null);
  const tableOpen = workspace.use((s) => s.tableOpen);
  const { canUndo, canRedo } = drawHistory.use((s) => s);
  const drawing = mode !== 'idle';

  return (
    <div className="toolbar" role="toolbar" aria-label="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">VEP</span>
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="tool-group">
        <ToolButton icon="import" label={t('toolbar.import')} onClick={() => workspace.set({ importOpen: true })} disabled={!hasProject} testId="tool-import" />
        <ToolButton icon="fit" label={t('toolbar.fit')} onClick={() => zoomToBox(parcelLayerOf(workspace.get().project?.layers ?? [])?.extentLonLat ?? null)} disabled={!hasProject} />
      </div>
      <div className="tool-group">
        <ToolButton icon="draw" label={t('toolbar.draw')} shortcut={SHORTCUTS.draw} onClick={startDraw} active={mode === 'draw'} disabled={!hasProject} testId="tool-draw" />
        <ToolButton icon="edit" label={t('toolbar.edit')} shortcut={SHORTCUTS.edit} onClick={startEdit} active={mode === 'edit'} disabled={!canEdit} testId="tool-edit" />
        <ToolButton icon="pick" label={t('toolbar.fromParcels')} shortcut={SHORTCUTS.pick} onClick={startPick} active={mode === 'pick'} disabled={!hasProject} testId="tool-pick" />
        <ToolButton icon="undo" label={t('toolbar.undo')} shortcut={SHORTCUTS.undo} onClick={undo} disabled={!canUndo} testId="tool-undo" />
        <ToolButton icon="redo" label={t('toolbar.redo')} shortcut={SHORTCUTS.redo} onClick={redo} disabled={!canRedo} testId="tool-redo" />
        {drawing && <ToolButton icon="check" label={t('toolbar.finish')} shortcut={SHORTCUTS.finish} onClick={() => void finish()} testId="tool-finish" />}
        {drawing && <ToolButton icon="close" label={t('toolbar.cancelDraw')} shortcut={SHORTCUTS.cancel} onClick={cancel} testId="tool-cancel" />}
      </div>
      <div className="tool-group">
        <ToolButton icon="table" label={t('toolbar.table')} shortcut={SHORTCUTS.table} onClick={() => workspace.set({ tableOpen: !tableOpen })} active={tableOpen} disabled={!hasProject} testId="tool-table" />
      </div>
      <div className="spacer" />
      <button type="button" className="lang-switch" onClick={() => setUiLang(i18n.language.startsWith('en') ? 'zh' : 'en')} data-testid="lang-switch" aria-label={t('toolbar.language')}>
        <Icon name="globe" size={16} />
        {t('toolbar.language')}
      </button>
    </div>
  );
}
