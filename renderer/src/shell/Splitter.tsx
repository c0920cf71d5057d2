import { useRef } from 'react';

/**
 * A drag handle between two panels. `axis` x resizes a side panel's width, y the bottom panel's height; `sign`
 * says whether dragging right/down grows (+1) or shrinks (−1) the panel. Arrow keys resize by 16 px.
 */
export function Splitter({ axis, size, sign, min, max, onResize, label }: {
  axis: 'x' | 'y'; size: number; sign: 1 | -1; min: number; max: number; onResize: (size: number) => void; label: string;
}) {
  const start = useRef<{ pos: number; size: number } | null>(null);
  const clamp = (v: number) => Math.max(min, Math.min(max, Math.round(v)));
  return (
    <div
      className={`splitter splitter-${axis}`}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      aria-valuenow={size}
      tabIndex={0}
      onPointerDown={(e) => {
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
        start.current = { pos: axis === 'x' ? e.clientX : e.clientY, size };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const delta = (axis === 'x' ? e.clientX : e.clientY) - start.current.pos;
        onResize(clamp(start.current.size + sign * delta));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        const grow = axis === 'x' ? (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0) : e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
        if (grow !== 0) onResize(clamp(size + sign * grow * 16));
      }}
    />
  );
}
