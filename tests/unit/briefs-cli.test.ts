// The brief commands of the command line: create, add clauses, words of a clause and annotations,
// list, show, export to each format; and what a wrong use or a missing browser says.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Brief, BriefSummary } from '../../shared/api.ts';
import type { FindHit } from '../../shared/types.ts';
import { findChromium } from '../../electron/core/briefs/export/pdf.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { run } from '../../electron/core/cli/main.ts';
import { tempDir } from '../helpers/library.ts';

let dir: string;
let cleanup: () => void;
let data: string;
let hits: FindHit[];

before(async () => {
  ({ dir, cleanup } = tempDir());
  data = join(dir, 'data');
  assert.equal((await cli('ingest', '--data', data)).code, 0);
  hits = parsed<FindHit[]>(await cli('--data', data, '--json', 'find', '跨境电子商务综合试验区'));
  assert.ok(hits.length >= 3);
});
after(() => { cleanup(); });

test('brief create, add, list, show: excerpts with their citations and links', async () => {
  const { id } = parsed<{ id: string }>(await cli('--data', data, '--json', 'brief', 'create', '珠海与东莞', '跨境电商', '--subtitle', '呈：办公室'));
  const [a, b, c] = hits;
  assert.ok(a && b && c);
  const added = parsed<{ added: string[] }>(await cli('--data', data, '--json', 'brief', 'add', id, a.id, b.id));
  assert.equal(added.added.length, 2);
  parsed(await cli('--data', data, '--json', 'brief', 'add', id, c.id, '--quote', '跨境电子商务综合试验区'));
  const note = parsed<{ id: string }>(await cli('--data', data, '--json', 'annotate', a.id, '--quote', a.text.slice(0, 8), '--note', '重点', '--tag', '电商'));
  parsed(await cli('--data', data, '--json', 'brief', 'add', id, '--annotation', note.id));
  parsed(await cli('--data', data, '--json', 'brief', 'add', id, '--tag', '电商', '--color', 'yellow'));
  const list = parsed<BriefSummary[]>(await cli('--data', data, '--json', 'brief', 'list'));
  assert.deepEqual(list.map((x) => [x.id, x.title, x.subtitle, x.excerptCount]), [[id, '珠海与东莞 跨境电商', '呈：办公室', 5]]);
  const shown = parsed<Brief>(await cli('--data', data, '--json', 'brief', 'show', id));
  const items = shown.sections[0]?.items ?? [];
  assert.deepEqual(items.map((x) => (x.kind === 'excerpt' ? x.quote.slice(0, 8) : x.kind)), [a.text.slice(0, 8), b.text.slice(0, 8), '跨境电子商务综合', a.text.slice(0, 8), a.text.slice(0, 8)]);
  const text = (await cli('--data', data, 'brief', 'show', id)).out;
  assert.ok(text.includes(`clauseway://c/${a.id}`));
  assert.ok(text.includes('——《'));
});

test('brief export writes each format at --out; the DOCX and Markdown carry every citation', async () => {
  const { id } = parsed<{ id: string }>(await cli('--data', data, '--json', 'brief', 'create', '导出'));
  parsed(await cli('--data', data, '--json', 'brief', 'add', id, ...hits.slice(0, 3).map((h) => h.id)));
  const shown = parsed<Brief>(await cli('--data', data, '--json', 'brief', 'show', id));
  const cites = shown.sections.flatMap((s) => s.items).flatMap((x) => (x.kind === 'excerpt' ? [`《${x.citation.docTitle}》${x.citation.label}`] : []));
  for (const format of ['docx', 'html', 'md'] as const) {
    const out = join(dir, `brief.${format}`);
    const done = parsed<{ path: string; size: number }>(await cli('--data', data, '--json', 'brief', 'export', id, '--format', format, '--out', out));
    assert.equal(done.path, out);
    const body = format === 'docx' ? strFromU8(unzipSync(readFileSync(out))['word/document.xml'] ?? new Uint8Array()) : readFileSync(out, 'utf8');
    for (const cite of cites) assert.ok(body.includes(cite), `${format}: ${cite}`);
  }
  if (findChromium() !== null) {
    const out = join(dir, 'brief.pdf');
    assert.equal((await cli('--data', data, 'brief', 'export', id, '--format', 'pdf', '--out', out)).code, 0);
    assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
  }
  let err = '';
  const code = await run(['--data', data, 'brief', 'export', id, '--format', 'pdf', '--out', join(dir, 'none.pdf')], { out: () => undefined, err: (s) => (err += s), env: { CLAUSEWAY_CHROMIUM: join(dir, 'no-browser') } });
  assert.equal(code, 1);
  assert.match(err, /^clauseway: a PDF is printed by Chromium or Google Chrome, and neither was found: install one \(Debian or Ubuntu: apt-get install chromium fonts-noto-cjk/);
  assert.ok(!existsSync(join(dir, 'none.pdf')));
});

test('wrong uses say what is expected, with exit 2; a missing brief or clause, with exit 1', async () => {
  const usage = [
    [['brief', 'create'], /usage: clauseway brief create TITLE/],
    [['brief', 'export', 'x', '--out', join(dir, 'a.md')], /usage: clauseway brief export BRIEF_ID --format/],
    [['brief', 'export', 'x', '--format', 'odt', '--out', join(dir, 'a.odt')], /--format must be one of docx, pdf, html, md/],
    [['brief', 'add', 'x', 'not-a-clause'], /"not-a-clause" is not a clause id/],
    [['brief', 'frobnicate'], /unknown brief command "frobnicate"/],
  ] as const;
  for (const [args, message] of usage) {
    const r = await cli('--data', data, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
  const missing = await cli('--data', data, 'brief', 'add', '00000000-0000-4000-8000-000000000000', hits[0]?.id ?? '');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no brief has the id 00000000-0000-4000-8000-000000000000/);
  const { id } = parsed<{ id: string }>(await cli('--data', data, '--json', 'brief', 'create', '缺条'));
  const gone = await cli('--data', data, 'brief', 'add', id, 'ffffffffffff-ffffffffff');
  assert.equal(gone.code, 1);
  assert.match(gone.err, /no clause with id ffffffffffff-ffffffffff is in the library/);
});
