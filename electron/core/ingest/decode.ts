// Bytes → text. Policy files arrive as UTF-8 (with or without BOM), UTF-16 from Word's
// "Unicode text", GB18030/GBK from older mainland sites and Big5/Big5-HKSCS from Hong Kong, Macau
// and Taiwan ones; now and then Shift-JIS from Japanese ones. Binary files are refused, by name
// when their first bytes say what they are (not-text.ts).

import { fold } from '../../../shared/fold.ts';
import type { Encoding } from '../model/records.ts';
import { IngestError } from './errors.ts';
import { notTextReason } from './not-text.ts';

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

/** Up to this share of NUL bytes, they are strays in a text (a download padded at its end). */
const STRAY_NUL_SHARE = 0.01;
/** A file that reads as UTF-8 for this many non-ASCII characters, then not, mixes encodings. */
const MIXED_AFTER = 16;

const CUT_OFF = (n: number): string => `the file ends in the middle of a character (it looks cut off); the last ${n} byte(s) were dropped`;

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
  if (bytes.length === 0) throw new IngestError(file, 'the file is empty', 'empty');
  const notText = notTextReason(bytes);
  if (notText) throw new IngestError(file, notText.problem, { code: 'not-text-format', params: { format: notText.format } });
  const warnings: string[] = [];
  const result = (text: string, encoding: Encoding): Decoded => {
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim().length === 0) throw new IngestError(file, 'the file holds no text (only white space)', 'blank');
    if (controlShare(body) > 0.01) {
      throw new IngestError(file, 'this is not a text file (it holds binary data); import plain text, Markdown or HTML', 'binary');
    }
    return { text: body, encoding, warnings };
  };

  // A byte-order mark is the file's own statement of its encoding.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes);
    if (text === null) throw new IngestError(file, 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8', { code: 'bad-bom', params: { encoding: 'UTF-8' } });
    return result(text, 'utf-8');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) warnings.push('the UTF-16 text ends in half a character; the last byte was dropped');
    const text = strictDecode(enc, bytes.subarray(0, bytes.length & ~1));
    if (text === null) throw new IngestError(file, `the file starts with a ${enc.toUpperCase()} byte-order mark but is not valid ${enc.toUpperCase()}`, { code: 'bad-bom', params: { encoding: enc.toUpperCase() } });
    return result(text, enc);
  }

  if (bytes.includes(0)) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return result(utf16.text, utf16.encoding);
    // UTF-8, GB18030 and Big5 text never holds a NUL byte: a few are strays, many make it binary.
    const binary = new IngestError(file, 'this is not a text file (it holds binary data); import plain text, Markdown or HTML', 'binary');
    const text = bytes.filter((b) => b !== 0);
    const nuls = bytes.length - text.length;
    if (nuls > bytes.length * STRAY_NUL_SHARE) throw binary;
    let d: Decoded;
    try {
      d = decode(file, text);
    } catch {
      // What is left is no text either: the NULs were part of binary data.
      throw binary;
    }
    return { ...d, warnings: [`the file holds ${nuls} NUL byte(s), which are no text; they were dropped`, ...d.warnings] };
  }

  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return result(utf8, 'utf-8');

  const legacy = readLegacyChinese(bytes);

  // A download cut off mid-character: valid UTF-8 but for the last 1–3 bytes. GBK bytes can look
  // so too (目 錄 is C4 BF 20 E4 9B): the cut UTF-8 must read as more Chinese than the GBK or Big5.
  const tail = truncatedUtf8Tail(bytes);
  if (tail > 0) {
    const text = strictDecode('utf-8', bytes.subarray(0, bytes.length - tail));
    if (text !== null && (!legacy || cjkShare(text) >= cjkShare(legacy.text))) {
      warnings.push(CUT_OFF(tail));
      return result(text, 'utf-8');
    }
  }

  // UTF-8 for a stretch of Chinese, then bytes that are not: two encodings pasted together (or a
  // damaged file). GB18030 would decode it all, the UTF-8 part as mojibake.
  const mixedAt = mixedLine(bytes);
  if (mixedAt !== null) {
    throw new IngestError(
      file,
      `the file mixes text encodings: it reads as UTF-8 up to line ${mixedAt}, where bytes that are not UTF-8 begin (another encoding such as GBK, or damage); save the whole file in one encoding (UTF-8) and import it again`,
      { code: 'mixed-encodings', params: { line: mixedAt } },
    );
  }

  if (legacy) {
    warnings.push(...legacy.warnings);
    return result(legacy.text, legacy.encoding);
  }

  throw new IngestError(file, 'the text encoding is not recognised (tried UTF-8, UTF-16, GB18030, Big5 and Shift-JIS); save the file as UTF-8 and import it again', 'encoding-unknown');
}

/** The line where UTF-8 stops after at least MIXED_AFTER non-ASCII characters of it; else null. */
function mixedLine(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8');
  let wide = 0;
  let lines = 1;
  // In pieces, so that a file UTF-8 for megabytes is not decoded whole to find where it stops.
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    const piece = decoder.decode(bytes.subarray(at, at + (1 << 20)), { stream: true });
    const bad = piece.indexOf('\uFFFD');
    const good = bad < 0 ? piece : piece.slice(0, bad);
    for (let i = 0; i < good.length; i++) {
      const c = good.charCodeAt(i);
      if (c === 0x0a) lines++;
      else if (c > 0x7f) wide++;
    }
    if (bad >= 0) return wide >= MIXED_AFTER ? lines : null;
  }
  return null;
}

/**
 * A strict decoding, allowing the last character to be cut off (a download that stopped): the
 * bytes less their last 1–3, and how many were dropped.
 */
function decodeAllowingCut(encoding: Encoding, bytes: Uint8Array): { text: string; cut: number } | null {
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    const text = strictDecode(encoding, cut === 0 ? bytes : bytes.subarray(0, bytes.length - cut));
    if (text !== null) return { text, cut };
  }
  return null;
}

/** Share of CJK ideographs among the non-space characters: GB18030 decodes almost any bytes, so it must read as Chinese. */
function cjkShare(text: string): number {
  const sample = text.slice(0, 20000).replace(/\s+/g, '');
  if (sample.length === 0) return 0;
  const cjk = sample.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return cjk / sample.length;
}

let commonHan: Set<string> | null = null;

/**
 * The 3,755 characters of GB2312's first level: the common characters of written Chinese, as the
 * GBK decoder reads the rows B0–D7 of its table. Built once, the first time a file is not Unicode.
 */
function commonCharacters(): Set<string> {
  if (commonHan) return commonHan;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  const text = new TextDecoder('gbk').decode(new Uint8Array(bytes));
  commonHan = new Set(text.match(/\p{Script=Han}/gu) ?? []);
  return commonHan;
}

/** What a wrong decoding of Chinese bytes produces besides rare ideographs: kana, bopomofo, Cyrillic, box drawing, private use. */
const MOJIBAKE_SIGN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Cyrillic}\p{Script=Greek}\u2500-\u257f\ue000-\uf8ff]/u;

/**
 * How much a decoding reads as real Chinese: the share of common characters (Traditional folded to
 * Simplified first) among the ideographs and the signs of mojibake. Real text scores 0.8–1; Big5
 * read as GBK, or GBK as Big5, scores far lower although every byte decodes.
 */
export function commonShare(text: string): number {
  const common = commonCharacters();
  let han = 0;
  let hits = 0;
  let odd = 0;
  for (const ch of text.slice(0, 20000)) {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (common.has(fold(ch))) hits++;
    } else if (MOJIBAKE_SIGN.test(ch)) {
      odd++;
    }
  }
  return han + odd === 0 ? 0 : hits / (han + odd);
}

const LEGACY: { encoding: 'gb18030' | 'big5'; name: string }[] = [
  { encoding: 'gb18030', name: 'GB18030/GBK' },
  { encoding: 'big5', name: 'Big5/Big5-HKSCS' },
];
/** Below this share of common characters a decoding is not certain to be the text's own. */
const CONFIDENT_SHARE = 0.6;
/** Two decodings nearer than this are a guess between them. */
const CLEAR_MARGIN = 0.15;

/**
 * Bytes that are not Unicode: GB18030/GBK or Big5/Big5-HKSCS (WHATWG's Big5 decoder includes
 * HKSCS). Nearly any GBK bytes decode as Big5 and the other way round, so each valid decoding is
 * scored by the text it yields, and the import warns whenever the choice is not clear.
 */
function readLegacyChinese(bytes: Uint8Array): { text: string; encoding: Encoding; warnings: string[] } | null {
  const readings = LEGACY.flatMap(({ encoding, name }) => {
    const read = decodeAllowingCut(encoding, bytes);
    return read !== null && cjkShare(read.text) > 0.2 ? [{ encoding, name, ...read, score: commonShare(read.text) }] : [];
  }).sort((a, b) => b.score - a.score);
  const best = readings[0];
  const japanese = readShiftJis(bytes);
  if (japanese && (!best || best.score < CONFIDENT_SHARE)) return japanese;
  if (!best) return null;
  const other = readings[1];
  const warnings: string[] = best.cut > 0 ? [CUT_OFF(best.cut)] : [];
  if (other && best.score - other.score < CLEAR_MARGIN) {
    warnings.push(`the text encoding is uncertain: it was read as ${best.name}, but ${other.name} reads almost as well; check that the text is not garbled`);
  } else if (best.score < CONFIDENT_SHARE) {
    warnings.push(`the text encoding is uncertain: it was read as ${best.name}, but few of its characters are common ones; check that the text is not garbled`);
  }
  return { text: best.text, encoding: best.encoding, warnings };
}

/** Share of hiragana among the non-space characters at which a text is Japanese: its particles (の, は, を) are written so. */
const JAPANESE_HIRAGANA = 0.1;

/**
 * Shift-JIS, from Japanese sites: Japanese prose always holds hiragana, which neither GBK nor Big5
 * read as Shift-JIS yields (their lead bytes fall on half-width katakana and kanji).
 */
function readShiftJis(bytes: Uint8Array): { text: string; encoding: Encoding; warnings: string[] } | null {
  const read = decodeAllowingCut('shift_jis', bytes);
  if (!read) return null;
  const sample = read.text.slice(0, 20000).replace(/\s+/g, '');
  const hiragana = sample.match(/\p{Script=Hiragana}/gu)?.length ?? 0;
  if (sample.length === 0 || hiragana / sample.length < JAPANESE_HIRAGANA) return null;
  return { text: read.text, encoding: 'shift_jis', warnings: read.cut > 0 ? [CUT_OFF(read.cut)] : [] };
}
