// Bytes → text. Policy files arrive as UTF-8 (with or without BOM), UTF-16 from Word's
// "Unicode text", and GB18030/GBK from older government sites. Binary files are refused.

import type { Encoding } from '../model/records.ts';
import { IngestError } from './errors.ts';

export type { Encoding };

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Things the user should know although the import went through. */
  warnings: string[];
}

function strictDecode(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that Chinese policy text is made of: CJK, CJK punctuation, printable ASCII, line breaks. */
function textLikeShare(text: string): number {
  const sample = text.slice(0, 20000);
  if (!sample) return 0;
  const ok = sample.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\n\r\t\u00a0-\u00ff]/g)?.length ?? 0;
  return ok / sample.length;
}

/**
 * UTF-16 without a BOM. UTF-8 and GB18030 text never holds a NUL byte, so a file with NULs is
 * either UTF-16 or binary: decode it both ways and keep the reading that is text.
 */
function sniffUtf16(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; text: string } | null {
  const even = bytes.subarray(0, bytes.length & ~1);
  let best: { encoding: 'utf-16le' | 'utf-16be'; text: string; score: number } | null = null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = strictDecode(encoding, even);
    if (text === null) continue;
    const score = textLikeShare(text);
    if (!best || score > best.score) best = { encoding, text, score };
  }
  return best && best.score > 0.95 ? { encoding: best.encoding, text: best.text } : null;
}

/** Share of control characters other than tab, newline, carriage return and form feed. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/** Length of an incomplete UTF-8 sequence at the very end of the bytes (0 when complete). */
function truncatedUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

export function decode(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new IngestError(file, 'the file is empty');
  const warnings: string[] = [];
  const result = (text: string, encoding: Encoding): Decoded => {
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim().length === 0) throw new IngestError(file, 'the file holds no text (only white space)');
    if (controlShare(body) > 0.01) {
      throw new IngestError(file, 'this is not a text file (it holds binary data); import plain text, Markdown or HTML');
    }
    return { text: body, encoding, warnings };
  };

  // A byte-order mark is the file's own statement of its encoding.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes);
    if (text === null) throw new IngestError(file, 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return result(text, 'utf-8');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) warnings.push('the UTF-16 text ends in half a character; the last byte was dropped');
    const text = strictDecode(enc, bytes.subarray(0, bytes.length & ~1));
    if (text === null) throw new IngestError(file, `the file starts with a ${enc.toUpperCase()} byte-order mark but is not valid ${enc.toUpperCase()}`);
    return result(text, enc);
  }

  if (bytes.subarray(0, 65536).includes(0)) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return result(utf16.text, utf16.encoding);
    throw new IngestError(file, 'this is not a text file (it holds binary data); import plain text, Markdown or HTML');
  }

  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return result(utf8, 'utf-8');

  // A download cut off mid-character: valid UTF-8 but for the last 1–3 bytes.
  const tail = truncatedUtf8Tail(bytes);
  if (tail > 0) {
    const text = strictDecode('utf-8', bytes.subarray(0, bytes.length - tail));
    if (text !== null) {
      warnings.push(`the file ends in the middle of a character (it looks cut off); the last ${tail} byte(s) were dropped`);
      return result(text, 'utf-8');
    }
  }

  const gb = strictDecode('gb18030', bytes);
  if (gb !== null && cjkShare(gb) > 0.2) return result(gb, 'gb18030');

  throw new IngestError(file, 'the text encoding is not recognised (tried UTF-8, UTF-16 and GB18030); save the file as UTF-8 and import it again');
}

/** Share of CJK ideographs among the non-space characters: GB18030 decodes almost any bytes, so it must read as Chinese. */
function cjkShare(text: string): number {
  const sample = text.slice(0, 20000).replace(/\s+/g, '');
  if (sample.length === 0) return 0;
  const cjk = sample.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return cjk / sample.length;
}
