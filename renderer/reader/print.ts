// Printing a document: the reading pane draws only the clauses on screen, so a print draws the
// document again in full (PrintView), or the clauses the selection covers, for the time of the
// print. The browser's own print (Ctrl+P, the pane's 打印) prepares it on `beforeprint`; the
// desktop app's 打印 and 另存为 PDF (electron/main) call `window.clausewayPrint.prepare()` first,
// as printToPDF fires no `beforeprint`, and `done()` after.

import { router } from '../app/router.ts';
import { createStore, type Readable } from '../common/store.ts';
import { documentNow } from './reading.ts';

export interface PrintJob {
  docId: string;
  /** The clauses to print, in reading order; null: all of them. */
  clauseIds: string[] | null;
}

/** The clauses a selection in the pane covers (anchor to focus, in document order), if any. */
function selectedClauses(pane: Element, order: readonly string[]): string[] | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const idOf = (node: Node): string | null => {
    const el = node instanceof Element ? node : node.parentElement;
    return el && pane.contains(el) ? (el.closest<HTMLElement>('[data-clause-id]')?.dataset['clauseId'] ?? null) : null;
  };
  const a = idOf(range.startContainer);
  const b = idOf(range.endContainer);
  const i = a ? order.indexOf(a) : -1;
  const j = b ? order.indexOf(b) : -1;
  return i < 0 || j < 0 ? null : order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

const store = createStore<PrintJob | null>(null);
export const printJob: Readable<PrintJob | null> = store;

/** Prepares the focused pane's document (or its selected clauses); false when none is open. */
export function preparePrint(): boolean {
  const route = router.get();
  if (route.view !== 'read') return false;
  const focus = route.panes[route.focus] ? route.focus : route.focus === 0 ? 1 : 0;
  const docId = route.panes[focus]?.docId;
  const doc = docId ? documentNow(docId) : null;
  if (!docId || !doc) return false;
  const pane = document.querySelector(`section.pane[data-pane="${focus}"]`);
  store.set({ docId, clauseIds: pane ? selectedClauses(pane, doc.clauses.map((c) => c.id)) : null });
  return true;
}

export const endPrint = (): void => store.set(null);

declare global {
  interface Window {
    /** For the desktop app's menu (webContents.executeJavaScript) and the end-to-end tests. */
    clausewayPrint?: { prepare: () => Promise<boolean>; done: () => void };
  }
}
