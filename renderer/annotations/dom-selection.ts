// The page's side of a selection: which runs of clause text (the elements with data-at, see
// reader/TextRun.tsx) the DOM selection touches, and where it starts and ends inside them. The
// mapping to clause offsets is selection.ts's, over the clause text.

import type { DocumentView, ReaderClause } from '../../shared/api.ts';
import { targetsOfPicks, type RunPick } from './selection.ts';
import { anchorOf, type PaneSelection } from './ui-store.ts';

/** Characters of the element's text before (node, offset): what a Range from its start holds. */
function offsetIn(el: Element, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(el, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

function picksOf(range: Range, column: Element): RunPick[] {
  const picks: RunPick[] = [];
  for (const el of column.querySelectorAll<HTMLElement>('[data-at]')) {
    if (!range.intersectsNode(el)) continue;
    const clauseId = el.closest('article[data-clause-id]')?.getAttribute('data-clause-id');
    if (!clauseId) continue;
    const start = Number(el.dataset['at']);
    const pick: RunPick = { clauseId, start, end: start + el.textContent.length };
    if (el.contains(range.startContainer)) pick.from = offsetIn(el, range.startContainer, range.startOffset);
    if (el.contains(range.endContainer)) pick.to = offsetIn(el, range.endContainer, range.endOffset);
    picks.push(pick);
  }
  return picks;
}

const clauseMaps = new WeakMap<DocumentView, Map<string, ReaderClause>>();

function clausesOf(doc: DocumentView): Map<string, ReaderClause> {
  let map = clauseMaps.get(doc);
  if (!map) {
    map = new Map(doc.clauses.map((c) => [c.id, c]));
    clauseMaps.set(doc, map);
  }
  return map;
}

const elementOf = (node: Node): Element | null => (node instanceof Element ? node : node.parentElement);

/**
 * The selection as clause targets, when it lies in one pane's text (it may run over several
 * clauses); null when it is empty or elsewhere. `documentOf` gives the document a pane shows.
 */
export function readSelection(selection: Selection | null, documentOf: (docId: string) => DocumentView | null): PaneSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const column = elementOf(range.startContainer)?.closest('.doc-column') ?? elementOf(range.endContainer)?.closest('.doc-column');
  const paneEl = column?.closest('section.pane[data-doc-id]');
  const docId = paneEl?.getAttribute('data-doc-id');
  const doc = docId ? documentOf(docId) : null;
  if (!column || !paneEl || !docId || !doc) return null;
  const clauses = clausesOf(doc);
  const targets = targetsOfPicks(picksOf(range, column), (id) => clauses.get(id)?.text);
  if (targets.length === 0) return null;
  return { pane: paneEl.getAttribute('data-pane') === '1' ? 1 : 0, docId, targets, anchor: anchorOf(range.getBoundingClientRect()) };
}

/** A clause's citation, from the document a pane shows. */
export function citationIn(doc: DocumentView | null, clauseId: string): string | undefined {
  return doc ? clausesOf(doc).get(clauseId)?.citation : undefined;
}
