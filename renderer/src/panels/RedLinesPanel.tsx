import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, isMessageCode } from '#core';
import type { RedLineView } from '../../../electron/host/api';
import { invoke } from '../api';
import { scheduleChecks, setDraft } from '../draw/draw-session';
import { errorText, langOf } from '../format/error-text';
import { zoomToBox } from '../map/map-instance';
import { refreshRedLines } from '../state/load-project';
import { workspace } from '../state/workspace';
import { FilePicker } from '../files/FilePicker';
import { AccountForm } from './AccountForm';
import { LayerExportButton } from '../files/LayerExportButton';
import { BatchWorkbookButton } from '../results/BatchWorkbookButton';

function boxOf(g: RedLineView['geometry']): [number, number, number, number] {
  const pts = g.coordinates.flat(2);
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}

/** Red lines of the project: the list, the draft being drawn (name, save), checks with repair, ring width, import. */
export function RedLinesPanel() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const redLines = workspace.use((s) => s.redLines);
  const activeId = workspace.use((s) => s.activeRedLineId);
  const draft = workspace.use((s) => s.draft);
  const drawMode = workspace.use((s) => s.drawMode);
  const issues = workspace.use((s) => s.issues);
  const repaired = workspace.use((s) => s.repaired);
  const validationError = workspace.use((s) => s.validationError);
  const ringError = workspace.use((s) => s.ringError);
  const bufferM = workspace.use((s) => s.bufferM);
  const selection = workspace.use((s) => s.selection);
  const [name, setName] = useState('');
  const [picking, setPicking] = useState(false);
  const active = redLines.find((r) => r.id === activeId) ?? null;

  const save = async () => {
    if (!draft) return;
    const editing = drawMode === 'edit' || (active && draft && name === '');
    try {
      const saved = await invoke('redlines:save', {
        ...(editing && active ? { id: active.id } : {}),
        name: name.trim() || (editing && active ? active.name : t('redLines.defaultName', { n: redLines.length + 1 })),
        geometry: draft,
      });
      workspace.set({ draft: null, activeRedLineId: saved.id, toast: t('redLines.saved'), drawMode: 'idle' });
      setName('');
      await refreshRedLines();
    } catch (e) {
      workspace.set({ toast: errorText(e, lang) });
    }
  };

  const remove = async (r: RedLineView) => {
    if (!window.confirm(t('redLines.confirmDelete', { name: r.name }))) return;
    await invoke('redlines:delete', { id: r.id });
    await refreshRedLines();
  };

  const importFile = async (path: string) => {
    setPicking(false);
    try {
      const { geometry, count } = await invoke('redlines:fromFile', { path });
      setDraft(geometry);
      workspace.set({ toast: t('redLines.fromFileDone', { count }) });
      const g = geometry.type === 'Polygon' ? { type: 'MultiPolygon' as const, coordinates: [geometry.coordinates] } : geometry;
      zoomToBox(boxOf(g));
    } catch (e) {
      workspace.set({ toast: errorText(e, lang) });
    }
  };

  return (
    <div className="panel-body" data-testid="redlines-panel">
      {drawMode === 'draw' && <p className="hint">{t('redLines.drawing')}</p>}
      {drawMode === 'edit' && <p className="hint">{t('redLines.editing')}</p>}
      {drawMode === 'pick' && <p className="hint">{t('redLines.pickParcels')} {selection ? t('redLines.selectedParcels', { count: selection.ids.length }) : ''}</p>}

      {draft && (
        <div className="card draft" data-testid="draft-card">
          <div className="card-title">{t('redLines.new')} <span className="badge warn">{t('redLines.unsaved')}</span></div>
          <label className="field">
            <span>{t('redLines.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={active && drawMode === 'edit' ? active.name : t('redLines.defaultName', { n: redLines.length + 1 })} />
          </label>
          <button type="button" className="primary" onClick={() => void save()} data-testid="save-redline">{t('redLines.save')}</button>
        </div>
      )}

      {(draft || active) && (
        <div className="card">
          <label className="field inline">
            <span>{t('redLines.buffer')}</span>
            <input type="number" min={0} max={50000} step={100} value={bufferM} onChange={(e) => {
              workspace.set({ bufferM: Math.max(0, Math.min(50000, Number(e.target.value) || 0)) });
              scheduleChecks();
            }} data-testid="buffer-input" />
          </label>
          {ringError && <p className="muted small">{t('redLines.ring')}: {ringError}</p>}
          <div className="card-title">{t('redLines.issues')}</div>
          {validationError ? <p className="muted small">{t('redLines.validationUnavailable', { message: validationError })}</p>
            : issues.length === 0 ? <p className="ok small">{t('redLines.noIssues')}</p> : (
              <ul className="issues" data-testid="issues">
                {issues.map((iss, i) => (
                  <li key={i} className={iss.severity}>
                    {isMessageCode(iss.code) ? formatMessage(iss.code, iss.details, lang) : iss.code}
                  </li>
                ))}
              </ul>
            )}
          {repaired && (
            <div className="repair">
              <p className="small">{t('redLines.repairHint')}</p>
              <button type="button" onClick={() => setDraft(repaired)}>{t('redLines.repair')}</button>
            </div>
          )}
        </div>
      )}

      <ul className="redline-list">
        {redLines.length === 0 && !draft && <p className="empty">{t('redLines.empty')}</p>}
        {redLines.map((r) => (
          <li key={r.id} className={r.id === activeId ? 'active' : ''}>
            <button type="button" className="redline-name" onClick={() => {
              workspace.set({ activeRedLineId: r.id });
              zoomToBox(boxOf(r.geometry), 16);
              scheduleChecks();
            }}>{r.name}</button>
            <span className="muted small">{r.source ?? ''}</span>
            <button type="button" className="link danger" onClick={() => void remove(r)}>{t('redLines.delete')}</button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setPicking(true)}>{t('redLines.importFile')}</button>
      {picking && <FilePicker onPick={(p) => void importFile(p)} onClose={() => setPicking(false)} />}
      {redLines.length > 0 && <LayerExportButton source={{ kind: 'redlines' }} name={t('panels.redLines')} testId="export-redlines" />}
      <BatchWorkbookButton />

      <AccountForm />
    </div>
  );
}
