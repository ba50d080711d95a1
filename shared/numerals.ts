// Chinese numerals as printed in policy and legal numbering: 一 … 九十九, 一百零八, 两千, 〇.

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千';

/** Parses a Chinese numeral (一, 十二, 二十, 一百零八) or ASCII/full-width digits; null when it is neither. */
export function parseNumeral(raw: string): number | null {
  const s = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = DIGITS[ch];
    const u = UNITS[ch];
    if (d !== undefined) {
      // Two digits in a row are only valid as a positional reading (二〇一九), which labels never use.
      if (digit !== null && digit !== 0) return null;
      digit = d;
    } else if (u !== undefined) {
      total += (digit ?? 1) * u;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}
