// The search the reader ran and its results, shown beside the library or the panes until closed.
// Only the newest search may show its results; when the library changes, the results shown are
// asked for again, so that none names a document that has gone.

import type { SearchOptions } from '../../shared/api.ts';
import type { SearchResponse } from '../../shared/types.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { LibraryState } from '../library/library-store.ts';

export interface SearchState {
  /** The query of the results shown. */
  query: string;
  /** Null while no results are shown (none asked for, or the search failed). */
  response: SearchResponse | null;
  /** Why the search could not be run, in the engine's words. */
  error: string | null;
}

export interface Search extends Readable<SearchState> {
  run: (query: string) => Promise<void>;
  close: () => void;
}

const SEARCH_OPTIONS: SearchOptions = { limit: 100, count: true };

export function createSearch(search: (query: string, options: SearchOptions) => Promise<SearchResponse>, library: Readable<LibraryState>): Search {
  const closed: SearchState = { query: '', response: null, error: null };
  const store = createStore<SearchState>(closed);
  let asked = 0;
  const run = async (query: string): Promise<void> => {
    const mine = ++asked;
    if (!query.trim()) {
      store.set(closed);
      return;
    }
    try {
      const response = await search(query, SEARCH_OPTIONS);
      if (mine === asked) store.set({ query, response, error: null });
    } catch (e) {
      if (mine === asked) store.set({ query, response: null, error: e instanceof Error ? e.message : String(e) });
    }
  };
  let revision = library.get().status?.revision;
  library.subscribe(() => {
    const now = library.get().status?.revision;
    if (now === revision) return;
    revision = now;
    const { query, response, error } = store.get();
    if (response || error) void run(query);
  });
  return {
    get: store.get,
    subscribe: store.subscribe,
    run,
    close: () => {
      asked++;
      store.set(closed);
    },
  };
}
