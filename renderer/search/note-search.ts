// The notes that hold the words of the search shown: the same query asked of the notes
// (listAnnotations({text})), shown in a group of their own beside the clauses. The engine finds
// one phrase in the note text, folded as search folds; with several terms it is asked for the
// longest and the others are checked here, as the clause search requires every term. The query's
// filters (shared/query.ts) narrow the notes to the documents they name.

import type { Annotation, AnnotationQuery } from '../../shared/api.ts';
import type { Fold } from '../../shared/snippet.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { SearchState } from './search-store.ts';

export interface NoteHits {
  /** The query the notes answer (the search shown). */
  query: string;
  notes: Annotation[];
}

const NONE: NoteHits = { query: '', notes: [] };
const LIMIT = 50;

/** The filters of a query that select documents, written as the search box takes them. */
export function noteFilters(query: string): AnnotationQuery {
  const out: AnnotationQuery = {};
  for (const m of query.matchAll(/(?:^|\s)(jurisdiction|doc|year):(\S+)/g)) {
    const [, key, value = ''] = m;
    if (key === 'jurisdiction') out.jurisdiction = value;
    else if (key === 'doc' && /^[0-9a-f]{12}$/.test(value)) out.docId = value;
    else if (key === 'year') {
      const y = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
      if (y) {
        out.yearFrom = Number(y[1]);
        out.yearTo = Number(y[2] ?? y[1]);
      }
    }
  }
  return out;
}

export function createNoteSearch(search: Readable<SearchState>, find: (q: AnnotationQuery) => Promise<Annotation[]>, fold: Fold, changes: Readable<{ version: number }>): Readable<NoteHits> {
  const store = createStore<NoteHits>(NONE);
  let asked = 0;
  let shown: SearchState['response'] = null;
  const run = (): void => {
    const mine = ++asked;
    const { query, response } = search.get();
    shown = response;
    const terms = response?.terms ?? [];
    const longest = [...terms].sort((a, b) => b.length - a.length)[0];
    if (!response || !longest) {
      store.set(NONE);
      return;
    }
    const folded = response.folded;
    find({ ...noteFilters(query), text: longest, limit: LIMIT }).then(
      (notes) => {
        if (mine !== asked) return;
        const all = notes.filter((a) => folded.every((f) => fold(a.noteText).includes(f)));
        store.set({ query, notes: all });
      },
      () => {
        if (mine === asked) store.set(NONE);
      },
    );
  };
  search.subscribe(() => {
    if (search.get().response !== shown) run();
  });
  let version = changes.get().version;
  changes.subscribe(() => {
    if (changes.get().version === version) return;
    version = changes.get().version;
    if (shown) run();
  });
  return { get: store.get, subscribe: store.subscribe };
}
