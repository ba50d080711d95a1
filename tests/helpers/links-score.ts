// Scoring cross-links against the labelled set (tests/fixtures/links-labelled.ts): recall@10 over
// the pairs that should link, precision@5 over the judged links of the top five (those the set
// labels either way), for the unit test and the bench alike.

import { NEAR_MISSES, SHOULD_LINK, type ClauseRef, type LabelledPair } from '../fixtures/links-labelled.ts';
import type { Library } from '../../electron/core/store/library.ts';

/** A labelled clause's id in this library: its document by title, its clause by labels. */
export function resolveRef(library: Library, ref: ClauseRef): string {
  const all = library.listDocuments();
  const exact = all.filter((d) => d.title === ref.doc);
  const docs = exact.length > 0 ? exact : all.filter((d) => d.title.includes(ref.doc));
  if (docs.length !== 1) throw new Error(`links-labelled: ${docs.length} documents are titled like "${ref.doc}"`);
  const doc = docs[0];
  const view = doc ? library.documentView(doc.id) : null;
  const hits = (view?.clauses ?? []).filter((c) => c.citation.slice(view?.summary.title.length ?? 0).trim() === ref.label);
  if (hits.length !== 1 || !hits[0]) throw new Error(`links-labelled: ${hits.length} clauses of "${ref.doc}" are labelled "${ref.label}"`);
  return hits[0].id;
}

export interface LinkScore {
  recallAt10: number;
  precisionAt5: number;
  /** Pairs that should link and were not in the top ten: what to read when recall falls. */
  missed: LabelledPair[];
  /** Near misses found in a top five. */
  intruders: LabelledPair[];
  /** Judged links in the top fives, and all links there. */
  judged: number;
  shown: number;
}

/** `ranked`: the clause ids a clause links to, best first (citations and manual links left out). */
export function scoreLinks(library: Library, ranked: (clauseId: string) => string[]): LinkScore {
  const ids = (p: LabelledPair): [string, string] => [resolveRef(library, p.from), resolveRef(library, p.to)];
  const good = SHOULD_LINK.map((p) => ({ p, ids: ids(p) }));
  const bad = NEAR_MISSES.map((p) => ({ p, ids: ids(p) }));
  const cache = new Map<string, string[]>();
  const top = (id: string): string[] => {
    let r = cache.get(id);
    if (!r) cache.set(id, (r = ranked(id)));
    return r;
  };
  const missed = good.filter(({ ids: [a, b] }) => !top(a).slice(0, 10).includes(b)).map((g) => g.p);
  const positive = new Set(good.map(({ ids: [a, b] }) => `${a}>${b}`));
  const negative = new Map(bad.map(({ p, ids: [a, b] }) => [`${a}>${b}`, p]));
  let judged = 0;
  let right = 0;
  let shown = 0;
  const intruders: LabelledPair[] = [];
  for (const q of new Set([...good, ...bad].map((x) => x.ids[0]))) {
    for (const t of top(q).slice(0, 5)) {
      shown++;
      const key = `${q}>${t}`;
      if (positive.has(key)) {
        judged++;
        right++;
      } else {
        const miss = negative.get(key);
        if (miss) {
          judged++;
          intruders.push(miss);
        }
      }
    }
  }
  return { recallAt10: 1 - missed.length / good.length, precisionAt5: judged === 0 ? 1 : right / judged, missed, intruders, judged, shown };
}
