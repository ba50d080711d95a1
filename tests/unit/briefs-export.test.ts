// Each export of a brief made from the seeds, opened and read back: the DOCX's XML (fonts, page,
// margins, shading, footer), the PDF's text and pages, the HTML's safety and citations, the
// Markdown's citations; a rendered first page of the DOCX (LibreOffice) and of the PDF lands in
// test-results/briefs/ to be looked at. Writes go atomically, and a full disk or a folder that
// cannot be written says so, naming the path, and leaves what was there.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Brief, BriefExcerpt } from '../../shared/api.ts';
import type { EngineApi } from '../../electron/core/api/engine-api.ts';
import { citationLine, citedWork } from '../../electron/core/briefs/export/model.ts';
import { chromiumPdf, findChromium, NO_CHROMIUM } from '../../electron/core/briefs/export/pdf.ts';
import { BriefService } from '../../electron/core/briefs/service.ts';
import type { AnnotationStore } from '../../electron/core/annotations/index.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { meetingBrief, largeBrief } from '../helpers/briefs.ts';
import { engineOver, ROOT, seededLibrary, tempDir } from '../helpers/library.ts';

const OUT = join(ROOT, 'test-results', 'briefs');
const has = (program: string): boolean => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

let library: Library;
let dir: string;
let cleanup: () => void;
let engine: EngineApi;
let store: AnnotationStore;
let close: () => void;
let brief: Brief;

before(async () => {
  ({ library, dir, cleanup } = seededLibrary());
  ({ engine, store, close } = engineOver(library, dir));
  brief = await meetingBrief(engine, library);
  mkdirSync(OUT, { recursive: true });
});
after(() => {
  close();
  cleanup();
});

const excerpts = (b: Brief): BriefExcerpt[] => b.sections.flatMap((s) => s.items).filter((x): x is BriefExcerpt => x.kind === 'excerpt');
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const htmlEscape = (s: string): string => xmlEscape(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Text as pdftotext gives it, compared without the line breaks and spaces it puts in. */
const squeeze = (s: string): string => s.replace(/\s+/g, '');

async function exported(format: 'docx' | 'pdf' | 'html' | 'md', b: Brief = brief): Promise<string> {
  const path = join(OUT, `meeting-brief.${format}`);
  const r = await engine.exportBrief({ id: b.id, format, path });
  assert.equal(r.path, path);
  assert.equal(r.size, readFileSync(path).length);
  return path;
}

test('DOCX: A4 with the GB/T 9704 margins, its fonts and fallbacks, every excerpt and citation, shading, page numbers', async () => {
  const zip = unzipSync(readFileSync(await exported('docx')));
  const part = (name: string): string => {
    const data = zip[name];
    assert.ok(data, `the package holds ${name}`);
    return strFromU8(data);
  };
  const doc = part('word/document.xml');
  assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
  for (const [side, twips] of [['top', 2098], ['bottom', 1984], ['left', 1587], ['right', 1474]] as const) {
    assert.match(doc, new RegExp(`<w:pgMar [^>]*w:${side}="${twips}"`), `${side} margin`);
  }
  for (const font of ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312']) assert.ok(doc.includes(`w:eastAsia="${font}"`), font);
  assert.ok(doc.includes('<w:sz w:val="44"/>'), 'the title in 二号');
  assert.ok(doc.includes('<w:sz w:val="32"/>'), 'the body in 三号');
  const fonts = part('word/fontTable.xml');
  assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong,STFangsong,Noto Serif CJK SC"\/>/);
  assert.match(fonts, /<w:font w:name="楷体_GB2312"><w:altName w:val="KaiTi,STKaiti,Noto Serif CJK SC"\/>/);
  assert.ok(doc.includes(xmlEscape(brief.title)));
  assert.ok(doc.includes('一、国家层面的总体要求') && doc.includes('二、各地落实情况') && doc.includes('（一）广州市'));
  const rels = part('word/_rels/document.xml.rels');
  for (const x of excerpts(brief)) {
    for (const line of x.quote.split('\n')) assert.ok(doc.includes(xmlEscape(line)), `the quote ${line.slice(0, 20)}`);
    assert.ok(doc.includes(xmlEscape(citedWork(x.citation))), `the citation ${x.citation.text}`);
    assert.ok(rels.includes(`Target="${x.link}"`), `the link ${x.link}`);
  }
  assert.ok(doc.includes('w:fill="FFF0A0"'), 'a yellow highlight as shading');
  assert.ok(doc.includes('相互衔接') && doc.includes('批注：'), 'the note');
  const footer = Object.keys(zip).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(part).join('');
  assert.ok(footer.includes('PAGE') && footer.includes('— ') && footer.includes(' —'), 'page numbers — 1 —');
  assert.match(footer, /<w:jc w:val="center"\/>/);
});

test('DOCX: page 1 rendered by LibreOffice', { skip: !has('soffice') || !has('pdftoppm') ? 'needs libreoffice and poppler-utils' : false }, async () => {
  const docx = await exported('docx');
  const lo = join(OUT, 'libreoffice');
  const profile = tempDir();
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile.dir}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, docx], { stdio: 'ignore', timeout: 180_000 });
  } finally {
    profile.cleanup();
  }
  const pdf = join(lo, 'meeting-brief.pdf');
  const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  assert.ok(text.includes(squeeze(brief.title)));
  assert.ok(text.includes('—1—'), 'the page number');
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'docx-page-1')]);
  assert.ok(existsSync(join(OUT, 'docx-page-1.png')));
});

test('PDF: printed by headless Chromium, it holds every citation and its pages render', { skip: !has('pdftotext') || !has('pdftoppm') ? 'needs poppler-utils' : false }, async (t) => {
  if (findChromium() === null) {
    await assert.rejects(engine.exportBrief({ id: brief.id, format: 'pdf' }), { message: NO_CHROMIUM });
    t.diagnostic('no Chromium here: the message was checked instead');
    return;
  }
  const pdf = await exported('pdf');
  assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
  const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  assert.ok(text.includes(squeeze(brief.title)));
  for (const x of excerpts(brief)) assert.ok(text.includes(squeeze(citationLine(x.citation))), `the citation ${x.citation.text}`);
  assert.ok(text.includes('—1—'), 'the page number');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  assert.ok(pages >= 2);
  execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(OUT, 'pdf-page')]);
  const rendered = readdirSync(OUT).filter((f) => /^pdf-page-\d+\.png$/.test(f));
  assert.ok(rendered.length >= pages, `every page rendered (${rendered.length})`);
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'pdf-page-1-large')]);
});

test('PDF: without a browser to print with, the message says what to install', async () => {
  const noBrowser = new BriefService(library, store, () => [], { printToPdf: chromiumPdf({ CLAUSEWAY_CHROMIUM: join(dir, 'no-such-browser') }) });
  const target = join(OUT, 'never.pdf');
  await assert.rejects(noBrowser.export({ id: brief.id, format: 'pdf', path: target }), { message: NO_CHROMIUM });
  assert.ok(!existsSync(target));
});

test('HTML: one file with its styles, no script, every text escaped, every citation and link', async () => {
  const hostile = await engine.createBrief({ title: '<script>alert("标题")</script>', subtitle: '<img src=x onerror=alert(1)>' });
  const clause = excerpts(brief)[0]?.clauseId ?? '';
  await engine.addToBrief(hostile.id, [
    { kind: 'clause', clauseId: clause, note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '</p><script>alert(2)</script><a href="javascript:x">' }] }] } },
    { kind: 'heading', text: '<style>body{display:none}</style>' },
  ]);
  for (const b of [brief, (await engine.getBrief(hostile.id)) ?? hostile]) {
    const html = readFileSync(await exported('html', b), 'utf8');
    assert.doesNotMatch(html, /<script/i);
    // No tag carries a handler, a source or a script address; no element loads anything.
    assert.doesNotMatch(html, /<[^>]*\son\w+\s*=/i);
    assert.doesNotMatch(html, /<[^>]*\ssrc\s*=/i);
    assert.doesNotMatch(html, /href="javascript:/i);
    assert.doesNotMatch(html, /<(link|img|iframe|object|embed)\b/i);
    assert.equal(html.match(/<style>/g)?.length, 1, 'one style element, ours');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    for (const x of excerpts(b)) {
      assert.ok(html.includes(htmlEscape(citedWork(x.citation))), x.citation.text);
      assert.ok(html.includes(`href="${x.link}"`), x.link);
    }
  }
  const html = readFileSync(join(OUT, 'meeting-brief.html'), 'utf8');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;标题&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
  assert.equal(await engine.previewBrief(hostile.id), html, 'the preview is the HTML export');
});

test('Markdown: every excerpt a blockquote ending with its citation and link', async () => {
  const md = readFileSync(await exported('md'), 'utf8');
  assert.ok(md.startsWith(`# ${brief.title}\n`));
  assert.ok(md.includes('## 一、国家层面的总体要求') && md.includes('### （一）广州市'));
  for (const x of excerpts(brief)) {
    const work = citedWork(x.citation).replace(/[[\]]/g, (c) => `\\${c}`);
    assert.ok(md.includes(`> ——[${work}](<${x.link}>)`), x.citation.text);
    assert.ok(md.includes(`> ${x.quote.split('\n')[0] ?? ''}`));
  }
  assert.ok(md.includes('**相互衔接**'));
});

test('a file already there is replaced whole; a relative path or a wrong extension is refused', async () => {
  const path = join(OUT, 'replace.md');
  writeFileSync(path, 'old');
  await engine.exportBrief({ id: brief.id, format: 'md', path });
  assert.ok(readFileSync(path, 'utf8').startsWith('# '));
  assert.deepEqual(readdirSync(OUT).filter((f) => f.endsWith('.tmp')), []);
  await assert.rejects(engine.exportBrief({ id: brief.id, format: 'md', path: 'brief.md' }), /give the full path/);
  await assert.rejects(engine.exportBrief({ id: brief.id, format: 'docx', path: join(OUT, 'brief.doc') }), /must end in \.docx/);
});

const root = process.getuid?.() === 0;
const canMount = root && has('mount');

/** A small tmpfs at `at` for the length of `f` (root only). */
async function withTmpfs(at: string, options: string, f: () => Promise<void>): Promise<void> {
  mkdirSync(at, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  try {
    await f();
  } finally {
    execFileSync('umount', [at]);
  }
}

test('a full disk: the message names the file, and the file that was there is left whole', { skip: canMount ? false : 'needs root to mount a small tmpfs' }, async () => {
  const big = await largeBrief(engine, library, 400);
  const disk = tempDir();
  try {
    await withTmpfs(disk.dir, 'size=64k', async () => {
      const path = join(disk.dir, 'brief.html');
      writeFileSync(path, 'the old brief');
      await assert.rejects(engine.exportBrief({ id: big.id, format: 'html', path }), { message: `${path}: the disk is full, so the brief could not be written (the file already at ${path} was left as it was); free some space or choose another folder` });
      assert.equal(readFileSync(path, 'utf8'), 'the old brief');
      assert.deepEqual(readdirSync(disk.dir), ['brief.html']);
    });
  } finally {
    disk.cleanup();
  }
});

test('a folder that cannot be written: the message names it and nothing is written', { skip: root && !canMount ? 'as root, needs mount for a read-only folder' : false }, async () => {
  const folder = tempDir();
  const path = join(folder.dir, 'brief.docx');
  try {
    if (root) {
      await withTmpfs(folder.dir, 'size=1m,ro', async () => {
        await assert.rejects(engine.exportBrief({ id: brief.id, format: 'docx', path }), { message: `${folder.dir}: this folder is on a read-only disk, so the brief could not be written (no file was written at ${path}); choose another folder` });
      });
    } else {
      chmodSync(folder.dir, 0o500);
      await assert.rejects(engine.exportBrief({ id: brief.id, format: 'docx', path }), { message: `${folder.dir}: Clauseway may not write in this folder, so the brief could not be written (no file was written at ${path}); choose another folder` });
      chmodSync(folder.dir, 0o700);
    }
    assert.ok(!existsSync(path));
  } finally {
    folder.cleanup();
  }
});
