import type { SearchHit } from './types.ts';

export interface HitGroup {
  docId: string;
  hits: SearchHit[];
}

/** Hits grouped by document, groups in the order of their best hit, hits in rank order. */
export function groupByDocument(hits: SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const h of hits) {
    let g = groups.get(h.docId);
    if (!g) {
      g = { docId: h.docId, hits: [] };
      groups.set(h.docId, g);
    }
    g.hits.push(h);
  }
  return [...groups.values()];
}
