// Folding for search: Traditional → Simplified Chinese, full-width ASCII → half-width, Latin to
// lower case. Folding is done one character at a time and never changes a string's length, so an
// offset found in the folded text is the same offset in the text as displayed, which is never
// altered.

import { Converter } from 'opencc-js/t2cn';

// opencc-js's declarations import './core' without an extension, which ESM resolution cannot
// follow; state the one signature used here.
type Convert = (text: string) => string;
const converter = Converter as unknown as (options: { from: 't' | 'hk' | 'tw'; to: 'cn' }) => Convert;
const fromTraditional = converter({ from: 't', to: 'cn' });
const fromHongKong = converter({ from: 'hk', to: 'cn' });
const fromTaiwan = converter({ from: 'tw', to: 'cn' });

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  // Full-width forms of ASCII (ＣＥＰＡ, ２０１９) read as their ASCII twins.
  if (code >= 0xff01 && code <= 0xff5e) return foldChar(String.fromCharCode(code - 0xfee0));
  if (code === 0x3000) return ' ';
  if (code < 0x2e80) return ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch;
  for (const convert of [fromTraditional, fromHongKong, fromTaiwan]) {
    const c = convert(ch);
    if (c !== ch && c.length === ch.length) {
      out = c;
      break;
    }
  }
  cache.set(ch, out);
  return out;
}

/** The search form of a text: same length, same offsets. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair stays as it is: no Traditional form lives outside the BMP that matters here.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      out += text[i] ?? '';
      out += text[i + 1] ?? '';
      i++;
      continue;
    }
    out += foldChar(text[i] ?? '');
  }
  return out;
}
