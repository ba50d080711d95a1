// The malformed-input suite's files, written at test time into a temporary folder (the big, binary
// and special ones cannot be committed: a 200 MB file, a named pipe, a symlink loop) from texts cut
// from the seeds. Each case states what a new user must see: the file imported as it should be, or
// refused with a message that names it and says why.

import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { encodeLegacy, encodeUtf16 } from './traditional.ts';
import { FIXTURES, SEEDS } from './library.ts';

const MB = 1024 * 1024;

export type Expected =
  /** Imported: the documents hold `contains` (each string), and none of `lacks`; a warning if given. */
  | { import: { contains: string[]; lacks?: string[]; encoding?: string; warning?: RegExp } }
  /** Refused with this reason; nothing stored changes. */
  | { refuse: RegExp };

export interface Case {
  /** What the case is, as the issue lists it. */
  what: string;
  /** The file (or folder) as the user names it. */
  path: string;
  expected: Expected;
  /** Word files take the app's import (the command line reads text, Markdown and HTML). */
  appOnly?: boolean;
}

const excerpt = readFileSync(join(FIXTURES, '001-excerpt.utf8.txt'), 'utf8');
const excerptLines = excerpt.split('\n').filter((l) => l.trim());
/** The title line and the first sentence: what an import of the excerpt must hold. */
const TITLE = excerptLines[0] ?? '';
const FIRST = (excerptLines[1] ?? '').slice(0, 30);
const traditional = readFileSync(join(FIXTURES, 'macau-law-26-2024.zh-hant.txt'), 'utf8');
const japanese = readFileSync(join(FIXTURES, 'malformed', 'japanese.txt'), 'utf8');
const outline = readFileSync(join(SEEDS, '004_02dc7fb0eb02e0f1.txt'), 'utf8');

/**
 * The excerpt with a last line naming the case: the library stores a text once, so each file that
 * must import holds a text of its own (and the line shows the file was read to its end).
 */
const tagged = (tag: string): string => `${excerpt}（样本：${tag}）\n`;
const TAG = (tag: string): string => `样本：${tag}`;

/** A page of the excerpt: its title, then a paragraph per line, then the case's line. */
function page(head: string, tag: string, body = excerptLines.map((l) => `<p>${l}</p>`).join('\n')): string {
  return `<!DOCTYPE html>\n<html><head>${head}<title>${TITLE}</title></head>\n<body>\n<h1>${TITLE}</h1>\n${body}\n<p>（${TAG(tag)}）</p>\n</body></html>\n`;
}

/** Shift-JIS bytes by inverting the WHATWG decoder's table, as traditional.ts does for Big5. */
function encodeShiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder('shift_jis');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const bytes = code < 0x80 ? [code] : map.get(ch);
    if (!bytes) throw new Error(`Shift-JIS cannot encode ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

/** A PDF whose text is all ASCII: uncompressed, as simple generators write it. */
function asciiPdf(): string {
  const content = 'BT /F1 18 Tf 72 720 Td (Guangdong-Hong Kong-Macao Greater Bay Area Outline) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

/** Pseudo-random bytes, the same every run. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/**
 * A file of `size` bytes holding one line of the Outline's text over and over (its labels, 第一章 and
 * 一、, run into the line), written in pieces.
 */
function singleLine(path: string, size: number): void {
  const unit = Buffer.from(outline.replace(/\s+/g, ''), 'utf8');
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    while (written + unit.length <= size) written += writeSync(fd, unit);
  } finally {
    closeSync(fd);
  }
}

/** A file of `size` bytes that takes no room on disk (the size check comes before any read). */
function sparse(path: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, Buffer.from(excerpt.slice(0, 100)), 0, undefined, 0);
    writeSync(fd, Buffer.from('\n'), 0, 1, size - 1);
  } finally {
    closeSync(fd);
  }
}

const ok = (contains: string[], more: { lacks?: string[]; encoding?: string; warning?: RegExp } = {}): Expected => ({ import: { contains, ...more } });
const refuse = (reason: RegExp): Expected => ({ refuse: reason });

/** Writes every case into `dir` and says what each must give. */
export function writeMalformedSuite(dir: string): Case[] {
  mkdirSync(dir, { recursive: true });
  const cases: Case[] = [];
  const file = (name: string, content: string | Uint8Array, what: string, expected: Expected, appOnly = false): void => {
    const path = join(dir, name);
    writeFileSync(path, content);
    cases.push({ what, path, expected, ...(appOnly ? { appOnly } : {}) });
  };
  const utf8 = Buffer.from(excerpt, 'utf8');
  const gbk = encodeLegacy(excerpt, 'gbk');
  // Cut in the last character: the text then ends in ）, three bytes in UTF-8, two in GBK.
  const cutUtf8 = Buffer.from(tagged('cut-utf8').trimEnd(), 'utf8');
  const cutGbk = encodeLegacy(tagged('cut-gb').trimEnd(), 'gbk');

  file('empty.txt', '', 'an empty file', refuse(/the file is empty/));
  file('blank.txt', ' \t\n\u3000\r\n  \n', 'white space only', refuse(/holds no text \(only white space\)/));
  file('bom-only.txt', new Uint8Array([0xef, 0xbb, 0xbf]), 'a UTF-8 byte-order mark only', refuse(/holds no text/));
  file('bom-only-utf16.txt', new Uint8Array([0xff, 0xfe]), 'a UTF-16 byte-order mark only', refuse(/holds no text/));
  file('noise.txt', noise(4096), 'random bytes named .txt', refuse(/not a text file/));
  file('photo.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2000)]), 'a PNG image named .txt', refuse(/PNG image/));
  file('excerpt.pdf', readFileSync(join(FIXTURES, 'malformed', 'excerpt.pdf')), 'a real PDF (Chromium printed the excerpt)', refuse(/PDF/));
  file('outline.txt', asciiPdf(), 'a PDF whose bytes are all ASCII, named .txt', refuse(/this is a PDF/));
  file('old-word.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(3000)]), 'an old Word .doc', refuse(/old Word .doc/));
  file('archive.txt', zipSync({ 'a.txt': utf8 }), 'a ZIP archive named .txt', refuse(/ZIP archive/));
  file('not-word.docx', zipSync({ 'readme.txt': utf8, 'data/table.csv': Buffer.from('a,b\n1,2\n') }), 'a .docx that is a ZIP of something else', refuse(/not a readable Word document/), true);
  file('renamed.docx', utf8, 'a text file renamed .docx', refuse(/not a Word document/), true);

  // NUL bytes: a few stray ones (a download padded at its end) are dropped; many make it binary.
  const stray = Buffer.concat([Buffer.from(tagged('nul'), 'utf8'), Buffer.alloc(8)]);
  file('nul-tail.txt', stray, 'a text with stray NUL bytes at its end', ok([TITLE, FIRST, TAG('nul')], { warning: /NUL/ }));
  const spread = Buffer.from(utf8);
  for (let i = 5; i < spread.length; i += 3) spread[i] = 0;
  file('nul-spread.txt', spread, 'a text a third of whose bytes are NUL', refuse(/not a text file/));

  // Encodings.
  file('cut-utf8.txt', cutUtf8.subarray(0, cutUtf8.length - 1), 'UTF-8 cut mid-character', ok([TITLE, TAG('cut-utf8')], { warning: /cut off/, encoding: 'utf-8' }));
  file('cut-gb18030.txt', cutGbk.subarray(0, cutGbk.length - 1), 'GB18030 cut mid-character', ok([TITLE, TAG('cut-gb')], { warning: /cut off/, encoding: 'gb18030' }));
  file('gb18030.txt', readFileSync(join(FIXTURES, '001-excerpt.gb18030.txt')), 'GB18030 text', ok([TITLE, FIRST], { encoding: 'gb18030' }));
  file('utf16le-nobom.txt', encodeUtf16(tagged('le'), 'le', false), 'UTF-16 LE without a BOM', ok([TITLE, FIRST, TAG('le')], { encoding: 'utf-16le' }));
  file('utf16be-nobom.txt', encodeUtf16(tagged('be'), 'be', false), 'UTF-16 BE without a BOM', ok([TITLE, FIRST, TAG('be')], { encoding: 'utf-16be' }));
  file('odd-utf16.txt', Buffer.concat([encodeUtf16(tagged('odd'), 'le', true), Buffer.from([0x41])]), 'UTF-16 with half a character at its end', ok([TITLE, TAG('odd')], { warning: /half a character/ }));
  file('big5.txt', encodeLegacy(traditional, 'big5'), 'Big5 Traditional text (Macau)', ok(['第26/2024號法律'], { encoding: 'big5' }));
  file('shift-jis.txt', encodeShiftJis(japanese), 'Shift-JIS Japanese text', ok(['粤港澳大湾区発展計画綱要の概要', 'イノベーション'], { encoding: 'shift_jis' }));
  file('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade.\n'.repeat(30), 'latin1'), 'Latin-1 (not Chinese)', refuse(/encoding is not recognised/));
  file('mixed.txt', Buffer.concat([utf8, gbk]), 'UTF-8 and GBK in one file', refuse(/mixes text encodings/));
  file('meta-utf8-is-gbk.html', Buffer.concat([Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8">'), encodeLegacy(page('', 'meta-gbk').replace('<!DOCTYPE html>\n<html><head>', ''), 'gbk')]), 'GBK bytes under <meta charset="utf-8">', ok([TITLE, FIRST, TAG('meta-gbk')], { encoding: 'gb18030' }));
  file('meta-gbk-is-utf8.html', page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'meta-utf8'), 'UTF-8 bytes under charset=gb2312', ok([TITLE, FIRST, TAG('meta-utf8')], { encoding: 'utf-8' }));

  // Markup.
  const deep = 20000;
  file('deep.html', page('<meta charset="utf-8">', 'deep', `${'<div>'.repeat(deep)}<p>${FIRST}</p>${'</div>'.repeat(deep)}`), `${deep} nested elements`, ok([FIRST]));
  file('unclosed.html', `<html><head><title>${TITLE}</title><body><h1>${TITLE}<p>${excerptLines.slice(1, 4).join('<p>')}<div><span><b><i>`, 'HTML whose elements are never closed', ok([TITLE, FIRST]));
  file(
    'script.html',
    page('<meta charset="utf-8"><script>alert("head")</script><style>p{color:red}</style>', 'script', `<p>${FIRST}</p><script>document.write("内嵌脚本")</script><noscript>请启用脚本</noscript><p>${excerptLines[2] ?? ''}</p>`),
    '<script>, <style> and <noscript>',
    ok([FIRST], { lacks: ['alert', 'document.write', '内嵌脚本', 'color:red'] }),
  );
  file(
    'handlers.html',
    page(
      '<meta charset="utf-8">',
      'handlers',
      `<body onload="alert(1)"><p onclick="alert(2)">${FIRST}</p><a href="javascript:alert(3)">链接甲</a> <a href="data:text/html,<script>alert(4)</script>">链接乙</a><img src="x" onerror="alert(5)"><svg onload="alert(6)"></svg><iframe src="javascript:alert(7)"></iframe>`,
    ),
    'javascript: and data: links, event handlers, an iframe',
    ok([FIRST, '链接甲', '链接乙'], { lacks: ['alert', 'javascript:', 'data:text', 'onerror', 'onload'] }),
  );
  file('navigation.html', '<html><body><nav><a href="/">首页</a></nav><script>var a = 1;</script></body></html>', 'a page of markup and navigation only', refuse(/no (readable text|document with text)/));

  // Size.
  sparse(join(dir, 'huge.txt'), 200 * MB);
  cases.push({ what: 'a 200 MB file', path: join(dir, 'huge.txt'), expected: refuse(/the file is 200 MB; Clauseway imports text files of up to 32 MB/) });
  singleLine(join(dir, 'one-line-50mb.txt'), 50 * MB);
  cases.push({ what: 'a 50 MB single line', path: join(dir, 'one-line-50mb.txt'), expected: refuse(/the file is 50 MB/) });
  singleLine(join(dir, 'one-line-2mb.txt'), 2 * MB);
  cases.push({ what: 'a 2 MB single line', path: join(dir, 'one-line-2mb.txt'), expected: ok(['粤港澳大湾区发展规划纲要']) });

  // Names.
  for (const name of ['广州市 服务贸易措施.txt', `it's "quoted" & more.txt`, '-2.txt', '--data.txt']) {
    file(name, tagged(name), `a name: ${name}`, ok([TITLE, FIRST, TAG(name)]));
  }

  // Not regular files.
  const fifo = join(dir, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  cases.push({ what: 'a named pipe', path: fifo, expected: refuse(/named pipe/) });
  symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
  cases.push({ what: 'a symlink loop', path: join(dir, 'loop-a.txt'), expected: refuse(/links that lead back to each other/) });
  symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
  cases.push({ what: 'a link to nothing', path: join(dir, 'dangling.txt'), expected: refuse(/no such file/) });
  return cases;
}

/** A folder of `n` small files, each a different part of the excerpt under a title of its own. */
export function writeFolder(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const titles: string[] = [];
  for (let i = 0; i < n; i++) {
    const title = `${TITLE}（第${i + 1}份）`;
    titles.push(title);
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), `${title}\n${excerptLines[1 + (i % (excerptLines.length - 1))] ?? ''}\n`);
  }
  return titles;
}
