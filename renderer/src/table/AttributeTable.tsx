import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AttributeFilterRequest, ClassCount, LayerView } from '../../../electron/host/api';
import { invoke } from '../api';
import { formatArea } from '../format/area-units';
import { errorText, langOf } from '../format/error-text';
import { zoomToBox } from '../map/map-instance';
import { layersOf, workspace } from '../state/workspace';
import { PageCache } from './page-cache';

const ROW_PX = 26;
const PAGE_ROWS = 200;
const COLUMN_PX = 120;

/**
 * The attribute table of the active layer: 300 000 rows scroll smoothly because only the rows in view exist in the
 * DOM (react-virtual) and only their pages are read from the host. Sort by a column, filter by land class and by
 * text; clicking a row highlights the feature on the map and zooms to it.
 */
export function AttributeTable() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const layers = workspace.use(layersOf);
  const activeLayerId = workspace.use((s) => s.activeLayerId);
  const unit = workspace.use((s) => s.areaUnit);
  const selection = workspace.use((s) => s.selection);
  const layer: LayerView | undefined = layers.find((l) => l.id === activeLayerId);
  const [sort, setSort] = useState<{ field: string; direction: 'asc' | 'desc' } | null>(null);
  const [landClass, setLandClass] = useState('');
  const [searchField, setSearchField] = useState('');
  const [text, setText] = useState('');
  const [classes, setClasses] = useState<ClassCount[]>([]);
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const dlbm = layer?.fields.find((f) => f.name.toUpperCase() === 'DLBM')?.name;
  const dlmc = layer?.fields.find((f) => f.name.toUpperCase() === 'DLMC')?.name;
  const layerId = layer?.id;
  const field = searchField || layer?.fields.find((f) => f.type === 'string')?.name || '';

  useEffect(() => {
    if (!layerId || !dlbm) return;
    let live = true;
    void invoke('layers:classes', { layerId, field: dlbm, ...(dlmc ? { labelField: dlmc } : {}) }).then((c) => live && setClasses(c)).catch(() => {});
    return () => {
      live = false;
    };
  }, [layerId, dlbm, dlmc]);

  const filters = useMemo(() => {
    const f: AttributeFilterRequest[] = [];
    if (landClass && dlbm) f.push({ field: dlbm, op: 'eq', value: landClass });
    if (text.trim() && field) f.push({ field, op: 'contains', text: text.trim() });
    return f;
  }, [landClass, dlbm, text, field]);

  const cache = useMemo(() => {
    if (!layerId) return null;
    return new PageCache((offset, limit) => invoke('layers:query', { layerId, filters, ...(sort ? { sort } : {}), offset, limit }), PAGE_ROWS, redraw);
  }, [layerId, filters, sort]);

  const scroller = useRef<HTMLDivElement>(null);
  const total = cache?.total ?? 0;
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 20, scrollMargin: ROW_PX });
  const items = virtual.getVirtualItems();
  useEffect(() => {
    if (!cache) return;
    if (cache.total === null) cache.ensure(0, 0);
    else if (items.length) cache.ensure(items[0].index, items[items.length - 1].index);
  }, [cache, items]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [cache]);

  if (!layer) return <p className="empty">{t('layers.empty')}</p>;
  const columns = [...layer.fields.map((f) => f.name), ...(layer.areaColumn ? [layer.areaColumn] : [])];
  const width = columns.length * COLUMN_PX + 70;

  const select = async (id: number) => {
    workspace.set({ selection: { layerId: layer.id, ids: [id] } });
    try {
      const f = await invoke('layers:feature', { layerId: layer.id, id });
      zoomToBox(f.bboxLonLat, 17);
    } catch (e) {
      workspace.set({ toast: errorText(e, lang) });
    }
  };

  return (
    <div className="attribute-table" data-testid="attribute-table">
      <div className="table-bar">
        <label>
          {t('table.layer')}
          <select value={layer.id} onChange={(e) => workspace.set({ activeLayerId: e.target.value })}>
            {layers.filter((l) => l.geometryType).map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
          </select>
        </label>
        {dlbm && (
          <label>
            {t('table.filterClass')}
            <select value={landClass} onChange={(e) => setLandClass(e.target.value)} data-testid="table-class-filter">
              <option value="">{t('table.allClasses')}</option>
              {classes.map((c) => <option key={String(c.value)} value={String(c.value ?? '')}>{String(c.value)} {c.label ?? ''} ({c.count.toLocaleString(locale)})</option>)}
            </select>
          </label>
        )}
        <label>
          {t('table.searchField')}
          <select value={field} onChange={(e) => setSearchField(e.target.value)}>
            {layer.fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </select>
        </label>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('table.searchPlaceholder')} aria-label={t('table.search')} data-testid="table-search" />
        <span className="muted" data-testid="table-count">{cache?.total === null || !cache ? t('table.loading') : t('table.rows', { total: total.toLocaleString(locale) })}</span>
      </div>
      <div className="vtable" role="table" aria-rowcount={total}>
        <div className="vscroll" ref={scroller}>
          <div className="vrow vhead sticky" role="row" style={{ width }}>
            <div className="cell idcol" role="columnheader">fid</div>
            {columns.map((c) => (
              <div key={c} className="cell" role="columnheader" style={{ width: COLUMN_PX }} aria-sort={sort?.field === c ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort" onClick={() => setSort((s) => (s?.field === c ? (s.direction === 'asc' ? { field: c, direction: 'desc' } : null) : { field: c, direction: 'asc' }))}>
                  {c === layer.areaColumn ? t('table.area') : c}{sort?.field === c ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </div>
            ))}
          </div>
          <div style={{ height: virtual.getTotalSize(), width, position: 'relative' }}>
            {items.map((v) => {
              const row = cache?.row(v.index);
              const selected = !!row && selection?.layerId === layer.id && selection.ids.includes(row.id);
              return (
                <div key={v.key} role="row" className={`vrow${selected ? ' selected' : ''}`} style={{ transform: `translateY(${v.start - ROW_PX}px)`, height: ROW_PX, width }}
                  onClick={() => row && void select(row.id)} aria-selected={selected} data-testid="table-row">
                  <div className="cell idcol">{row ? row.id : ''}</div>
                  {columns.map((c) => (
                    <div key={c} className={`cell${typeof row?.properties[c] === 'number' ? ' num' : ''}`} style={{ width: COLUMN_PX }}>
                      {row ? (c === layer.areaColumn ? formatArea(row.properties[c] as number | null, unit, locale) : String(row.properties[c] ?? '')) : '…'}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
