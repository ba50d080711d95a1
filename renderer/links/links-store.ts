// What the reader knows of cross-links: how many links each clause of an open document has (read
// once per document, again when the library's revision moves or a manual link is made or
// removed), and the links panel: the clause it is for, that clause's links, the link opened
// beside it, the document's citations. Only the newest read may fill what it was for.

import type { ClauseLink, ClausewayApi, DocumentCitationsResponse } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { LibraryState } from '../library/library-store.ts';
import type { Pane } from '../reader/reading-store.ts';

export type LinksApi = Pick<ClausewayApi, 'linkCounts' | 'clauseLinks' | 'documentCitations' | 'createLink' | 'deleteLink'>;

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** What the panel is for: a clause of a pane's document, or the document alone (its citations). */
export interface Subject {
  pane: Pane;
  docId: string;
  clauseId: string | null;
}

export interface PanelState {
  subject: Subject | null;
  links: Loaded<ClauseLink[]> | null;
  citations: Loaded<DocumentCitationsResponse> | null;
  /** The link whose clause was opened beside the subject (its shared words are marked): its key. */
  opened: string | null;
  /** Moves with every manual link made or removed here. */
  version: number;
}

export type Counts = ReadonlyMap<string, number>;
const NO_COUNTS: Counts = new Map();

interface CountSlot {
  counts: Counts;
  reading: number;
  watchers: Set<() => void>;
}

export interface Links extends Readable<PanelState> {
  /** How many links each clause of a document has, as known now (empty until read). */
  counts: (docId: string) => Counts;
  /** Reads a document's counts if they are not known, and tells `listener` of every change. */
  watchCounts: (docId: string, listener: () => void) => () => void;
  /** Shows the panel for a clause (or a document), reading its links and its document's citations. */
  show: (subject: Subject) => void;
  hide: () => void;
  /** Records the link opened beside the subject (group-links.ts linkKey). */
  setOpened: (key: string | null) => void;
  /** Links the subject clause to another, with a reason; answers the new link's id. */
  link: (from: string, to: string, why: string | null) => Promise<string>;
  /** Reads again what is on screen (the window came back: the command line may have linked). */
  refresh: () => void;
  /** Removes a manual link (of the clause `from`); `undo` makes it again. */
  unlink: (link: ClauseLink, from: string) => Promise<{ undo: () => Promise<string> }>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createLinks(api: LinksApi, library: Readable<LibraryState>): Links {
  const closed: PanelState = { subject: null, links: null, citations: null, opened: null, version: 0 };
  const store = createStore<PanelState>(closed);
  const slots = new Map<string, CountSlot>();
  let reads = 0;

  const readCounts = (docId: string, slot: CountSlot): void => {
    const mine = ++reads;
    slot.reading = mine;
    api.linkCounts({ docId }).then(
      ({ counts }) => {
        if (slot.reading !== mine || slots.get(docId) !== slot) return;
        slot.reading = 0;
        slot.counts = new Map(Object.entries(counts));
        for (const listener of [...slot.watchers]) listener();
      },
      () => {
        // The clauses show without counts; the next change asks again.
        if (slot.reading === mine) slot.reading = 0;
      },
    );
  };

  const readPanel = (subject: Subject, citationsToo: boolean): void => {
    const same = (): boolean => store.get().subject === subject;
    const { clauseId, docId } = subject;
    if (clauseId) {
      api.clauseLinks({ clauseId }).then(
        ({ links: value }) => same() && store.set({ ...store.get(), links: { state: 'ready', value } }),
        (e: unknown) => same() && store.set({ ...store.get(), links: { state: 'failed', message: message(e) } }),
      );
    }
    if (!citationsToo) return;
    api.documentCitations({ docId }).then(
      (value) => same() && store.set({ ...store.get(), citations: { state: 'ready', value } }),
      (e: unknown) => same() && store.set({ ...store.get(), citations: { state: 'failed', message: message(e) } }),
    );
  };

  /** What is on screen is stale: counts of the documents shown, the panel's links and citations. */
  const refresh = (citationsToo: boolean): void => {
    for (const [docId, slot] of slots) {
      if (slot.watchers.size > 0) readCounts(docId, slot);
      else slots.delete(docId);
    }
    const { subject } = store.get();
    if (subject) readPanel(subject, citationsToo);
  };

  let revision = library.get().status?.revision;
  library.subscribe(() => {
    const now = library.get().status?.revision;
    if (now === revision) return;
    const first = revision === undefined;
    revision = now;
    if (!first) refresh(true);
  });

  const changed = (): void => {
    store.set({ ...store.get(), version: store.get().version + 1 });
    refresh(false);
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    counts: (docId) => slots.get(docId)?.counts ?? NO_COUNTS,
    watchCounts: (docId, listener) => {
      let slot = slots.get(docId);
      if (!slot) {
        slot = { counts: NO_COUNTS, reading: 0, watchers: new Set() };
        slots.set(docId, slot);
        readCounts(docId, slot);
      }
      const mine = slot;
      mine.watchers.add(listener);
      return () => {
        mine.watchers.delete(listener);
      };
    },
    show: (subject) => {
      const before = store.get();
      // The same document's citations stay while another of its clauses is shown.
      const sameDoc = before.subject?.docId === subject.docId && before.citations?.state === 'ready';
      store.set({
        ...before,
        subject,
        links: subject.clauseId ? { state: 'loading' } : null,
        citations: sameDoc ? before.citations : { state: 'loading' },
        opened: null,
      });
      readPanel(subject, !sameDoc);
    },
    hide: () => store.set({ ...closed, version: store.get().version }),
    setOpened: (opened) => store.set({ ...store.get(), opened }),
    refresh: () => refresh(true),
    link: async (from, to, why) => {
      const { id } = await api.createLink(why ? { a: from, b: to, why } : { a: from, b: to });
      changed();
      return id;
    },
    unlink: async (link, from) => {
      const { manualId, clauseId, why } = link;
      if (!manualId || !clauseId) throw new Error('only a manual link between two clauses can be removed');
      await api.deleteLink({ id: manualId });
      changed();
      return {
        undo: async () => {
          const { id } = await api.createLink(why ? { a: from, b: clauseId, why } : { a: from, b: clauseId });
          changed();
          return id;
        },
      };
    },
  };
}
