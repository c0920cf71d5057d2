import { useTranslation } from 'react-i18next';
import type { LayerView } from '../../../electron/host/api';
import { invoke } from '../api';
import { errorText, langOf } from '../format/error-text';
import { zoomToBox } from '../map/map-instance';
import { refreshLayers } from '../state/load-project';
import { layersOf, workspace } from '../state/workspace';
import { Icon } from '../shell/icons';
import { Legend } from './Legend';
import { LayerExportButton } from '../files/LayerExportButton';

function move(order: readonly string[], id: string, by: -1 | 1): string[] {
  const i = order.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

function LayerRow({ layer, index, count }: { layer: LayerView; index: number; count: number }) {
  const { t, i18n } = useTranslation();
  const display = workspace.use((s) => s.layerDisplay[layer.id]) ?? { visible: true, opacity: 1 };
  const active = workspace.use((s) => s.activeLayerId === layer.id);
  const setDisplay = (patch: Partial<typeof display>) => workspace.set((s) => ({ layerDisplay: { ...s.layerDisplay, [layer.id]: { ...display, ...patch } } }));
  const remove = async () => {
    if (!window.confirm(t('layers.confirmRemove', { title: layer.title }))) return;
    try {
      await invoke('layers:delete', { layerId: layer.id });
      await refreshLayers();
    } catch (e) {
      workspace.set({ toast: errorText(e, langOf(i18n.language)) });
    }
  };
  return (
    <li className={`layer-row${active ? ' active' : ''}`} data-testid="layer-row">
      <div className="layer-head">
        <button type="button" className="icon-button" onClick={() => setDisplay({ visible: !display.visible })} aria-pressed={display.visible} aria-label={t('layers.visible')} title={t('layers.visible')}>
          <Icon name={display.visible ? 'eye' : 'eyeOff'} size={16} />
        </button>
        <button type="button" className="layer-title" onClick={() => workspace.set({ activeLayerId: layer.id })} title={layer.source.files[0]?.path}>
          {layer.title}
        </button>
        <span className="muted small">{t('layers.features', { count: layer.featureCount })}</span>
      </div>
      <div className="layer-tools">
        <label className="opacity">
          <span className="sr-only">{t('layers.opacity')}</span>
          <input type="range" min={0} max={1} step={0.05} value={display.opacity} onChange={(e) => setDisplay({ opacity: Number(e.target.value) })} aria-label={t('layers.opacity')} />
        </label>
        <button type="button" className="icon-button" onClick={() => zoomToBox(layer.extentLonLat)} aria-label={t('layers.zoomTo')} title={t('layers.zoomTo')}><Icon name="zoom" size={15} /></button>
        <button type="button" className="icon-button" disabled={index === 0} onClick={() => workspace.set((s) => ({ layerOrder: move(s.layerOrder, layer.id, -1) }))} aria-label={t('layers.up')} title={t('layers.up')}><Icon name="up" size={15} /></button>
        <button type="button" className="icon-button" disabled={index === count - 1} onClick={() => workspace.set((s) => ({ layerOrder: move(s.layerOrder, layer.id, 1) }))} aria-label={t('layers.down')} title={t('layers.down')}><Icon name="down" size={15} /></button>
        <button type="button" className="icon-button danger" onClick={() => void remove()} aria-label={t('layers.remove')} title={t('layers.remove')}><Icon name="trash" size={15} /></button>
      </div>
      <div className="muted small crs-line">{layer.crs ? layer.crs.name : t('layers.noCrs')}</div>
      <LayerExportButton source={{ kind: 'layer', layerId: layer.id }} name={layer.title} testId="export-layer" />
    </li>
  );
}

/** The layers panel: visibility, order, opacity, remove, and the land-class legend of the active layer. */
export function LayersPanel() {
  const { t } = useTranslation();
  const layers = workspace.use(layersOf);
  const order = workspace.use((s) => s.layerOrder);
  const ordered = order.map((id) => layers.find((l) => l.id === id)).filter((l): l is LayerView => l !== undefined);
  return (
    <div className="panel-body" data-testid="layers-panel">
      {ordered.length === 0 ? <p className="empty">{t('layers.empty')}</p> : (
        <ul className="layer-list">
          {ordered.map((l, i) => <LayerRow key={l.id} layer={l} index={i} count={ordered.length} />)}
        </ul>
      )}
      <Legend />
    </div>
  );
}
