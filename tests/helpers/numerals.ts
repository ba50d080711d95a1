// Chinese numerals as numbering prints them, for the expected labels of the tests.

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Formats 1…9999 the way numbering prints it: 十一, 二十, 一百零八. */
export function formatNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return SMALL[n] ?? String(n);
  if (n < 20) return '十' + (n % 10 ? (SMALL[n % 10] ?? '') : '');
  const parts: string[] = [];
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let rest = n;
  let pendingZero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) {
      if (parts.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    parts.push((SMALL[d] ?? '') + name);
  }
  return parts.join('');
}
