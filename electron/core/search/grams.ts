// Exact-recall full text for Chinese in SQLite FTS5. unicode61 sees a run of Chinese as one token
// and trigrams cannot match one or two characters, so the index is fed tokens made here: at every
// position of the folded text, the character there and the next one (the last position holds one
// character). Each token is written as letters and digits only (the code points in base 36), so the
// tokenizer keeps it whole and punctuation cannot shift positions.
//
//   one character  x   → prefix query  gx*        (every token that starts with it)
//   two characters xy  → token         gxy
//   more           xyz… → phrase       "gxy gyz …"  (consecutive positions = the exact substring)

const code = (cp: number): string => cp.toString(36).padStart(4, '0');

function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

/** The token stream of a (folded) text, space-separated. */
export function gramsOf(folded: string): string {
  const cps = codePoints(folded);
  const out = new Array<string>(cps.length);
  for (let i = 0; i < cps.length; i++) {
    const next = cps[i + 1];
    out[i] = `g${code(cps[i] ?? 0)}${next === undefined ? '' : code(next)}`;
  }
  return out.join(' ');
}

/** The FTS5 expression that matches exactly the texts containing `folded` (one term). */
function gramQuery(folded: string): string {
  const cps = codePoints(folded);
  const first = cps[0];
  if (first === undefined) throw new Error('empty search term');
  if (cps.length === 1) return `g${code(first)}*`;
  const tokens: string[] = [];
  for (let i = 0; i + 1 < cps.length; i++) tokens.push(`g${code(cps[i] ?? 0)}${code(cps[i + 1] ?? 0)}`);
  return `"${tokens.join(' ')}"`;
}

/** All terms must occur, in the column given (the clause text unless told). */
export function allTermsQuery(folded: string[], column: 'grams' | 'hgrams' = 'grams'): string {
  return `{${column}} : (${folded.map(gramQuery).join(' AND ')})`;
}
