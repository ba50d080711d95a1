// The order in which the library lists levels and places; what groups by place (the library, the
// cross-links of a clause) follows it.

import type { Level } from '../../shared/types.ts';

export const LEVEL_ORDER: Level[] = ['national', 'province', 'city', 'sar', 'district'];
/** Cities of the Greater Bay Area first, in the order officials list them. */
export const PLACE_ORDER = ['全国', '广东省', '广州市', '深圳市', '珠海市', '佛山市', '惠州市', '东莞市', '中山市', '江门市', '肇庆市', '梅州市', '香港', '澳门'];

/** Where a place stands in PLACE_ORDER; places not listed come after, in the order of their names. */
export function placeRank(jurisdiction: string): number {
  const i = PLACE_ORDER.indexOf(jurisdiction);
  return i < 0 ? PLACE_ORDER.length : i;
}
