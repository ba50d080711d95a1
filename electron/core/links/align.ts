// Local alignment of two clauses: the passages they share, found by seeding on every shared
// character pair and extending each seed as far as the folded texts agree, then keeping the
// heaviest passages that do not overlap (in either text). These are the evidence a reader
// checks, marked in both texts, and what tells reuse (a passage taken over) from a related clause.

import { fold } from '../../../shared/fold.ts';
import type { TextSpan } from '../../../shared/api.ts';
import { comparedText, isWordUnit, pairCodesAt } from './terms.ts';

export interface Passage {
  /** Where it stands in each text (offsets hold in the texts as displayed: folding keeps them). */
  a: TextSpan;
  b: TextSpan;
  /** The summed weight of its pairs. */
  weight: number;
}

export interface Alignment {
  passages: Passage[];
  /** The longest shared passage, in characters. */
  longest: number;
  /** Characters of the shorter text inside long passages (REUSE_PASSAGE or more). */
  covered: number;
  shorter: number;
}

/** A passage must carry at least this weight to count as evidence (one specific pair, or a few common ones). */
const MIN_WEIGHT = 1.2;
/** Seeds read per pair: a pair that recurs all over a long text says little and costs much. */
const MAX_SEEDS = 64;
/** A passage this long, word for word, was taken over: reuse. */
export const REUSE_RUN = 16;
/** Or passages of this length at least covering half the shorter clause. */
const REUSE_PASSAGE = 6;

export function align(textA: string, textB: string, weightOf: (code: number) => number): Alignment {
  const fa = fold(comparedText(textA));
  const fb = fold(comparedText(textB));
  const ca = pairCodesAt(fa);
  const cb = pairCodesAt(fb);
  const at = new Map<number, number[]>();
  cb.forEach((code, j) => {
    if (code < 0) return;
    const list = at.get(code);
    if (!list) at.set(code, [j]);
    else if (list.length < MAX_SEEDS) list.push(j);
  });
  const found: Passage[] = [];
  for (let i = 0; i < ca.length; i++) {
    const code = ca[i] ?? -1;
    const seeds = code >= 0 ? at.get(code) : undefined;
    if (!seeds) continue;
    for (const j of seeds) {
      // Only where a common run starts: its later positions would find the same run again.
      if (i > 0 && j > 0 && fa.charCodeAt(i - 1) === fb.charCodeAt(j - 1)) continue;
      let len = 0;
      let weight = 0;
      while (i + len < fa.length && j + len < fb.length && fa.charCodeAt(i + len) === fb.charCodeAt(j + len)) {
        const c = ca[i + len] ?? -1;
        if (c >= 0 && j + len + 1 < fb.length && fa.charCodeAt(i + len + 1) === fb.charCodeAt(j + len + 1)) weight += weightOf(c);
        len++;
      }
      const trimmed = trim(fa, i, i + len);
      if (trimmed && weight >= MIN_WEIGHT) found.push({ a: trimmed, b: [j + trimmed[0] - i, j + trimmed[1] - i], weight });
    }
  }
  found.sort((x, y) => y.weight - x.weight || y.a[1] - y.a[0] - (x.a[1] - x.a[0]));
  const usedA = new Uint8Array(fa.length);
  const usedB = new Uint8Array(fb.length);
  const passages: Passage[] = [];
  for (const p of found) {
    if (overlaps(usedA, p.a) || overlaps(usedB, p.b)) continue;
    usedA.fill(1, p.a[0], p.a[1]);
    usedB.fill(1, p.b[0], p.b[1]);
    passages.push(p);
  }
  passages.sort((x, y) => x.a[0] - y.a[0]);
  const lengths = passages.map((p) => p.a[1] - p.a[0]);
  const shorter = Math.min(fa.length, fb.length);
  const covered = lengths.filter((n) => n >= REUSE_PASSAGE).reduce((s, n) => s + n, 0);
  return { passages, longest: Math.max(0, ...lengths), covered, shorter };
}

/** Whether an alignment shows a passage taken over, not merely a shared subject. */
export function isReuse(al: Alignment): boolean {
  return al.longest >= REUSE_RUN || (al.shorter >= 2 * REUSE_PASSAGE && al.covered >= 0.5 * al.shorter);
}

/** A passage without the punctuation at its ends; null when nothing is left. */
function trim(folded: string, start: number, end: number): TextSpan | null {
  let s = start;
  let e = end;
  while (s < e && !isWordUnit(folded.charCodeAt(s))) s++;
  while (e > s && !isWordUnit(folded.charCodeAt(e - 1))) e--;
  return e - s >= 2 ? [s, e] : null;
}

function overlaps(used: Uint8Array, [s, e]: TextSpan): boolean {
  for (let k = s; k < e; k++) if (used[k]) return true;
  return false;
}
