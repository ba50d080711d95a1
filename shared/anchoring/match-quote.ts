// Finding a quote again in a text that may have changed, after the Hypothesis client's
// match-quote: candidates are scored by the quote's similarity, how well the text around them
// matches the stored prefix and suffix, the distance from the expected position and whether they
// lie in the clause the highlight was made in. Below a threshold there is no match; when two
// places score alike the answer is "ambiguous", never a guess.

import { approximateSearch, similarity } from './edit-distance.ts';
import { CONTEXT_LENGTH } from './selectors.ts';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote was expected to start; only meaningful in the highlight's own clause. */
  hint?: number;
}

export interface Candidate {
  /** Index of the text (clause) the candidate lies in, as given by the caller. */
  clause: number;
  start: number;
  end: number;
  errors: number;
  score: number;
  exact: boolean;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2, home: 8 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position + WEIGHTS.home;

/**
 * A candidate is accepted from this score on (0–1). An exact quote in its own clause with one side
 * of its context rewritten scores about 0.82; elsewhere in the document with its context intact,
 * 0.90; an exact quote whose text around it changed on both sides, about 0.60 (rejected: a common
 * phrase left behind by a deleted sentence must not catch the highlight).
 */
export const ACCEPT_SCORE = 0.75;
/** Two places closer than this in score are too alike to choose between. */
export const AMBIGUITY_MARGIN = 0.02;
/** The share of a quote that may differ for an approximate match. */
export const MAX_ERROR_RATE = 0.25;

export function maxErrorsFor(quote: string): number {
  return Math.floor(quote.length * MAX_ERROR_RATE);
}

/** Every exact occurrence, overlapping ones included (each is a place of its own). */
export function exactOccurrences(text: string, quote: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (quote.length === 0) return out;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    out.push({ start: at, end: at + quote.length });
  }
  return out;
}

export function scoreCandidate(
  text: string,
  quoteLength: number,
  place: { start: number; end: number; errors: number },
  context: QuoteContext,
  home: boolean,
): number {
  const before = text.slice(Math.max(0, place.start - CONTEXT_LENGTH), place.start);
  const after = text.slice(place.end, place.end + CONTEXT_LENGTH);
  const quoteScore = 1 - place.errors / Math.max(1, quoteLength);
  const positionScore = context.hint === undefined ? 0 : 1 - Math.min(1, Math.abs(place.start - context.hint) / Math.max(1, text.length));
  const raw =
    WEIGHTS.quote * quoteScore +
    WEIGHTS.prefix * similarity(before, context.prefix) +
    WEIGHTS.suffix * similarity(after, context.suffix) +
    WEIGHTS.position * positionScore +
    (home ? WEIGHTS.home : 0);
  return raw / MAX_SCORE;
}

/** Scored candidates of one text: exact occurrences, or approximate ones when `approximate`. */
export function candidatesIn(
  text: string,
  quote: string,
  context: QuoteContext,
  options: { clause: number; home: boolean; approximate: boolean },
): Candidate[] {
  const places = options.approximate
    ? approximateSearch(text, quote, maxErrorsFor(quote))
    : exactOccurrences(text, quote).map((p) => ({ ...p, errors: 0 }));
  return places.map((p) => ({
    clause: options.clause,
    ...p,
    exact: p.errors === 0,
    score: scoreCandidate(text, quote.length, p, context, options.home),
  }));
}

export type Choice =
  | { kind: 'match'; best: Candidate }
  | { kind: 'ambiguous'; best: Candidate; rival: Candidate }
  | { kind: 'none'; best: Candidate | null };

/** The best candidate if it passes the threshold and no other place comes close. */
export function choose(candidates: readonly Candidate[]): Choice {
  let best: Candidate | null = null;
  for (const c of candidates) if (best === null || c.score > best.score) best = c;
  if (best === null || best.score < ACCEPT_SCORE) return { kind: 'none', best };
  const top = best;
  const overlaps = (c: Candidate): boolean => c.clause === top.clause && c.start < top.end && top.start < c.end && c.start !== top.start;
  for (const c of candidates) {
    if (c === top) continue;
    // An approximate candidate overlapping the best one is the same place read at another length.
    if (!c.exact && overlaps(c)) continue;
    if (c.score >= top.score - AMBIGUITY_MARGIN) return { kind: 'ambiguous', best: top, rival: c };
  }
  return { kind: 'match', best: top };
}
