import { useEffect } from 'react';
import { workspace } from '../state/workspace';

/** A short message over the map (saved, imported, an error), gone after a few seconds. */
export function Toast() {
  const toast = workspace.use((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => workspace.set({ toast: null }), 5000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return <div className="toast" role="status" data-testid="toast">{toast}</div>;
}
