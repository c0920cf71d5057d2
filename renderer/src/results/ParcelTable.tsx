import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AccountResult } from '../../../electron/host/api';
import { formatArea, formatNumber } from '../format/area-units';
import { workspace } from '../state/workspace';

type Row = AccountResult['parcels'][number];
type SortKey = 'id' | 'dlbm' | 'zone' | 'area' | 'value' | 'unitValue';

const ROW_PX = 26;

function compare(a: Row, b: Row, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN', { numeric: true });
}

/**
 * The per-parcel result rows (one per clipped piece), virtualised and sortable. The unit value comes right after
 * the class and zone so it shows in a narrow panel; the long 标识码 goes last.
 */
export function ParcelTable({ parcels }: { parcels: readonly Row[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  const unit = workspace.use((s) => s.areaUnit);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'unitValue', desc: true });
  const rows = useMemo(() => {
    const sorted = [...parcels].sort((a, b) => compare(a, b, sort.key));
    return sort.desc ? sorted.reverse() : sorted;
  }, [parcels, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const head = (key: SortKey, label: string, num = false) => (
    <div role="columnheader" className={`cell${num ? ' num' : ''}`} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}>
        {label}{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </div>
  );
  return (
    <div className="vtable parcels" role="table" aria-rowcount={rows.length} data-testid="parcel-table">
      <div className="vrow vhead" role="row">
        {head('dlbm', t('results.dlmc'))}
        {head('zone', t('results.zone'))}
        {head('unitValue', t('results.unitValue'), true)}
        {head('value', t('results.value'), true)}
        {head('area', `${t('results.area')} (${t(`status.${unit}`)})`, true)}
        {head('id', 'ID')}
      </div>
      <div className="vbody" ref={scroller}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((v) => {
            const p = rows[v.index];
            return (
              <div key={v.key} role="row" className="vrow" style={{ transform: `translateY(${v.start}px)`, height: ROW_PX }} data-testid="parcel-row">
                <div className="cell" title={`${p.dlbm} ${p.dlmc}`}>{p.dlbm} {p.dlmc}</div>
                <div className="cell">{t(p.zone === 'redline' ? 'results.zoneRedline' : 'results.zoneBuffer')}</div>
                <div className="cell num">{formatNumber(p.unitValue, 4, locale)}</div>
                <div className="cell num">{formatNumber(p.value, 2, locale)}</div>
                <div className="cell num">{formatArea(p.area, unit, locale)}</div>
                <div className="cell">{String(p.id)}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
