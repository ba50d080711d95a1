// A plain store: one value, replaced whole, and the listeners to tell. Each feature keeps its
// state in one (library, reader, search), and components read it with useStore
// (useSyncExternalStore), so that state lives beside the feature rather than in App.

import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get: () => T;
  /** Replaces the value; listeners hear of it unless it is the same value. */
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** What a component can watch: a store, or a view of one. */
export type Readable<T> = Pick<Store<T>, 'get' | 'subscribe'>;

/** The store's value in a component, which re-renders when it changes. */
export function useStore<T>(store: Readable<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** A part of the store's value: the component re-renders when that part changes. `select` must
 * return a primitive or a part of the value as it is, never a new object. */
export function useSelect<T, U>(store: Readable<T>, select: (value: T) => U): U {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
