// A selection of clause text as the engine takes it: one target per clause, with offsets into the
// clause's text and the words there. The page reports which runs of clause text a selection
// touches and where it starts and ends inside them (dom-selection.ts); everything else is here,
// computed against the clause text, never the DOM.

import type { TargetRef } from '../../shared/api.ts';

/** One run of clause text that a selection touches, as the page reports it. */
export interface RunPick {
  clauseId: string;
  /** The run's place in the clause text. */
  start: number;
  end: number;
  /** Where the selection starts inside the run (characters from its start); absent: before it. */
  from?: number;
  /** Where the selection ends inside the run; absent: after it. */
  to?: number;
}

/** One clause's part of a selection. */
export interface SelectedTarget {
  clauseId: string;
  start: number;
  end: number;
  /** The words of the clause text from start to end. */
  quote: string;
}

const SPACE = /\s/;

/**
 * The selection's targets in reading order, one per clause, each trimmed of the spaces and line
 * breaks at its ends (a triple click takes the paragraph's break with it). `textOf` gives a
 * clause's text; a clause it does not know, or a part of nothing but spaces, is left out.
 */
export function targetsOfPicks(picks: readonly RunPick[], textOf: (clauseId: string) => string | undefined): SelectedTarget[] {
  const spans = new Map<string, { start: number; end: number }>();
  for (const p of picks) {
    const length = p.end - p.start;
    const clamp = (n: number): number => Math.max(0, Math.min(length, n));
    const start = p.start + clamp(p.from ?? 0);
    const end = p.start + clamp(p.to ?? length);
    if (end <= start) continue;
    const seen = spans.get(p.clauseId);
    spans.set(p.clauseId, seen ? { start: Math.min(seen.start, start), end: Math.max(seen.end, end) } : { start, end });
  }
  const out: SelectedTarget[] = [];
  for (const [clauseId, span] of spans) {
    const text = textOf(clauseId);
    if (text === undefined) continue;
    let { start, end } = span;
    end = Math.min(end, text.length);
    while (start < end && SPACE.test(text.charAt(start))) start++;
    while (end > start && SPACE.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ clauseId, start, end, quote: text.slice(start, end) });
  }
  return out;
}

/** The targets as the API takes them: the words and where they start. */
export const targetRefs = (targets: readonly SelectedTarget[]): TargetRef[] => targets.map((t) => ({ clauseId: t.clauseId, quote: t.quote, at: t.start }));

/**
 * A quote with its source, for the clipboard: `template` holds {quote} and {citation}; a quote
 * across clauses keeps its line breaks and names where it starts and where it ends.
 */
export function quoteWithSource(template: string, targets: readonly SelectedTarget[], citationOf: (clauseId: string) => string | undefined): string {
  const quote = targets.map((t) => t.quote).join('\n');
  const first = targets[0] ? citationOf(targets[0].clauseId) : undefined;
  const lastTarget = targets[targets.length - 1];
  const last = lastTarget ? citationOf(lastTarget.clauseId) : undefined;
  const citation = first && last && last !== first ? `${first} — ${last}` : (first ?? '');
  return fillQuote(template, quote, citation);
}

/** The language table's quote template filled in (as written: no replacement patterns). */
export const fillQuote = (template: string, quote: string, citation: string): string => template.replace('{quote}', () => quote).replace('{citation}', () => citation);
