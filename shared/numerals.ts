// Chinese numerals as printed in policy and legal numbering: 一 … 九十九, 一百零八, 两千, 〇, and the
// capital (大写) forms that Taiwan, Hong Kong and financial texts number with: 壹、貳、參 … 拾,
// 第壹條, （拾壹）, in Traditional and Simplified alike (贰 / 貳, 叁 / 參, 陆 / 陸).

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 叄: 3, 参: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 拾: 10, 佰: 100, 仟: 1000 };

/** The capital forms alone: 参 as Taiwan's and Japan's texts print 參 too. */
export const CAPITAL_NUMERAL_CHARS = '壹贰貳叁參叄参肆伍陆陸柒捌玖拾佰仟';
export const CHINESE_NUMERAL_CHARS = `〇零一二两三四五六七八九十百千${CAPITAL_NUMERAL_CHARS}`;

/** Parses a Chinese numeral (一, 十二, 二十, 一百零八, 拾壹) or ASCII/full-width digits; null when it is neither. */
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
