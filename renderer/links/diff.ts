// The wording of two clauses compared (the dialog over the window): which pair, while it is open.

import { createStore, useStore } from '../common/store.ts';

export interface DiffPair {
  /** Two clauses; the engine says which came first. */
  a: string;
  b: string;
}

const store = createStore<DiffPair | null>(null);

export const diffing = {
  get: store.get,
  subscribe: store.subscribe,
  open: (pair: DiffPair): void => store.set(pair),
  close: (): void => store.set(null),
};

export const useDiffPair = (): DiffPair | null => useStore(store);
