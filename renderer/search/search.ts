// The page's search store, over the engine's search, and the notes that hold the same words.

import { api } from '../api/client.ts';
import { annotations } from '../annotations/annotations.ts';
import { foldText } from '../common/fold.ts';
import { useSelect, useStore } from '../common/store.ts';
import { library } from '../library/library.ts';
import { createNoteSearch, type NoteHits } from './note-search.ts';
import { createSearch, type SearchState } from './search-store.ts';

export const search = createSearch((query, options) => api.search(query, options), library);
const noteHits = createNoteSearch(search, (q) => api.listAnnotations(q), foldText, annotations);

export const useSearch = (): SearchState => useStore(search);
export const useNoteHits = (): NoteHits => useStore(noteHits);
export const useSearchShown = (): boolean => useSelect(search, (s) => s.response !== null || s.error !== null);
