/**
 * Keyboard shortcuts of the drawing tools (shown in the toolbar's tooltips): D draw, E edit vertices, P pick
 * parcels, Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Enter closes the polygon (terra-draw) or finishes picking, Esc
 * cancel, T attribute table.
 * Ignored while typing in a field.
 */
import { useEffect } from 'react';
import { cancel, finish, redo, startDraw, startEdit, startPick, undo } from '../draw/draw-session';
import { workspace } from '../state/workspace';

export const SHORTCUTS = { draw: 'D', edit: 'E', pick: 'P', undo: 'Ctrl+Z', redo: 'Ctrl+Y', finish: 'Enter', cancel: 'Esc', table: 'T' } as const;

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mode = workspace.get().drawMode;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((e.ctrlKey || e.metaKey) && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        redo();
      } else if (e.ctrlKey || e.metaKey || e.altKey) {
        return;
      } else if (key === 'd') startDraw();
      else if (key === 'e') startEdit();
      else if (key === 'p') startPick();
      else if (key === 't') workspace.set((s) => ({ tableOpen: !s.tableOpen }));
      else if (key === 'escape' && mode !== 'idle') cancel();
      else if (key === 'enter' && mode === 'pick') void finish();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
