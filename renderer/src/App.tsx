import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onHostEvent } from './api';
import { ImportDialog } from './files/ImportDialog';
import { useFileDrop } from './files/use-file-drop';
import { MapView } from './map/MapView';
import { IdentifyPanel } from './panels/IdentifyPanel';
import { LayersPanel } from './panels/LayersPanel';
import { ParamsPanel } from './params/ParamsPanel';
import { RedLinesPanel } from './panels/RedLinesPanel';
import { ResultsPanel } from './results/ResultsPanel';
import { Splitter } from './shell/Splitter';
import { StatusBar } from './shell/StatusBar';
import { Tabs } from './shell/Tabs';
import { Toast } from './shell/Toast';
import { Toolbar } from './shell/Toolbar';
import { useShortcuts } from './shell/use-shortcuts';
import { AttributeTable } from './table/AttributeTable';
import { loadProject, refreshLayers } from './state/load-project';
import { autosaveView } from './state/persist';
import { workspace, type LeftTab, type RightTab } from './state/workspace';
import { errorText, langOf } from './format/error-text';

/** The workspace: toolbar, left panel (layers / red lines / parameters), map, right panel, table, status bar. */
export function App() {
  const { t, i18n } = useTranslation();
  const ready = workspace.use((s) => s.ready);
  const projectError = workspace.use((s) => s.projectError);
  const hasProject = workspace.use((s) => s.project !== null);
  const leftTab = workspace.use((s) => s.leftTab);
  const rightTab = workspace.use((s) => s.rightTab);
  const tableOpen = workspace.use((s) => s.tableOpen);
  const sizes = workspace.use((s) => s.panelSizes);
  const importOpen = workspace.use((s) => s.importOpen);
  const [dropped, setDropped] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useShortcuts();
  const drop = useFileDrop((path) => {
    setDropped(path);
    workspace.set({ importOpen: true });
  });

  useEffect(() => {
    let stopAutosave: (() => void) | null = null;
    loadProject()
      .then(() => (stopAutosave = autosaveView()))
      .catch((e: unknown) => setLoadError(errorText(e, langOf(i18n.language))));
    const off = onHostEvent((e) => {
      if (e.type === 'project-changed') void refreshLayers();
    });
    return () => {
      stopAutosave?.();
      off();
    };
    // Loaded once per page; the language only affects how a start-up error is worded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const resize = (key: 'left' | 'right' | 'bottom') => (size: number) => workspace.set((s) => ({ panelSizes: { ...s.panelSizes, [key]: size } }));

  return (
    <div className="app" style={{ gridTemplateColumns: `${sizes.left}px 5px 1fr 5px ${sizes.right}px` }}>
      <Toolbar />
      <aside className="side left" aria-label={t(`panels.${leftTab}`)}>
        <Tabs<LeftTab>
          value={leftTab}
          onChange={(v) => workspace.set({ leftTab: v })}
          tabs={[{ id: 'layers', label: t('panels.layers') }, { id: 'redLines', label: t('panels.redLines') }, { id: 'params', label: t('panels.params') }]}
        />
        {leftTab === 'layers' && <LayersPanel />}
        {leftTab === 'redLines' && <RedLinesPanel />}
        {leftTab === 'params' && <ParamsPanel />}
      </aside>
      <Splitter axis="x" size={sizes.left} sign={1} min={220} max={560} onResize={resize('left')} label={t('panels.layers')} />
      <main className="center" {...drop.props}>
        <div className="map-wrap">
          {ready && <MapView />}
          {drop.over && <div className="drop-overlay">{t('import.dropHint')}</div>}
          {(!ready || !hasProject) && (
            <div className="map-message" role="status">
              {!ready && !loadError ? t('app.loading') : loadError ?? (projectError ? t('app.projectError', { message: errorText(projectError, langOf(i18n.language)) }) : t('app.noProject'))}
            </div>
          )}
          <Toast />
        </div>
        {tableOpen && (
          <>
            <Splitter axis="y" size={sizes.bottom} sign={-1} min={120} max={700} onResize={resize('bottom')} label={t('panels.table')} />
            <section className="bottom" style={{ height: sizes.bottom }} aria-label={t('panels.table')}>
              <AttributeTable />
            </section>
          </>
        )}
      </main>
      <Splitter axis="x" size={sizes.right} sign={-1} min={260} max={720} onResize={resize('right')} label={t('panels.results')} />
      <aside className="side right" aria-label={t(`panels.${rightTab}`)}>
        <Tabs<RightTab>
          value={rightTab}
          onChange={(v) => workspace.set({ rightTab: v })}
          tabs={[{ id: 'identify', label: t('panels.identify') }, { id: 'results', label: t('panels.results') }]}
        />
        <div className="panel-body">
          {rightTab === 'identify' ? <IdentifyPanel /> : <ResultsPanel />}
        </div>
      </aside>
      <StatusBar />
      {importOpen && <ImportDialog initialPath={dropped} onClose={() => { setDropped(null); workspace.set({ importOpen: false }); }} />}
    </div>
  );
}
