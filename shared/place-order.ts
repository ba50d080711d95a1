// The order in which places are listed wherever the app groups by place (the library's groups and
// its jurisdiction facet, the cross-links of a clause): levels from the nation down, and within a
// level the Greater Bay Area's places in the order officials list them, the others after by name.

import type { Level } from './types.ts';

export const LEVEL_ORDER: readonly Level[] = ['national', 'province', 'city', 'sar', 'district'];

/** Cities of the Greater Bay Area first, then the two SARs (by either name the texts give them). */
const PLACE_ORDER: readonly string[] = [
  '全国', '广东省', '广州市', '深圳市', '珠海市', '佛山市', '惠州市', '东莞市', '中山市', '江门市', '肇庆市', '梅州市',
  '香港特别行政区', '香港', '澳门特别行政区', '澳门',
];

const collator = new Intl.Collator('zh');

/** Where a level stands in LEVEL_ORDER. */
export const levelRank = (level: Level): number => LEVEL_ORDER.indexOf(level);

/** Where a place stands in PLACE_ORDER; places not listed come after. */
export function placeRank(jurisdiction: string): number {
  const i = PLACE_ORDER.indexOf(jurisdiction);
  return i < 0 ? PLACE_ORDER.length : i;
}

/** Two places in the app's order: by level, then by rank, then by name. */
export const comparePlaces = (a: { level: Level; jurisdiction: string }, b: { level: Level; jurisdiction: string }): number =>
  levelRank(a.level) - levelRank(b.level) || placeRank(a.jurisdiction) - placeRank(b.jurisdiction) || collator.compare(a.jurisdiction, b.jurisdiction);
