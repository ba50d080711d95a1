// Two documents side by side, clause by clause: every pair of clauses is scored as related.ts
// scores them (the weights the library learnt), and the best pairs are matched one to one, the
// strongest first, so that a clause moved elsewhere in the other document still finds its twin.
// What is left on either side is what that document has and the other lacks.
// Twin plans restate a measure in their own words but keep its run-in title close (建立统计监测
// 体系 / 建立跨境电子商务统计监测体系): the pairs of a clause's title (its heading, as read at
// ingest) count twice here, so that a measure finds the measure of the same name before one that
// merely shares the plans' common vocabulary.

import type { CompareResponse } from '../../../shared/api.ts';
import { combine, MIN_PAIRS, MIN_SHARED } from './related.ts';
import { pairSet } from './terms.ts';

/**
 * The least similarity of a matched pair. Higher than related.ts's MIN_SIM: here every clause of
 * one document is offered every clause of the other, and a weak pair would hide what one lacks.
 */
export const MATCH_SIM = 0.03;
/**
 * How much more a pair of the clause's title weighs than a pair of its body. Chosen on the
 * labelled Zhuhai–Dongguan twins: 5 of 10 matched without it, 7 with it (and no more with 3);
 * over every pair of labelled documents, 37 of 49 labelled pairs instead of 35.
 */
export const TITLE_WEIGHT = 2;

interface Side {
  id: string;
  text: string;
  heading?: string | null;
}

export function compareClauses(a: readonly Side[], b: readonly Side[], weightOf: (code: number) => number): CompareResponse {
  const vec = (s: Side): { id: string; pairs: number[]; w: number[]; plain: number[]; norm: number } => {
    const pairs = pairSet(s.text);
    const title = new Set(s.heading ? pairSet(s.heading) : []);
    const plain = pairs.map(weightOf);
    const w = pairs.map((code, k) => (plain[k] ?? 0) * (title.has(code) ? TITLE_WEIGHT : 1));
    return { id: s.id, pairs, w, plain, norm: Math.sqrt(w.reduce((t, x) => t + x * x, 0)) };
  };
  const va = a.map(vec).filter((v) => v.pairs.length >= MIN_PAIRS && v.norm > 0);
  const vb = b.map(vec).filter((v) => v.pairs.length >= MIN_PAIRS && v.norm > 0);
  // Pair → [clause of B, its weight there, its weight unscaled by titles].
  const inB = new Map<number, [number, number, number][]>();
  vb.forEach((v, j) => {
    v.pairs.forEach((code, k) => {
      const wk = v.w[k] ?? 0;
      if (wk <= 0) return;
      const list = inB.get(code);
      const entry: [number, number, number] = [j, wk, v.plain[k] ?? 0];
      if (list) list.push(entry);
      else inB.set(code, [entry]);
    });
  });
  const candidates: { i: number; j: number; sim: number }[] = [];
  va.forEach((v, i) => {
    const dot = new Map<number, { d: number; s: number }>();
    v.pairs.forEach((code, k) => {
      for (const [j, wk, plain] of inB.get(code) ?? []) {
        const cur = dot.get(j) ?? { d: 0, s: 0 };
        cur.d += wk * (v.w[k] ?? 0);
        // What they share, by the library's weights alone (the threshold of related.ts).
        cur.s += plain;
        dot.set(j, cur);
      }
    });
    for (const [j, { d, s }] of dot) {
      const sim = combine(d, v.norm, vb[j]?.norm ?? 0);
      if (sim >= MATCH_SIM && s >= MIN_SHARED) candidates.push({ i, j, sim });
    }
  });
  candidates.sort((x, y) => y.sim - x.sim);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const pairs: { i: number; j: number; sim: number }[] = [];
  for (const c of candidates) {
    if (takenA.has(c.i) || takenB.has(c.j)) continue;
    takenA.add(c.i);
    takenB.add(c.j);
    pairs.push(c);
  }
  pairs.sort((x, y) => x.i - y.i);
  return {
    pairs: pairs.map((p) => ({ a: va[p.i]?.id ?? '', b: vb[p.j]?.id ?? '', score: Math.round(p.sim * 1000) / 1000 })),
    onlyA: va.filter((_, i) => !takenA.has(i)).map((v) => v.id),
    onlyB: vb.filter((_, j) => !takenB.has(j)).map((v) => v.id),
  };
}
