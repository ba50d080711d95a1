// What the reader has open: a document in each of two panes, the one in focus, the terms a search
// marked in each, and the split between them. Which documents and clauses stand in the panes is
// the address's to say (app/route.ts), through the router; the rest is here.

import type { Route } from '../app/route.ts';
import type { Router } from '../app/router-store.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { LibraryState } from '../library/library-store.ts';

export type Pane = 0 | 1;
export type ReadRoute = Extract<Route, { view: 'read' }>;

export interface ReadingState {
  /** The folded terms to mark in each pane: those of the search that opened its document. */
  terms: [string[], string[]];
  /** The left pane's share of the width, in percent. */
  split: number;
  /** A deep link whose clause a re-import retired: the pane says where it led instead. */
  notice: RedirectNotice | null;
}

export interface RedirectNotice {
  pane: Pane;
  /** The clause shown, and the retired id the link named. */
  clauseId: string;
  from: string;
  reason: 'moved' | 'removed';
}

export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;

export interface Reading extends Readable<ReadingState> {
  /** Opens a document in a pane (at a clause), keeping what the other pane reads. */
  open: (docId: string, clauseId: string | null, pane: Pane, terms?: string[]) => void;
  /** Opens a search hit in the focused pane, or in the other one. */
  openFound: (docId: string, clauseId: string | null, inOther: boolean, terms: string[]) => void;
  /** Opens a clause of a pane's document in the other pane, marking the same terms. */
  openBeside: (pane: Pane, clauseId: string) => void;
  close: (pane: Pane) => void;
  focus: (pane: Pane) => void;
  /** The clause a pane's reader has come to, for the address. */
  record: (pane: Pane, docId: string, clauseId: string) => void;
  setSplit: (percent: number) => void;
  dismissNotice: () => void;
}

const other = (p: Pane): Pane => (p === 0 ? 1 : 0);

/** A clause as a deep link needs it: where it is now (an old id answers with its successor). */
export type FindClause = (clauseId: string) => Promise<{ id: string; docId: string; redirect?: { from: string; reason: 'moved' | 'removed' } } | null>;

export function createReading(router: Router, library: Readable<LibraryState>, findClause: FindClause): Reading {
  const store = createStore<ReadingState>({ terms: [[], []], split: 50, notice: null });
  const reading = (): ReadRoute | null => {
    const r = router.get();
    return r.view === 'read' ? r : null;
  };
  // Going to the library keeps what was open: "open on the right" then reads beside it.
  let last = reading();
  router.subscribe(() => {
    last = reading() ?? last;
  });

  const open = (docId: string, clauseId: string | null, pane: Pane, terms: string[] = []): void => {
    const before = reading() ?? last;
    const panes: ReadRoute['panes'] = before ? [...before.panes] : [null, null];
    panes[pane] = { docId, clauseId };
    const { terms: marks, notice } = store.get();
    store.set({ ...store.get(), terms: pane === 0 ? [terms, marks[1]] : [marks[0], terms], notice: notice?.pane === pane ? null : notice });
    router.navigate({ view: 'read', panes, focus: pane });
  };

  // A deep link names only a clause: once the library is open, find its document and read it.
  let following: string | null = null;
  const follow = (): void => {
    const r = router.get();
    if (r.view !== 'clause' || library.get().status?.state !== 'ready' || following === r.clauseId) return;
    const { clauseId } = r;
    following = clauseId;
    findClause(clauseId).then(
      (c) => {
        following = null;
        const now = router.get();
        // The reader may have gone elsewhere meanwhile.
        if (now.view !== 'clause' || now.clauseId !== clauseId) return;
        router.navigate(c ? { view: 'read', panes: [{ docId: c.docId, clauseId: c.id }, null], focus: 0 } : { view: 'library' }, true);
        const notice = c?.redirect ? { pane: 0 as const, clauseId: c.id, from: c.redirect.from, reason: c.redirect.reason } : null;
        store.set({ ...store.get(), notice });
      },
      () => {
        following = null;
      },
    );
  };
  router.subscribe(follow);
  library.subscribe(follow);
  follow();

  return {
    get: store.get,
    subscribe: store.subscribe,
    open,
    openFound: (docId, clauseId, inOther, terms) => {
      const focus = reading()?.focus ?? 0;
      open(docId, clauseId, inOther ? other(focus) : focus, terms);
    },
    openBeside: (pane, clauseId) => {
      const docId = reading()?.panes[pane]?.docId;
      if (docId) open(docId, clauseId, other(pane), store.get().terms[pane]);
    },
    close: (pane) => {
      const r = reading();
      if (!r) return;
      const panes: ReadRoute['panes'] = [...r.panes];
      panes[pane] = null;
      if (store.get().notice?.pane === pane) store.set({ ...store.get(), notice: null });
      if (!panes[0] && !panes[1]) {
        last = null;
        router.navigate({ view: 'library' });
      } else router.navigate({ view: 'read', panes, focus: panes[other(pane)] ? other(pane) : pane });
    },
    focus: (pane) => {
      const r = reading();
      if (!r || r.focus === pane || !r.panes[pane]) return;
      // The address keeps where each pane's reader has come to (record); the panes stay put.
      const at = router.recorded();
      router.navigate({ ...r, focus: pane }, true);
      if (at.view === 'read') router.record({ ...at, focus: pane });
    },
    record: (pane, docId, clauseId) => {
      const r = router.recorded();
      const at = r.view === 'read' ? r.panes[pane] : null;
      if (r.view !== 'read' || !at || at.docId !== docId || at.clauseId === clauseId) return;
      const panes: ReadRoute['panes'] = [...r.panes];
      panes[pane] = { docId, clauseId };
      router.record({ ...r, panes });
    },
    dismissNotice: () => store.set({ ...store.get(), notice: null }),
    setSplit: (percent) => store.set({ ...store.get(), split: Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, percent)) }),
  };
}
