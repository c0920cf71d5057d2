/**
 * A small external store for React (useSyncExternalStore): one state object, shallow-merged updates, and selector
 * hooks that re-render a component only when the slice it reads changes.
 */
import { useSyncExternalStore } from 'react';

export interface Store<T extends object> {
  get(): T;
  set(update: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
  /** The selected slice of the state; the component re-renders when it changes (Object.is). */
  use<S>(selector: (state: T) => S): S;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  const store: Store<T> = {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    use<S>(selector: (state: T) => S): S {
      return useSyncExternalStore(store.subscribe, () => selector(state));
    },
  };
  return store;
}
