// What the related() calls found, kept in typed arrays (a million links on the bench corpus:
// objects and a Map of them were a tenth of the time, in the garbage collector), each pair of
// clauses once, its similarity scaled by how much its two documents share.

import { bump, KEEP, type Found } from './related.ts';

/**
 * Documents that take from one another do so in many places (the twin plans, a plan and its
 * action plan, the Outline and the city that carries it out); two documents whose only common
 * ground is a few weak pairs share, most often, what every document of their kind says (the
 * 指导思想 preamble). So a link counts by the similarity its two documents' links add up to, in
 * full from SUPPORT_MASS on: one strong link (a clause taken over whole) supports itself.
 * Chosen on the labelled set: the 指导思想 near misses' documents add up to 0.1–0.2, the pairs
 * of documents that truly share passages to 0.8 and more.
 */
export const SUPPORT_MASS = 0.6;
/** The least score a stored link has, support counted. */
export const MIN_SCORE = 0.02;

/** Up to KEEP links found from each clause of the corpus. */
export class FoundLinks {
  private readonly other: Int32Array;
  private readonly sim: Float64Array;
  private readonly count: Uint8Array;

  readonly size: number;

  constructor(size: number) {
    this.size = size;
    this.other = new Int32Array(size * KEEP);
    this.sim = new Float64Array(size * KEEP);
    this.count = new Uint8Array(size);
  }

  set(i: number, found: readonly Found[]): void {
    const n = Math.min(KEEP, found.length);
    for (let k = 0; k < n; k++) {
      this.other[i * KEEP + k] = found[k]?.other ?? 0;
      this.sim[i * KEEP + k] = found[k]?.sim ?? 0;
    }
    this.count[i] = n;
  }

  /** Whether clause i found clause j. */
  has(i: number, j: number): boolean {
    const n = this.count[i] ?? 0;
    for (let k = 0; k < n; k++) if (this.other[i * KEEP + k] === j) return true;
    return false;
  }

  /** Each pair of clauses once (whichever side found it; the similarity is the same both ways). */
  forEachPair(f: (lo: number, hi: number, sim: number) => void): void {
    for (let i = 0; i < this.size; i++) {
      const n = this.count[i] ?? 0;
      for (let k = 0; k < n; k++) {
        const j = this.other[i * KEEP + k] ?? 0;
        if (j < i && this.has(j, i)) continue;
        f(Math.min(i, j), Math.max(i, j), this.sim[i * KEEP + k] ?? 0);
      }
    }
  }
}

/** Links as stored: clause indices (lo < hi), grouped by lo ascending so that inserts run in key order. */
export interface LinkRows {
  lo: Int32Array;
  hi: Int32Array;
  sim: Float64Array;
  length: number;
}

/** The links kept, their similarity scaled by their documents' support; `clauseDoc` gives a clause's document. */
export function bySupport(found: FoundLinks, clauseDoc: Int32Array): LinkRows {
  let nDocs = 0;
  for (const d of clauseDoc) nDocs = Math.max(nDocs, d + 1);
  const docPair = (lo: number, hi: number): number => {
    const a = clauseDoc[lo] ?? 0;
    const b = clauseDoc[hi] ?? 0;
    return a < b ? a * nDocs + b : b * nDocs + a;
  };
  const mass = new Map<number, number>();
  let unique = 0;
  found.forEachPair((lo, hi, sim) => {
    const k = docPair(lo, hi);
    mass.set(k, (mass.get(k) ?? 0) + sim);
    unique++;
  });
  // Kept links counted by their lo clause, then placed: a counting sort.
  const start = new Int32Array(found.size + 1);
  const scaled = new Float64Array(unique);
  let u = 0;
  found.forEachPair((lo, hi, sim) => {
    const s = sim * Math.min(1, (mass.get(docPair(lo, hi)) ?? 0) / SUPPORT_MASS);
    scaled[u++] = s;
    if (s >= MIN_SCORE) bump(start, lo + 1);
  });
  for (let i = 0; i < found.size; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const length = start[found.size] ?? 0;
  const rows: LinkRows = { lo: new Int32Array(length), hi: new Int32Array(length), sim: new Float64Array(length), length };
  u = 0;
  found.forEachPair((lo, hi) => {
    const s = scaled[u++] ?? 0;
    if (s < MIN_SCORE) return;
    const at = bump(start, lo);
    rows.lo[at] = lo;
    rows.hi[at] = hi;
    rows.sim[at] = s;
  });
  return rows;
}
