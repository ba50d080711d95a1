// Dates as Chinese official texts print them: 2019年2月12日, 二〇一九年二月十六日, 2022-05-26.
// Big5 has no 〇: Hong Kong and Taiwan texts print the zero of a year as ○ (二○一九年).

import { parseNumeral } from '../../../shared/numerals.ts';

const iso = (year: string, month: number, day: number): string | null =>
  month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;

/** The first date in the text, as an ISO date; null when it holds none. */
export function isoDate(text: string): string | null {
  const s = text.replace(/\s/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const ymd = /((?:19|20)\d{2})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?/.exec(s);
  if (ymd) return iso(ymd[1] ?? '', Number(ymd[2]), Number(ymd[3]));
  const cn = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(s);
  if (cn) {
    const year = (cn[1] ?? '').replace(/[〇○零一二三四五六七八九]/g, (c) => String(parseNumeral(c === '○' ? '〇' : c) ?? 0));
    return iso(year, parseNumeral(cn[2] ?? '') ?? 0, parseNumeral(cn[3] ?? '') ?? 0);
  }
  return null;
}
