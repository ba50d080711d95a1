// Which links a reader wants first: what other cities and levels say (a city's own two plans
// agreeing tells less than the province restating the Outline), and policy before news.

import type { DocKind, Level } from '../../../shared/types.ts';

export interface DocTraits {
  jurisdiction: string;
  level: Level;
  kind: DocKind;
}

/** Same jurisdiction and level: the same government's papers. */
export const SAME_PLACE = 0.85;
/** A news report when the clause asked about is not news. */
export const NEWS = 0.6;

/** The factor a link's similarity is ranked by, from `here` (asked about) to `there`. */
export function preference(here: DocTraits, there: DocTraits): number {
  let f = 1;
  if (here.jurisdiction === there.jurisdiction && here.level === there.level) f *= SAME_PLACE;
  if (there.kind === 'news' && here.kind !== 'news') f *= NEWS;
  return f;
}
