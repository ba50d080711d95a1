// Exact-recall full text for Chinese in SQLite FTS5. unicode61 sees a run of Chinese as one token
// and trigrams cannot match one or two characters, so the index is fed tokens made here: at every
// position of the folded text, the character there and the next one (the last position holds one
// character). Each token is written as letters and digits only (the code points in base 36), so the
// tokenizer keeps it whole and punctuation cannot shift positions.
//
//   one character  x   → prefix query  gx*        (every token that starts with it)
//   two characters xy  → token         gxy
//   more           xyz… → phrase       "gxy gyz …"  (consecutive positions = the exact substring)
//
// The token stream of the bench corpus is 169 M characters: it is written as bytes into one buffer
// (each code point's four digits worked out once) instead of as a string per token.

const code = (cp: number): string => cp.toString(36).padStart(4, '0');

/** A code point's four base-36 digits as ASCII bytes, packed; 0 while not worked out yet (BMP). */
const digits = new Uint32Array(0x10000);

function packed(cp: number): number {
  const known = cp < 0x10000 ? (digits[cp] ?? 0) : 0;
  if (known !== 0) return known;
  const s = code(cp);
  const p = ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
  if (cp < 0x10000) digits[cp] = p;
  return p;
}

function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

let bytes = Buffer.allocUnsafe(1 << 16);

/** The token stream of a (folded) text, space-separated. */
export function gramsOf(folded: string): string {
  // At most one token per UTF-16 unit: g, four digits, four more, a space.
  if (bytes.length < folded.length * 10) bytes = Buffer.allocUnsafe(folded.length * 20);
  let at = 0;
  for (let i = 0; i < folded.length; ) {
    let cp = folded.charCodeAt(i);
    const low = folded.charCodeAt(i + 1);
    // A surrogate pair is one code point; a lone surrogate stands for itself, as for…of reads it.
    if (cp >= 0xd800 && cp <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      i += 2;
    } else i += 1;
    if (at > 0) {
      // The previous token's second character is this one.
      bytes.writeUInt32BE(packed(cp), at);
      bytes[at + 4] = 0x20;
      at += 5;
    }
    bytes[at] = 0x67;
    bytes.writeUInt32BE(packed(cp), at + 1);
    at += 5;
  }
  return bytes.toString('latin1', 0, at);
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
