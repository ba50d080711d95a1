// The page's cross-link stores and the hooks that read them.

import { useCallback, useSyncExternalStore } from 'react';
import { api } from '../api/client.ts';
import { useSelect, useStore } from '../common/store.ts';
import { library } from '../library/library.ts';
import { createLinks, type PanelState } from './links-store.ts';

export const links = createLinks(api, library);

document.addEventListener('visibilitychange', () => {
  // The command line may have linked clauses meanwhile.
  if (document.visibilityState === 'visible') links.refresh();
});

/** How many links a clause has (0 until its document's counts are read). */
export function useLinkCount(docId: string, clauseId: string): number {
  const watch = useCallback((listener: () => void) => links.watchCounts(docId, listener), [docId]);
  return useSyncExternalStore(watch, () => links.counts(docId).get(clauseId) ?? 0);
}

export const usePanel = (): PanelState => useStore(links);
export const usePanelShown = (): boolean => useSelect(links, (s) => s.subject !== null);
