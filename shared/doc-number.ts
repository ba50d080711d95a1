// Document numbers (粤府函〔2019〕31号) are printed with any of a handful of brackets around the
// year: 〔〕 as the national standard GB/T 9704 asks, and ［］ [] （） () ﹝﹞ 【】 as typed or
// converted. Both sides are normalised: a stored number and a typed one compare by their key,
// and a search term that holds a year in brackets also searches the other forms (query.ts).

import { fold } from './fold.ts';

/** The brackets a year may stand in, as folding leaves them (（） folds to (), ［］ to []). */
const FORMS: readonly [string, string][] = [['〔', '〕'], ['[', ']'], ['(', ')'], ['﹝', '﹞'], ['【', '】']];
const YEAR_IN_BRACKETS = /[〔[(﹝【]((?:19|20)\d{2})[〕\])﹞】]/u;

/** The number with its year's brackets as 〔〕, without spaces, folded: what two forms compare by. */
export function docNumberKey(text: string): string {
  return fold(text)
    .replace(/\s+/g, '')
    .replace(new RegExp(YEAR_IN_BRACKETS.source, 'gu'), '〔$1〕');
}

/** The other forms of a (folded) term holding a year in brackets; none for any other term. */
export function docNumberForms(folded: string): string[] {
  const m = YEAR_IN_BRACKETS.exec(folded);
  if (!m) return [];
  const year = m[1] ?? '';
  return FORMS.map(([open, close]) => folded.replace(YEAR_IN_BRACKETS, `${open}${year}${close}`)).filter((f) => f !== folded);
}
