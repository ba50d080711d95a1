// Re-anchoring a highlight in a document after its text changed (a re-import, a better parser).
// The order of evidence: the stored clause id (after its alias, when the re-import gave it a
// successor), then the rest of the same document (a clause renumbered, a paragraph moved); exact
// occurrences before approximate ones. Matching runs over folded text (Traditional/Simplified,
// full/half width: shared/fold.ts), which keeps every offset, so a Hong Kong text re-imported in
// Simplified form still anchors.
//
// A selection across clauses is an annotation with one target per clause; each target is placed
// on its own. The annotation is `anchored` only when every target is; otherwise it is an `orphan`
// that keeps all of its targets: those that were placed show in the text, those that were not keep
// their last known place and quote, so a later re-import or the user can place them again.

import { fold } from '../fold.ts';
import { candidatesIn, choose, maxErrorsFor, type Candidate, type Choice } from './match-quote.ts';
import { TextPositionAnchor } from './text-position.ts';
import { TextQuoteAnchor } from './text-quote.ts';
import { CONTEXT_LENGTH, type ClauseText, type HighlightTarget, type SuccessorOf } from './selectors.ts';

export type AnchorMethod = 'position' | 'exact' | 'approximate' | 'clause';
export type OrphanReason = 'not-found' | 'ambiguous';

export type TargetOutcome =
  | { status: 'anchored'; clauseId: string; start: number; end: number; method: AnchorMethod; score: number; moved: boolean }
  | { status: 'orphan'; reason: OrphanReason };

/** A document's clauses with their folded texts, built once per re-anchoring of the document. */
export class DocumentText {
  readonly clauses: readonly ClauseText[];
  readonly folded: readonly string[];
  private readonly byId: Map<string, number>;

  constructor(clauses: readonly ClauseText[]) {
    this.clauses = clauses;
    this.folded = clauses.map((c) => fold(c.text));
    this.byId = new Map(clauses.map((c, i) => [c.id, i]));
  }

  indexOf(clauseId: string): number {
    return this.byId.get(clauseId) ?? -1;
  }
}

/** The clause a target should be looked for first: its successor when it has one here. */
export function homeClause(clauseId: string, doc: DocumentText, successorOf: SuccessorOf): number {
  const successor = successorOf(clauseId);
  if (successor !== null && doc.indexOf(successor) !== -1) return doc.indexOf(successor);
  return doc.indexOf(clauseId);
}

function anchored(doc: DocumentText, target: HighlightTarget, c: Candidate, method: AnchorMethod): TargetOutcome {
  const clauseId = doc.clauses[c.clause]?.id ?? target.clauseId;
  const moved = clauseId !== target.clauseId || c.start !== target.position.start || c.end !== target.position.end;
  return { status: 'anchored', clauseId, start: c.start, end: c.end, method, score: c.score, moved };
}

function decided(doc: DocumentText, target: HighlightTarget, choice: Choice): TargetOutcome | null {
  if (choice.kind === 'ambiguous') return { status: 'orphan', reason: 'ambiguous' };
  if (choice.kind === 'match') return anchored(doc, target, choice.best, choice.best.exact ? 'exact' : 'approximate');
  return null;
}

/** Clauses that can hold the quote with k errors: split into k + 1 pieces, one must occur as is. */
function mayHold(text: string, quote: string, k: number): boolean {
  const pieces = k + 1;
  const size = Math.floor(quote.length / pieces);
  if (size === 0) return true;
  for (let p = 0; p < pieces; p++) {
    const piece = quote.slice(p * size, p === pieces - 1 ? quote.length : (p + 1) * size);
    if (text.includes(piece)) return true;
  }
  return false;
}

export function anchorHighlight(target: HighlightTarget, doc: DocumentText, successorOf: SuccessorOf): TargetOutcome {
  const quote = fold(target.quote.exact);
  const context = { prefix: fold(target.quote.prefix), suffix: fold(target.quote.suffix) };
  const home = homeClause(target.clauseId, doc, successorOf);
  const homeText = doc.folded[home];
  const { start, end } = target.position;
  const elsewhere = (approximate: boolean): Candidate[] => {
    const out: Candidate[] = [];
    doc.folded.forEach((text, i) => {
      if (i === home || !(approximate ? mayHold(text, quote, maxErrorsFor(quote)) : text.includes(quote))) return;
      out.push(...candidatesIn(text, quote, context, { clause: i, home: false, approximate }));
    });
    return out;
  };

  if (homeText !== undefined) {
    // Position first, trusted only when the quote and both sides of its context are unchanged.
    const unchanged =
      homeText.slice(start, end) === quote &&
      homeText.slice(Math.max(0, start - CONTEXT_LENGTH), start) === context.prefix &&
      homeText.slice(end, end + CONTEXT_LENGTH) === context.suffix;
    if (unchanged) {
      const moved = doc.clauses[home]?.id !== target.clauseId;
      return { status: 'anchored', clauseId: doc.clauses[home]?.id ?? target.clauseId, start, end, method: 'position', score: 1, moved };
    }
    const homeContext = { ...context, hint: start };
    const exact = decided(doc, target, choose(candidatesIn(homeText, quote, homeContext, { clause: home, home: true, approximate: false })));
    if (exact) return exact;
    const nearby = [...candidatesIn(homeText, quote, homeContext, { clause: home, home: true, approximate: true }), ...elsewhere(false)];
    const second = decided(doc, target, choose(nearby));
    if (second) return second;
  } else {
    const exact = decided(doc, target, choose(elsewhere(false)));
    if (exact) return exact;
  }
  return decided(doc, target, choose(elsewhere(true))) ?? { status: 'orphan', reason: 'not-found' };
}

/**
 * A note on a whole clause keeps the clause's opening words as its quote (see `clauseHead`), so
 * that a renumbered clause is found by its text; when they are found nowhere, the clause id alone
 * still holds it. A clause without text (a bare heading) is held by its id alone.
 */
export function anchorClauseNote(target: HighlightTarget, doc: DocumentText, successorOf: SuccessorOf): TargetOutcome {
  const found: TargetOutcome = target.quote.exact === '' ? { status: 'orphan', reason: 'not-found' } : anchorHighlight(target, doc, successorOf);
  if (found.status === 'anchored' || found.reason === 'ambiguous') return found;
  const clause = doc.clauses[homeClause(target.clauseId, doc, successorOf)];
  if (!clause) return found;
  const moved = clause.id !== target.clauseId;
  return { status: 'anchored', clauseId: clause.id, start: 0, end: target.position.end, method: 'clause', score: 0, moved };
}

/** Characters of a clause's opening kept to find the clause of a clause note again. */
export const CLAUSE_HEAD_LENGTH = 64;

/** The target of a note on a whole clause: its opening words, as a highlight of them. */
export function clauseHead(clause: ClauseText): HighlightTarget {
  const end = Math.min(CLAUSE_HEAD_LENGTH, clause.text.length);
  return {
    clauseId: clause.id,
    quote: { type: 'TextQuoteSelector', exact: clause.text.slice(0, end), prefix: '', suffix: clause.text.slice(end, end + CONTEXT_LENGTH) },
    position: { type: 'TextPositionSelector', start: 0, end },
  };
}

/** Every target placed → anchored; any one not placed → orphan (the placed ones stay placed). */
export function annotationStatus(outcomes: readonly TargetOutcome[]): 'anchored' | 'orphan' {
  return outcomes.length > 0 && outcomes.every((o) => o.status === 'anchored') ? 'anchored' : 'orphan';
}

/** The target of a selection from `start` to `end` of a clause's text. */
export function targetOf(clause: ClauseText, start: number, end: number): HighlightTarget {
  return {
    clauseId: clause.id,
    quote: TextQuoteAnchor.fromRange(clause.text, start, end).toSelector(),
    position: new TextPositionAnchor(start, end).toSelector(),
  };
}
