// The "add to brief" picker: what is to be added (clauses, words, annotations, a filter) and
// where on screen it was asked for. One for the window; the picker shows while it is set.

import type { BriefItemInput } from '../../shared/api.ts';
import type { Anchor } from '../annotations/ui-store.ts';
import { createStore, type Readable } from '../common/store.ts';

export interface Picking {
  items: BriefItemInput[];
  anchor: Anchor;
}

export interface Picker extends Readable<Picking | null> {
  open: (items: BriefItemInput[], anchor: Anchor) => void;
  close: () => void;
}

export function createPicker(): Picker {
  const store = createStore<Picking | null>(null);
  return {
    get: store.get,
    subscribe: store.subscribe,
    open: (items, anchor) => store.set({ items, anchor }),
    close: () => store.set(null),
  };
}
