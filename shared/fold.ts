// Folding for search: Traditional → Simplified Chinese, full-width ASCII → half-width, Latin to
// lower case. Folding is done one character at a time and never changes a string's length, so an
// offset found in the folded text is the same offset in the text as displayed, which is never
// altered.
//
// Each UTF-16 unit folds to one unit, so the fold of every unit is worked out once, the first time
// it is met, and kept in a table over the BMP: folding the bench corpus (169 M characters) went
// from 3.1 s, a Map look-up and a string append per character, to a table read per character.

import { Converter } from 'opencc-js/t2cn';

// opencc-js's declarations import './core' without an extension, which ESM resolution cannot
// follow; state the one signature used here.
type Convert = (text: string) => string;
const converter = Converter as unknown as (options: { from: 't' | 'hk' | 'tw'; to: 'cn' }) => Convert;
const fromTraditional = converter({ from: 't', to: 'cn' });
const fromHongKong = converter({ from: 'hk', to: 'cn' });
const fromTaiwan = converter({ from: 'tw', to: 'cn' });

function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  // Full-width forms of ASCII (ＣＥＰＡ, ２０１９) read as their ASCII twins.
  if (code >= 0xff01 && code <= 0xff5e) return foldUnit(code - 0xfee0);
  if (code === 0x3000) return 0x20;
  const ch = String.fromCharCode(code);
  if (code < 0x2e80) {
    const lower = ch.toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  // A surrogate stays as it is: no Traditional form lives outside the BMP that matters here.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  for (const convert of [fromTraditional, fromHongKong, fromTaiwan]) {
    const c = convert(ch);
    if (c !== ch && c.length === 1) return c.charCodeAt(0);
  }
  return code;
}

/** The fold of each unit plus one; 0 while not worked out yet. */
const table = new Uint32Array(0x10000);
let units = new Uint16Array(4096);
// TextDecoder is the fastest way from units to a string, but it replaces a lone surrogate: a text
// with surrogates is built with fromCharCode instead.
// (And it reads the units in the machine's byte order, which must then be little-endian.)
const utf16 = new TextDecoder('utf-16le');
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The search form of a text: same length, same offsets. */
export function fold(text: string): string {
  const n = text.length;
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  let changed = false;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let f = (table[code] ?? 0) - 1;
    if (f < 0) {
      f = foldUnit(code);
      table[code] = f + 1;
    }
    units[i] = f;
    if (f !== code) changed = true;
    else if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
  }
  if (!changed) return text;
  if (!surrogates && littleEndian) return utf16.decode(units.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192)));
  return out;
}
