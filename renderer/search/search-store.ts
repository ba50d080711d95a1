// The search the reader ran and its results, shown beside the library or the panes until closed.
// Only the newest search may show its results; when the library changes, the results shown are
// asked for again, so that none names a document that has gone. `more` asks for the next page of
// the same ranking and appends it (the engine's offset), while the total stays the true one.

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
  /** The next page of the results shown, appended; nothing when every hit is shown. */
  more: () => Promise<void>;
  close: () => void;
}

export const PAGE = 100;
const SEARCH_OPTIONS: SearchOptions = { limit: PAGE, count: true };
/** The engine ranks at most this many hits of one query (searcher.ts MAX_LIMIT). */
export const MAX_SHOWN = 5000;

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
  const more = async (): Promise<void> => {
    const { query, response } = store.get();
    if (!response) return;
    const shown = response.offset + response.hits.length;
    if (response.total === null || shown >= Math.min(response.total, MAX_SHOWN)) return;
    const mine = asked;
    try {
      const next = await search(query, { ...SEARCH_OPTIONS, limit: Math.min(PAGE, MAX_SHOWN - shown), offset: shown });
      // A newer search, a close, or another page meanwhile: this page belongs to none of them.
      const now = store.get().response;
      if (mine !== asked || now !== response) return;
      const seen = new Set(response.hits.map((h) => h.clauseId));
      store.set({ query, response: { ...next, offset: 0, hits: [...response.hits, ...next.hits.filter((h) => !seen.has(h.clauseId))] }, error: null });
    } catch (e) {
      if (mine === asked) store.set({ query, response, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    get: store.get,
    subscribe: store.subscribe,
    run,
    more,
    close: () => {
      asked++;
      store.set(closed);
    },
  };
}
