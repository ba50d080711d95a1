// Traditional Chinese and legacy encodings for tests: a Simplified text converted by opencc (as
// Hong Kong and Taiwan write it) and encoded as Big5-HKSCS or GBK by inverting the WHATWG decoder's
// own table, so that the bytes are exactly what a real Big5 or GBK file holds.

import { Converter } from 'opencc-js';

type Convert = (text: string) => string;
const converter = Converter as unknown as (options: { from: 'cn' | 'hk'; to: 'hk' | 'twp' | 'tw' }) => Convert;
const hkToTw = converter({ from: 'hk', to: 'tw' });
/** Characters Big5 lacks, as Big5 sites print them: 滙 as 匯, the zero 〇 as ○ (二○一九年). */
const BIG5_FORMS: Readonly<Record<string, string>> = { 滙: '匯', '〇': '○' };

/** opencc s2hk (Hong Kong) or s2twp (Taiwan, with its phrases). */
export const toTraditional = (text: string, variant: 'hk' | 'twp' = 'hk'): string => converter({ from: 'cn', to: variant })(text);

const tables = new Map<string, Map<string, number[]>>();

/** Character → bytes of a double-byte encoding, from decoding every lead and trail byte pair. */
function table(encoding: 'big5' | 'gbk'): Map<string, number[]> {
  const hit = tables.get(encoding);
  if (hit) return hit;
  const decoder = new TextDecoder(encoding);
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      // Unmapped pairs decode to U+FFFD; a few Big5 pairs decode to two code points.
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  tables.set(encoding, map);
  return map;
}

/**
 * Encodes text as Big5(-HKSCS) or GBK; throws on a character the encoding cannot hold. A form Big5
 * lacks is written as a Big5 site prints it: a Hong Kong form (衞) in its Taiwan form (衛).
 */
export function encodeLegacy(text: string, encoding: 'big5' | 'gbk'): Uint8Array {
  const map = table(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    // A Simplified character in a Traditional text (粤 in 粤港澳) is written in its Traditional form.
    const bytes = map.get(ch) ?? map.get(hkToTw(ch)) ?? map.get(toTraditional(ch)) ?? map.get(BIG5_FORMS[ch] ?? '');
    if (!bytes) throw new Error(`${encoding} cannot encode ${ch} (U+${code.toString(16)})`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

/** UTF-16 with or without a byte-order mark, as Word's "Unicode text" saves it. */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[i * 2 + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}
