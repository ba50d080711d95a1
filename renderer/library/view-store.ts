// The library's view state: filters, sort, collapsed groups and where the list was scrolled. It
// lives beside the feature, not in the component, so that coming back from the reader finds the
// library as it was left.

import { createStore, type Readable } from '../common/store.ts';
import { NO_FILTERS, type LibraryFilters, type LibrarySort } from './library-view.ts';

export interface LibraryViewState {
  filters: LibraryFilters;
  sort: LibrarySort;
  /** Keys of the groups folded away. */
  collapsed: ReadonlySet<string>;
}

export interface LibraryViewStore extends Readable<LibraryViewState> {
  setText: (text: string) => void;
  /** Sets one facet, or clears it (null); choosing the value already set clears it too. */
  choose: <K extends 'jurisdiction' | 'level' | 'issuer' | 'kind' | 'validity'>(facet: K, value: LibraryFilters[K]) => void;
  setYears: (from: number | null, to: number | null) => void;
  clear: () => void;
  setSort: (sort: LibrarySort) => void;
  toggleGroup: (key: string) => void;
  /** The list's scroll offset when it was last left; a new selection starts at the top. */
  scroll: () => number;
  setScroll: (offset: number) => void;
}

export function createLibraryView(): LibraryViewStore {
  const store = createStore<LibraryViewState>({ filters: NO_FILTERS, sort: 'date', collapsed: new Set() });
  // Not state: the list reads it only when it is drawn again, and scrolling re-renders nothing.
  let scroll = 0;
  const filters = (change: Partial<LibraryFilters>): void => {
    const s = store.get();
    scroll = 0;
    store.set({ ...s, filters: { ...s.filters, ...change } });
  };
  return {
    get: store.get,
    subscribe: store.subscribe,
    setText: (text) => filters({ text }),
    choose: (facet, value) => filters({ [facet]: store.get().filters[facet] === value ? null : value }),
    setYears: (yearFrom, yearTo) => filters({ yearFrom, yearTo }),
    clear: () => filters(NO_FILTERS),
    setSort: (sort) => store.set({ ...store.get(), sort }),
    toggleGroup: (key) => {
      const s = store.get();
      const collapsed = new Set(s.collapsed);
      if (!collapsed.delete(key)) collapsed.add(key);
      store.set({ ...s, collapsed });
    },
    scroll: () => scroll,
    setScroll: (offset) => {
      scroll = offset;
    },
  };
}

export const libraryView = createLibraryView();
