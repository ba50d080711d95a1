// The library as the renderer knows it: the engine's status and the list of documents. Status is
// asked for often while the first start imports the bundled texts (its progress is on screen),
// then every few seconds: its revision changes whenever documents are imported, updated or
// removed, from this window or from elsewhere (the command line), and the list is read again.
// Whoever caches documents watches the same revision (reader/document-cache.ts).

import type { LibraryStatus } from '../../shared/api.ts';
import type { DocumentSummary } from '../../shared/types.ts';
import { createStore, type Readable } from '../common/store.ts';

export interface LibraryState {
  /** Null until the engine first answers. */
  status: LibraryStatus | null;
  docs: DocumentSummary[];
}

export interface LibrarySource {
  status: () => Promise<LibraryStatus>;
  listDocuments: () => Promise<DocumentSummary[]>;
}

/** Runs `run` after `ms`; returns how to cancel it. setTimeout in the page. */
export type Later = (ms: number, run: () => void) => () => void;

export const POLL_PREPARING_MS = 60;
export const POLL_READY_MS = 2000;

export interface LibraryStore extends Readable<LibraryState> {
  /** Starts asking; returns how to stop. */
  start: () => () => void;
  /** Asks now rather than at the next turn (the window came back into view). */
  refresh: () => Promise<void>;
}

const sameStatus = (a: LibraryStatus, b: LibraryStatus): boolean =>
  a.state === b.state && a.done === b.done && a.total === b.total && a.message === b.message && a.documents === b.documents && a.revision === b.revision;

/** A status for an engine that could not be asked. Browser mode without its key: say how to get in. */
function unreachable(e: unknown): LibraryStatus {
  const message = e instanceof Error && /token/.test(e.message) ? 'token' : String(e);
  return { state: 'error', done: 0, total: 0, message, documents: 0, revision: 0, notices: [] };
}

export function createLibraryStore(source: LibrarySource, later: Later): LibraryStore {
  const store = createStore<LibraryState>({ status: null, docs: [] });
  /** The revision the list was read at. */
  let listed: number | null = null;
  let running = false;
  let cancel = (): void => undefined;
  let pending: Promise<void> | null = null;

  const check = async (): Promise<void> => {
    let status: LibraryStatus;
    try {
      status = await source.status();
    } catch (e) {
      // Once the library is open, what is on screen stays readable and the next turn asks again.
      if (store.get().status?.state !== 'ready') store.set({ ...store.get(), status: unreachable(e) });
      return;
    }
    const before = store.get().status;
    if (!before || !sameStatus(before, status)) store.set({ ...store.get(), status });
    if (status.state !== 'ready' || status.revision === listed) return;
    try {
      const docs = await source.listDocuments();
      listed = status.revision;
      store.set({ ...store.get(), docs });
    } catch {
      // The next turn lists again.
    }
  };

  const turn = (): Promise<void> => {
    cancel();
    pending ??= check().finally(() => {
      pending = null;
      const state = store.get().status?.state;
      // An engine that failed before the library opened does not recover by itself: stop asking.
      if (running && state !== 'error') cancel = later(state === 'ready' ? POLL_READY_MS : POLL_PREPARING_MS, () => void turn());
    });
    return pending;
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    start: () => {
      running = true;
      void turn();
      return () => {
        running = false;
        cancel();
      };
    },
    refresh: turn,
  };
}
