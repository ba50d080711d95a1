// Related clauses by candidate retrieval, after the Legislative Influence Detector (Burgess et al.,
// KDD 2016): every clause is a set of weighted character pairs (terms.ts, weights.ts); an inverted
// index over them proposes, for each clause, the clauses of other documents that share its rarest
// pairs, and only those few are scored exactly. Nothing here reads the database: update.ts feeds
// it the library's clauses and stores what it finds.

import { pairWeight } from './weights.ts';
import { preference, type DocTraits } from './preference.ts';

export interface CorpusClause {
  seq: number;
  /** Index into the documents given beside the clauses. */
  doc: number;
  pairs: readonly number[];
}

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
const CANDIDATES = 60;

export class PairIndex {
  readonly size: number;
  readonly docs: readonly DocTraits[];
  readonly clauseDoc: Int32Array;
  readonly seqs: Int32Array;
  /** Term id → pair code and its weight. */
  readonly codes: number[] = [];
  readonly docDf: Int32Array;
  private readonly weight: Float64Array;
  private readonly termStart: Int32Array;
  private readonly terms: Int32Array;
  private readonly norm: Float64Array;
  private readonly postStart: Int32Array;
  private readonly posts: Int32Array;
  private readonly acc: Float64Array;

  constructor(docs: readonly DocTraits[], clauses: readonly CorpusClause[]) {
    this.docs = docs;
    this.size = clauses.length;
    this.clauseDoc = Int32Array.from(clauses, (c) => c.doc);
    this.seqs = Int32Array.from(clauses, (c) => c.seq);
    const ids = new PairIds();
    this.termStart = new Int32Array(clauses.length + 1);
    let total = 0;
    for (const c of clauses) total += c.pairs.length;
    this.terms = new Int32Array(total);
    let at = 0;
    clauses.forEach((c, i) => {
      this.termStart[i] = at;
      const start = at;
      for (const code of c.pairs) {
        this.terms[at++] = ids.idOf(code, this.codes);
      }
      this.terms.subarray(start, at).sort();
    });
    this.termStart[clauses.length] = at;
    const nTerms = this.codes.length;
    // Document frequency: clauses come grouped by document, but count by last document seen anyway.
    this.docDf = new Int32Array(nTerms);
    const lastDoc = new Int32Array(nTerms).fill(-1);
    const clauseDf = new Int32Array(nTerms);
    for (let i = 0; i < this.size; i++) {
      const d = this.clauseDoc[i] ?? 0;
      for (let k = this.termStart[i] ?? 0; k < (this.termStart[i + 1] ?? 0); k++) {
        const t = this.terms[k] ?? 0;
        clauseDf[t] = (clauseDf[t] ?? 0) + 1;
        if (lastDoc[t] !== d) {
          lastDoc[t] = d;
          this.docDf[t] = (this.docDf[t] ?? 0) + 1;
        }
      }
    }
    this.weight = Float64Array.from(this.docDf, (df) => pairWeight(df, docs.length));
    this.norm = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) {
      let s = 0;
      for (let k = this.termStart[i] ?? 0; k < (this.termStart[i + 1] ?? 0); k++) s += (this.weight[this.terms[k] ?? 0] ?? 0) ** 2;
      this.norm[i] = Math.sqrt(s);
    }
    // Postings of the terms that weigh something (the others can never make two clauses alike).
    this.postStart = new Int32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) this.postStart[t + 1] = (this.postStart[t] ?? 0) + ((this.weight[t] ?? 0) > 0 ? (clauseDf[t] ?? 0) : 0);
    this.posts = new Int32Array(this.postStart[nTerms] ?? 0);
    const fill = this.postStart.slice(0, nTerms);
    for (let i = 0; i < this.size; i++) {
      for (let k = this.termStart[i] ?? 0; k < (this.termStart[i + 1] ?? 0); k++) {
        const t = this.terms[k] ?? 0;
        if ((this.weight[t] ?? 0) > 0) {
          const at = fill[t] ?? 0;
          this.posts[at] = i;
          fill[t] = at + 1;
        }
      }
    }
    this.acc = new Float64Array(this.size);
  }

  /** The clauses of other documents most like clause `i`, best first by similarity × preference. */
  related(i: number, keep = KEEP): Found[] {
    if ((this.termStart[i + 1] ?? 0) - (this.termStart[i] ?? 0) < MIN_PAIRS || (this.norm[i] ?? 0) === 0) return [];
    const own = this.clauseDoc[i] ?? -1;
    const mine = Array.from(this.terms.subarray(this.termStart[i] ?? 0, this.termStart[i + 1] ?? 0)).filter((t) => (this.weight[t] ?? 0) > 0);
    // Rarest first: they are the strongest evidence and the shortest lists.
    mine.sort((a, b) => this.postingLength(a) - this.postingLength(b));
    const touched: number[] = [];
    let read = 0;
    for (const t of mine) {
      const w2 = (this.weight[t] ?? 0) ** 2;
      const from = this.postStart[t] ?? 0;
      const to = this.postStart[t + 1] ?? 0;
      // Longer than the whole budget: too common to propose anything (the rarer pairs did).
      if (to - from > BUDGET) break;
      for (let p = from; p < to; p++) {
        const j = this.posts[p] ?? 0;
        if (this.clauseDoc[j] === own) continue;
        if (this.acc[j] === 0) touched.push(j);
        this.acc[j] = (this.acc[j] ?? 0) + w2;
      }
      read += to - from;
      if (read > BUDGET) break;
    }
    const best = topBy(touched, this.acc, CANDIDATES);
    for (const j of touched) this.acc[j] = 0;
    const here = this.docs[own];
    const out: (Found & { rank: number })[] = [];
    for (const j of best) {
      const { sim, shared } = this.similarity(i, j);
      const there = this.docs[this.clauseDoc[j] ?? 0];
      if (sim < MIN_SIM || shared < MIN_SHARED || !here || !there) continue;
      out.push({ other: j, sim, rank: sim * preference(here, there) });
    }
    out.sort((a, b) => b.rank - a.rank);
    return out.slice(0, keep).map(({ other, sim }) => ({ other, sim }));
  }

  /** Exact similarity of two clauses, and the summed weight of the pairs they share. */
  similarity(i: number, j: number): { sim: number; shared: number } {
    let a = this.termStart[i] ?? 0;
    const aEnd = this.termStart[i + 1] ?? 0;
    let b = this.termStart[j] ?? 0;
    const bEnd = this.termStart[j + 1] ?? 0;
    let dot = 0;
    let shared = 0;
    while (a < aEnd && b < bEnd) {
      const ta = this.terms[a] ?? 0;
      const tb = this.terms[b] ?? 0;
      if (ta === tb) {
        const w = this.weight[ta] ?? 0;
        dot += w * w;
        shared += w;
        a++;
        b++;
      } else if (ta < tb) a++;
      else b++;
    }
    return { sim: combine(dot, this.norm[i] ?? 0, this.norm[j] ?? 0), shared };
  }

  private postingLength(t: number): number {
    return (this.postStart[t + 1] ?? 0) - (this.postStart[t] ?? 0);
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

/** The links kept, their similarity scaled by their documents' support; `docOf` gives a clause's document. */
export function bySupport<L extends { a: number; b: number; sim: number }>(links: readonly L[], docOf: (clause: number) => number): L[] {
  // Numbers, not strings: a million links on the bench corpus (indices stay under 2^24).
  const key = (x: number, y: number): number => (x < y ? x * 16777216 + y : y * 16777216 + x);
  // Each clause pair once, whichever side found it.
  const unique = new Map<number, L>();
  for (const l of links) unique.set(key(l.a, l.b), l);
  const mass = new Map<number, number>();
  for (const l of unique.values()) {
    const k = key(docOf(l.a), docOf(l.b));
    mass.set(k, (mass.get(k) ?? 0) + l.sim);
  }
  return [...unique.values()]
    .map((l) => ({ ...l, sim: l.sim * Math.min(1, (mass.get(key(docOf(l.a), docOf(l.b))) ?? 0) / SUPPORT_MASS) }))
    .filter((l) => l.sim >= MIN_SCORE);
}

/**
 * Pair code → dense term id, by open addressing over typed arrays: the bench corpus has some 60
 * million pairs to look up, and a Map of numbers spent most of the build on them.
 */
class PairIds {
  private keys = new Float64Array(1 << 16).fill(-1);
  private values = new Int32Array(1 << 16);
  private size = 0;

  /** The id of `code`, a new one (appended to `codes`) the first time it is seen. */
  idOf(code: number, codes: number[]): number {
    const mask = this.keys.length - 1;
    for (let i = mix(code) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i] ?? -1;
      if (k === code) return this.values[i] ?? 0;
      if (k === -1) {
        const id = codes.length;
        codes.push(code);
        this.keys[i] = code;
        this.values[i] = id;
        if (++this.size * 2 > this.keys.length) this.grow();
        return id;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    keys.forEach((k, j) => {
      if (k === -1) return;
      let i = mix(k) & mask;
      while ((this.keys[i] ?? -1) !== -1) i = (i + 1) & mask;
      this.keys[i] = k;
      this.values[i] = values[j] ?? 0;
    });
  }
}

/** Murmur3's finaliser: a pair code's bits spread over the table (its low bits are one character). */
function mix(code: number): number {
  let x = code | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The `k` items with the highest scores, best first, through a small min-heap: sorting every
 * clause a clause touched (thousands, for each of a quarter of a million clauses) was the cost
 * of the whole computation on the bench corpus.
 */
export function topBy(items: readonly number[], score: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const s = (i: number): number => score[heap[i] ?? 0] ?? 0;
  const swap = (i: number, j: number): void => {
    const t = heap[i] ?? 0;
    heap[i] = heap[j] ?? 0;
    heap[j] = t;
  };
  for (const item of items) {
    const v = score[item] ?? 0;
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && s((i - 1) >> 1) > s(i); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (v > s(0)) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && s(l) < s(m)) m = l;
        if (r < heap.length && s(r) < s(m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0));
}
