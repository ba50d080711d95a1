// A clause's links as the panel shows them: "what does each place say", one group per level and
// place in the library's order (national, province, city…; Guangzhou before Zhuhai), each group's
// links best first.

import type { ClauseLink } from '../../shared/api.ts';
import type { Level } from '../../shared/types.ts';
import { comparePlaces } from '../../shared/place-order.ts';

export interface PlaceGroup {
  key: string;
  level: Level;
  jurisdiction: string;
  links: ClauseLink[];
}

export function groupByPlace(links: readonly ClauseLink[]): PlaceGroup[] {
  const groups = new Map<string, PlaceGroup>();
  for (const link of links) {
    const key = `${link.level}:${link.jurisdiction}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, level: link.level, jurisdiction: link.jurisdiction, links: [] };
      groups.set(key, g);
    }
    g.links.push(link);
  }
  for (const g of groups.values()) g.links.sort((a, b) => b.score - a.score);
  return [...groups.values()].sort(comparePlaces);
}

/** One link among a clause's links: a manual link by its id, the others by kind and target. */
export const linkKey = (link: ClauseLink): string => `${link.kind}:${link.manualId ?? link.clauseId ?? link.docId}`;
