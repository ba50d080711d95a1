// What the reader's hands do with links: open one beside the clause read (the other pane, scrolled
// to it, the shared words marked in both), close the panel (the marks go, the focus goes back to
// the text), and the panel for the clause the focused pane is at (L).

import type { ClauseLink } from '../../shared/api.ts';
import { router } from '../app/router.ts';
import { documentNow, reading } from '../reader/reading.ts';
import type { Pane } from '../reader/reading-store.ts';
import { linkKey } from './group-links.ts';
import { links } from './links.ts';
import type { Subject } from './links-store.ts';
import { asRanges, sharedMarks } from './shared-marks.ts';

const other = (p: Pane): Pane => (p === 0 ? 1 : 0);

/** The clause a pane's document is at, as the address records it. */
export function paneAt(pane: Pane): { docId: string; clauseId: string | null } | null {
  const r = router.recorded();
  return r.view === 'read' ? r.panes[pane] : null;
}

export function openLink(subject: Subject, clauseId: string, link: ClauseLink): void {
  const here = documentNow(subject.docId)?.clauses.find((c) => c.id === clauseId)?.text.length ?? 0;
  sharedMarks.show([
    { clauseId, ranges: asRanges(link.evidence.here, here) },
    ...(link.clauseId ? [{ clauseId: link.clauseId, ranges: asRanges(link.evidence.there, link.text.length) }] : []),
  ]);
  links.setOpened(linkKey(link));
  const pane = other(subject.pane);
  reading.open(link.docId, link.clauseId, pane);
  if (link.clauseId) void showFirstMark(pane, link.clauseId);
}

/**
 * The pane opens at the start of the linked clause; a long one (a section of the Outline) may
 * hold the shared words a screen below. Once the pane has come to rest there, the first of them
 * is brought into view.
 */
async function showFirstMark(pane: Pane, clauseId: string): Promise<void> {
  const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
  let last = -1;
  for (let still = 0, frames = 0; still < 4 && frames < 90; frames++) {
    await frame();
    const top = document.querySelector(`section.pane[data-pane="${pane}"] .doc-scroll`)?.scrollTop ?? -1;
    still = top === last ? still + 1 : 0;
    last = top;
  }
  const scroller = document.querySelector(`section.pane[data-pane="${pane}"] .doc-scroll`);
  const mark = scroller?.querySelector(`article[data-clause-id="${clauseId}"] mark.shared`);
  if (!scroller || !mark) return;
  const view = scroller.getBoundingClientRect();
  const at = mark.getBoundingClientRect();
  if (at.top < view.top || at.bottom > view.bottom) mark.scrollIntoView({ block: 'center' });
}

/** The panel for a clause (or a document): the marks of a link opened for another go. */
export function showPanel(subject: Subject): void {
  sharedMarks.clear();
  links.show(subject);
}

export function closePanel(subject: Subject | null): void {
  links.hide();
  sharedMarks.clear();
  if (subject) document.querySelector<HTMLElement>(`section.pane[data-pane="${subject.pane}"] .doc-scroll`)?.focus({ preventScroll: true });
}

/** L: the links of the clause the focused pane is at; again, for the same clause, closes them. */
export function toggleForFocused(): boolean {
  const r = router.recorded();
  if (r.view !== 'read') return false;
  const at = r.panes[r.focus];
  if (!at) return false;
  const shown = links.get().subject;
  if (shown && shown.docId === at.docId && shown.clauseId === at.clauseId) closePanel(shown);
  else showPanel({ pane: r.focus, docId: at.docId, clauseId: at.clauseId });
  return true;
}
