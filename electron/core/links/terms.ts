// What two clauses are compared by: the character pairs of their folded text (Traditional and
// Simplified alike, as search folds), taken only inside runs of Chinese characters and Latin
// letters, so that punctuation, digits and dates do not make two clauses look alike. Each pair
// is a number (first unit × 65536 + second), a clause's pairs a sorted set.

import { fold } from '../../../shared/fold.ts';
import { parseUnits } from '../ingest/units.ts';

/**
 * The text as compared: a measure's closing list of responsible units (（市地方金融监管局牵头，…）)
 * blanked out, same length, so that offsets hold. Every measure of a government names the same
 * bureaux; two measures are not alike because the same office carries them out.
 */
export function comparedText(text: string): string {
  const units = parseUnits(text);
  if (!units) return text;
  const at = text.lastIndexOf(units.printed);
  return at < 0 ? text : text.slice(0, at) + ' '.repeat(units.printed.length) + text.slice(at + units.printed.length);
}

/** A unit that can stand in a compared pair: a CJK ideograph or a (folded) Latin letter. */
export function isWordUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x61 && code <= 0x7a);
}

/** The pair codes of a folded text, at each position where a pair starts (-1 where none does). */
export function pairCodesAt(folded: string): Float64Array {
  // Codes reach 0x9fff × 65536: past what an Int32Array holds.
  const out = new Float64Array(folded.length);
  for (let i = 0; i < folded.length; i++) {
    const a = folded.charCodeAt(i);
    const b = folded.charCodeAt(i + 1);
    out[i] = i + 1 < folded.length && isWordUnit(a) && isWordUnit(b) ? a * 65536 + b : -1;
  }
  return out;
}

let scratch = new Float64Array(4096);

/**
 * The distinct pair codes of a text (units blanked and folded here), ascending, in a buffer the
 * next call reuses: the link update reads a quarter of a million clauses, and an array per
 * clause was most of its memory and of its garbage.
 */
export function pairCodes(text: string): Float64Array {
  const folded = fold(comparedText(text));
  if (scratch.length < folded.length) scratch = new Float64Array(folded.length * 2);
  let n = 0;
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded.charCodeAt(i);
    const b = folded.charCodeAt(i + 1);
    if (isWordUnit(a) && isWordUnit(b)) scratch[n++] = a * 65536 + b;
  }
  // A typed sort, then the distinct values in place: a Set per clause cost more than the rest.
  const sorted = scratch.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i] ?? 0;
  return sorted.subarray(0, m);
}

/** The distinct pair codes of a text, ascending, as an array of its own. */
export function pairSet(text: string): number[] {
  return Array.from(pairCodes(text));
}
