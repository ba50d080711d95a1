// Related clauses by candidate retrieval, after the Legislative Influence Detector (Burgess et al.,
// KDD 2016): every clause is a set of weighted character pairs (terms.ts, weights.ts); an inverted
// index over them proposes, for each clause, the clauses of other documents that share its rarest
// pairs, and only those few are scored exactly. Nothing here reads the database: update.ts feeds
// it the library's clauses and stores what it finds (support.ts). Everything is typed arrays:
// the bench corpus has a quarter of a million clauses and eleven million pairs in them.

import { PairIds } from './pair-ids.ts';
import { preference, type DocTraits } from './preference.ts';
import { pairCodes } from './terms.ts';
import { pairWeight } from './weights.ts';

export interface Found {
  /** Index of the other clause in the corpus. */
  other: number;
  /** Similarity, 0…1, before preference. */
  sim: number;
}

/** A clause needs this many distinct pairs to be compared at all (shorter ones are headings, stubs). */
export const MIN_PAIRS = 6;
/**
 * The least similarity stored. Chosen on tests/fixtures/links-labelled.ts: every pair labelled
 * as linked scores above it, and the near misses that pass it rank below the true links.
 */
export const MIN_SIM = 0.02;
/** And the least weight the shared pairs must carry together: a few specific words at least. */
export const MIN_SHARED = 5;
/** How many links a clause keeps. */
export const KEEP = 10;
/** Postings read per clause when proposing candidates; bounds the cost on a large library. */
const BUDGET = 6000;
/** Candidates scored exactly per clause. */
const CANDIDATES = 30;

/** The clauses to compare as sorted term ids, gathered one clause at a time (no array per clause). */
export class ClauseTerms {
  readonly ids = new PairIds();
  size = 0;
  seqs: Int32Array = new Int32Array(1024);
  docs: Int32Array = new Int32Array(1024);
  termStart: Int32Array = new Int32Array(1025);
  terms: Int32Array = new Int32Array(1 << 16);

  /** Adds a clause of document `doc` (an index); false, and nothing added, when it is too short to compare. */
  add(seq: number, doc: number, text: string): boolean {
    const codes = pairCodes(text);
    if (codes.length < MIN_PAIRS) return false;
    if (this.size + 2 > this.seqs.length) {
      this.seqs = grown(this.seqs, this.seqs.length * 2);
      this.docs = grown(this.docs, this.docs.length * 2);
      this.termStart = grown(this.termStart, this.termStart.length * 2);
    }
    const start = this.termStart[this.size] ?? 0;
    if (start + codes.length > this.terms.length) this.terms = grown(this.terms, Math.max(this.terms.length * 2, start + codes.length));
    for (let k = 0; k < codes.length; k++) this.terms[start + k] = this.ids.idOf(codes[k] ?? 0);
    this.terms.subarray(start, start + codes.length).sort();
    this.seqs[this.size] = seq;
    this.docs[this.size] = doc;
    this.size++;
    this.termStart[this.size] = start + codes.length;
    return true;
  }
}

function grown(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

/** a[i]++, its value before. */
export function bump(a: Int32Array, i: number): number {
  const v = a[i] ?? 0;
  a[i] = v + 1;
  return v;
}

/** What the last calls of related() read, for the bench: postings, clauses touched, candidates scored. */
export interface RetrievalCounts {
  clauses: number;
  postings: number;
  touched: number;
  scored: number;
}

export class PairIndex {
  readonly size: number;
  readonly docs: readonly DocTraits[];
  readonly clauseDoc: Int32Array;
  readonly seqs: Int32Array;
  /** Term id → pair code. */
  readonly codes: readonly number[];
  readonly docDf: Int32Array;
  readonly counts: RetrievalCounts = { clauses: 0, postings: 0, touched: 0, scored: 0 };
  private readonly weight: Float64Array;
  private readonly termStart: Int32Array;
  private readonly terms: Int32Array;
  private readonly norm: Float64Array;
  private readonly postStart: Int32Array;
  private readonly posts: Int32Array;
  /** Each document's clauses (indices), and where each document's list starts. */
  private readonly docStart: Int32Array;
  private readonly docClauses: Int32Array;
  // Scratch of related(), kept between calls.
  private readonly acc: Float32Array;
  private readonly touched: Int32Array;
  private readonly mark: Float32Array;
  private order = new Float64Array(1024);
  private readonly heapIdx = new Int32Array(CANDIDATES);
  private readonly heapVal = new Float64Array(CANDIDATES);

  constructor(docs: readonly DocTraits[], clauses: ClauseTerms) {
    this.docs = docs;
    const n = clauses.size;
    this.size = n;
    this.clauseDoc = clauses.docs.subarray(0, n);
    this.seqs = clauses.seqs.subarray(0, n);
    this.termStart = clauses.termStart.subarray(0, n + 1);
    this.terms = clauses.terms.subarray(0, this.termStart[n] ?? 0);
    this.codes = clauses.ids.codes;
    const nTerms = this.codes.length;
    const { termStart, terms, clauseDoc } = this;
    // Document frequency: count a term once per document (by the last document seen).
    this.docDf = new Int32Array(nTerms);
    const lastDoc = new Int32Array(nTerms).fill(-1);
    const clauseDf = new Int32Array(nTerms);
    for (let i = 0; i < n; i++) {
      const d = clauseDoc[i] ?? 0;
      for (let k = termStart[i] ?? 0; k < (termStart[i + 1] ?? 0); k++) {
        const t = terms[k] ?? 0;
        clauseDf[t] = (clauseDf[t] ?? 0) + 1;
        if (lastDoc[t] !== d) {
          lastDoc[t] = d;
          this.docDf[t] = (this.docDf[t] ?? 0) + 1;
        }
      }
    }
    const weight = Float64Array.from(this.docDf, (df) => pairWeight(df, docs.length));
    this.weight = weight;
    this.norm = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = termStart[i] ?? 0; k < (termStart[i + 1] ?? 0); k++) s += (weight[terms[k] ?? 0] ?? 0) ** 2;
      this.norm[i] = Math.sqrt(s);
    }
    // Postings of the terms that weigh something (the others can never make two clauses alike).
    this.postStart = new Int32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) this.postStart[t + 1] = (this.postStart[t] ?? 0) + ((weight[t] ?? 0) > 0 ? (clauseDf[t] ?? 0) : 0);
    this.posts = new Int32Array(this.postStart[nTerms] ?? 0);
    const fill = this.postStart.slice(0, nTerms);
    for (let i = 0; i < n; i++) {
      for (let k = termStart[i] ?? 0; k < (termStart[i + 1] ?? 0); k++) {
        const t = terms[k] ?? 0;
        if ((weight[t] ?? 0) > 0) this.posts[bump(fill, t)] = i;
      }
    }
    this.docStart = new Int32Array(docs.length + 1);
    for (let i = 0; i < n; i++) bump(this.docStart, (clauseDoc[i] ?? 0) + 1);
    for (let d = 0; d < docs.length; d++) this.docStart[d + 1] = (this.docStart[d + 1] ?? 0) + (this.docStart[d] ?? 0);
    this.docClauses = new Int32Array(n);
    const at = this.docStart.slice(0, docs.length);
    for (let i = 0; i < n; i++) this.docClauses[bump(at, clauseDoc[i] ?? 0)] = i;
    this.acc = new Float32Array(n);
    this.touched = new Int32Array(n);
    this.mark = new Float32Array(nTerms);
  }

  /** The clauses of other documents most like clause `i`, best first by similarity × preference. */
  related(i: number, keep = KEEP): Found[] {
    const { acc, touched, mark, weight, terms, posts, postStart, termStart, docClauses } = this;
    const ts = termStart[i] ?? 0;
    const te = termStart[i + 1] ?? 0;
    const normI = this.norm[i] ?? 0;
    if (te - ts < MIN_PAIRS || normI === 0) return [];
    const own = this.clauseDoc[i] ?? 0;
    // Rarest first (the strongest evidence, the shortest lists): posting length and term packed
    // in one number, sorted natively (the lengths are under the clause count, the terms under
    // nTerms: exact while their product stays under 2^53).
    const span = this.codes.length;
    if (this.order.length < te - ts) this.order = new Float64Array(2 * (te - ts));
    let mine = 0;
    for (let k = ts; k < te; k++) {
      const t = terms[k] ?? 0;
      const w = weight[t] ?? 0;
      if (w <= 0) continue;
      mark[t] = w;
      this.order[mine++] = ((postStart[t + 1] ?? 0) - (postStart[t] ?? 0)) * span + t;
    }
    const order = this.order.subarray(0, mine).sort();
    // The clauses of its own document are never proposed: they stay below zero while it reads.
    const ds = this.docStart[own] ?? 0;
    const de = this.docStart[own + 1] ?? 0;
    for (let k = ds; k < de; k++) acc[docClauses[k] ?? 0] = -Infinity;
    let nTouched = 0;
    let read = 0;
    for (let q = 0; q < mine; q++) {
      const key = order[q] ?? 0;
      const length = Math.floor(key / span);
      // Longer than the whole budget: too common to propose anything (the rarer pairs did).
      if (length > BUDGET) break;
      const t = key - length * span;
      const w2 = (weight[t] ?? 0) ** 2;
      const from = postStart[t] ?? 0;
      for (let p = from; p < from + length; p++) {
        const j = posts[p] ?? 0;
        const v = acc[j] ?? 0;
        if (v === 0) touched[nTouched++] = j;
        acc[j] = v + w2;
      }
      read += length;
      if (read > BUDGET) break;
    }
    for (let k = ds; k < de; k++) acc[docClauses[k] ?? 0] = 0;
    const best = this.top(nTouched);
    for (let k = 0; k < nTouched; k++) acc[touched[k] ?? 0] = 0;
    this.counts.clauses++;
    this.counts.postings += read;
    this.counts.touched += nTouched;
    this.counts.scored += best;
    // Exact similarity of each candidate: its terms against the marked terms of clause i.
    const here = this.docs[own];
    const out: (Found & { rank: number })[] = [];
    for (let c = 0; c < best; c++) {
      const j = this.heapIdx[c] ?? 0;
      let dot = 0;
      let shared = 0;
      for (let k = termStart[j] ?? 0; k < (termStart[j + 1] ?? 0); k++) {
        const w = mark[terms[k] ?? 0] ?? 0;
        dot += w * w;
        shared += w;
      }
      const sim = combine(dot, normI, this.norm[j] ?? 0);
      const there = this.docs[this.clauseDoc[j] ?? 0];
      if (sim < MIN_SIM || shared < MIN_SHARED || !here || !there) continue;
      out.push({ other: j, sim, rank: sim * preference(here, there) });
    }
    for (let k = ts; k < te; k++) mark[terms[k] ?? 0] = 0;
    out.sort((a, b) => b.rank - a.rank);
    return out.slice(0, keep).map(({ other, sim }) => ({ other, sim }));
  }

  /**
   * The CANDIDATES touched clauses of highest accumulated weight, into heapIdx (unordered), by a
   * min-heap on typed arrays: sorting every clause touched (thousands, for each of a quarter of a
   * million clauses) was once the cost of the whole computation. Returns how many.
   */
  private top(n: number): number {
    const { heapIdx, heapVal, touched, acc } = this;
    let size = 0;
    for (let k = 0; k < n; k++) {
      const item = touched[k] ?? 0;
      const v = acc[item] ?? 0;
      if (size < CANDIDATES) {
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if ((heapVal[parent] ?? 0) <= v) break;
          heapIdx[i] = heapIdx[parent] ?? 0;
          heapVal[i] = heapVal[parent] ?? 0;
          i = parent;
        }
        heapIdx[i] = item;
        heapVal[i] = v;
      } else if (v > (heapVal[0] ?? 0)) {
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          const r = l + 1;
          const m = r < size && (heapVal[r] ?? 0) < (heapVal[l] ?? 0) ? r : l;
          if ((heapVal[m] ?? 0) >= v) break;
          heapIdx[i] = heapIdx[m] ?? 0;
          heapVal[i] = heapVal[m] ?? 0;
          i = m;
        }
        heapIdx[i] = item;
        heapVal[i] = v;
      }
    }
    return size;
  }
}

/**
 * Cosine alone ranks a one-sentence clause low against the long clause that contains its sentence
 * (the Outline's paragraphs hold many measures); containment alone lets a short stub match
 * anything. Their geometric mean: the shared weight over the smaller clause's, and over both.
 */
export function combine(dot: number, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  return Math.min(1, dot / (Math.min(normA, normB) * Math.sqrt(normA * normB)));
}
