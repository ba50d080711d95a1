// The page's library store: asks the engine through the API, and again as soon as the window
// comes back into view (documents may have been imported on the command line meanwhile).

import { useMemo } from 'react';
import type { LibraryStatus } from '../../shared/api.ts';
import type { DocumentSummary } from '../../shared/types.ts';
import { api } from '../api/client.ts';
import { useSelect } from '../common/store.ts';
import { createLibraryStore } from './library-store.ts';

export const library = createLibraryStore(api, (ms, run) => {
  const timer = window.setTimeout(run, ms);
  return () => window.clearTimeout(timer);
});

export function startLibrary(): () => void {
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') void library.refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  const stop = library.start();
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    stop();
  };
}

export const useLibraryStatus = (): LibraryStatus | null => useSelect(library, (s) => s.status);
export const useLibraryReady = (): boolean => useSelect(library, (s) => s.status?.state === 'ready');
export const useDocuments = (): DocumentSummary[] => useSelect(library, (s) => s.docs);

/** The documents by id, for what names a document it holds only the id of (a search hit). */
export function useDocumentMap(): Map<string, DocumentSummary> {
  const docs = useDocuments();
  return useMemo(() => new Map(docs.map((d) => [d.id, d])), [docs]);
}
