// The page's search store, over the engine's search.

import { api } from '../api/client.ts';
import { useSelect, useStore } from '../common/store.ts';
import { library } from '../library/library.ts';
import { createSearch, type SearchState } from './search-store.ts';

export const search = createSearch((query, options) => api.search(query, options), library);

export const useSearch = (): SearchState => useStore(search);
export const useSearchShown = (): boolean => useSelect(search, (s) => s.response !== null || s.error !== null);
