// The reader's stores in the page: the panes (over the router), the document cache (refreshed
// when the library's revision changes), the text size; and the hooks that read them.

import { useCallback, useSyncExternalStore } from 'react';
import type { DocumentView } from '../../shared/api.ts';
import { api, platform } from '../api/client.ts';
import { router } from '../app/router.ts';
import { useSelect } from '../common/store.ts';
import { library } from '../library/library.ts';
import { DocumentCache, type DocumentEntry } from './document-cache.ts';
import { createReading, type Pane, type ReadRoute, type RedirectNotice } from './reading-store.ts';
import { createTextSize } from './text-size.ts';

export const reading = createReading(router, library, (clauseId) => api.getClause(clauseId));

const documents = new DocumentCache((docId) => api.getDocument(docId));
library.subscribe(() => {
  const revision = library.get().status?.revision;
  if (revision !== undefined) documents.setRevision(revision);
});

export const textSize = createTextSize(localStorage, (px) => document.documentElement.style.setProperty('--reading-size', `${px}px`));

export const useReadRoute = (): ReadRoute | null => useSelect(router, (r) => (r.view === 'read' ? r : null));
export const useTerms = (pane: Pane): string[] => useSelect(reading, (s) => s.terms[pane]);
export const useSplit = (): number => useSelect(reading, (s) => s.split);
export const useNotice = (pane: Pane): RedirectNotice | null => useSelect(reading, (s) => (s.notice?.pane === pane ? s.notice : null));

/** A document as read now, if it is. */
export function documentNow(docId: string): DocumentView | null {
  const entry = documents.get(docId);
  return entry.state === 'ready' ? entry.doc : null;
}

/** A document for a pane: read (or taken from the cache) while the pane shows it. */
export function useDocument(docId: string): DocumentEntry {
  const watch = useCallback((listener: () => void) => documents.watch(docId, listener), [docId]);
  return useSyncExternalStore(watch, () => documents.get(docId));
}

/** A link that opens a clause: clauseway:// in the desktop app, this page's address in browser mode. */
export const clauseLink = (clauseId: string): string => (platform === 'electron' ? `clauseway://c/${clauseId}` : `${location.origin}${location.pathname}#/c/${clauseId}`);
