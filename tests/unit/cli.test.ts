import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import type { ClauseDetail, DocumentSummary, FindHit, OutlineNode } from '../../shared/types.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { FIXTURES, ROOT, tempDir } from '../helpers/library.ts';

describe('clauseway CLI', () => {
  let dir: string;
  let cleanup: () => void;
  let data: string;
  before(async () => {
    ({ dir, cleanup } = tempDir());
    data = join(dir, 'data');
    assert.equal((await cli('ingest', '--data', data)).code, 0);
  });
  after(() => { cleanup(); });

  test('options are accepted before or after the subcommand', async () => {
    const a = await cli('--data', data, '--json', 'docs');
    const b = await cli('docs', '--json', '--data', data);
    assert.equal(a.out, b.out);
    const docs = parsed<DocumentSummary[]>(a);
    assert.ok(docs.length >= 13);
    const d = docs.find((x) => x.title === '粤港澳大湾区发展规划纲要');
    assert.deepEqual(Object.keys(d ?? {}).slice(0, 10), ['id', 'title', 'issuer', 'jurisdiction', 'level', 'jurisdictions', 'date', 'docNumber', 'kind', 'validUntil']);
    assert.ok((d?.clauseCount ?? 0) > 50);
  });

  test('outline, clause and find answer in the documented shapes', async () => {
    const docs = parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', data));
    const annex2 = docs.find((d) => d.title.startsWith('附件2'));
    assert.ok(annex2);
    const tree = parsed<OutlineNode[]>(await cli('outline', annex2.id, '--json', '--data', data));
    const part = tree.find((n) => n.label === '五、');
    assert.deepEqual(Object.keys(part ?? {}), ['id', 'label', 'heading', 'kind', 'children']);
    const task48 = part?.children.find((n) => n.label === '48.');
    assert.ok(task48);
    const clause = parsed<ClauseDetail>(await cli('clause', task48.id, '--json', '--data', data));
    assert.deepEqual(Object.keys(clause), ['id', 'docId', 'label', 'heading', 'text', 'citation', 'units']);
    assert.equal(clause.citation, '附件2 广州市关于推进共建粤港澳大湾区国际金融枢纽三年行动计划（2021-2023年） 五48.');
    assert.deepEqual(clause.units.map((u) => u.role), ['lead', 'lead', 'cooperate']);
    const hits = parsed<FindHit[]>(await cli('find', '建立出口信用保险制度', '--json', '--data', data));
    assert.equal(hits.length, 1);
    assert.deepEqual(Object.keys(hits[0] ?? {}), ['id', 'docId', 'label', 'text']);
  });

  test('search answers [{clauseId, docId, score, snippet}] and takes its filters as flags', async () => {
    const hits = parsed<{ clauseId: string; docId: string; score: number; snippet: string }[]>(await cli('search', '綠色金融', '--json', '--limit', '3', '--data', data));
    assert.equal(hits.length, 3);
    assert.deepEqual(Object.keys(hits[0] ?? {}), ['clauseId', 'docId', 'score', 'snippet']);
    assert.ok(hits.every((h) => h.snippet.includes('<mark>绿色金融</mark>')));
    const docs = parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', data));
    const zhuhai = new Set(docs.filter((d) => d.jurisdictions.some((j) => j.name === '珠海市')).map((d) => d.id));
    const filtered = parsed<{ docId: string }[]>(await cli('search', '跨境电子商务', '--jurisdiction', '珠海市', '--kind', 'policy', '--json', '--data', data));
    assert.ok(filtered.length > 0 && filtered.every((h) => zhuhai.has(h.docId)));
    const bad = await cli('search', '金融', '--kind', 'rumour', '--data', data);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /kind:rumour is not a kind/);
  });

  test('remove takes a document out of the library and out of search', async () => {
    const sub = join(dir, 'remove');
    assert.equal((await cli('ingest', join(FIXTURES, '001-excerpt.utf8.txt'), '--data', sub)).code, 0);
    const [doc] = parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', sub));
    assert.ok(doc);
    assert.equal(parsed<unknown[]>(await cli('search', '深化服务业对外开放', '--json', '--data', sub)).length, 1);
    assert.deepEqual(parsed(await cli('remove', doc.id, '--json', '--data', sub)), { removed: doc.id });
    assert.deepEqual(parsed(await cli('docs', '--json', '--data', sub)), []);
    assert.deepEqual(parsed(await cli('search', '深化服务业对外开放', '--json', '--data', sub)), []);
    assert.equal((await cli('remove', doc.id, '--data', sub)).code, 2);
  });

  test('unknown ids and commands are errors on stderr with a non-zero exit', async () => {
    const r = await cli('outline', 'nope', '--data', data);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /no document with id nope/);
    assert.equal((await cli('frobnicate', '--data', data)).code, 2);
    assert.equal((await cli('--bogus')).code, 2);
  });

  describe('bad input never leaves a half-written library', () => {
    let before: string;
    const docsNow = async (): Promise<string> => (await cli('docs', '--json', '--data', data)).out;
    const refused = async (file: string, problem: RegExp): Promise<void> => {
      const r = await cli('ingest', file, '--data', data);
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      assert.match(r.err, problem);
      assert.equal(await docsNow(), before);
    };

    test('empty, binary and oversized files are refused, naming the file', async () => {
      before = await docsNow();
      const empty = join(dir, 'empty.txt');
      writeFileSync(empty, '');
      await refused(empty, /the file is empty/);
      const binary = join(dir, 'scan.pdf');
      writeFileSync(binary, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0x00, 0x10])]));
      await refused(binary, /this is a PDF file, not text/);
      // 200 MB, sparse: refused from its size before a byte is read.
      const huge = join(dir, 'huge.txt');
      const fd = openSync(huge, 'w');
      ftruncateSync(fd, 200 * 1024 * 1024);
      closeSync(fd);
      await refused(huge, /the file is 200 MB; Clauseway imports text files of up to 32 MB/);
      await refused(join(dir, 'missing.txt'), /no such file/);
    });

    test('GB18030, UTF-16, a cut-off tail and malformed HTML import correctly', async () => {
      for (const name of ['001-excerpt.gb18030.txt', '001-excerpt.utf16le-bom.txt', '001-excerpt.utf16be-nobom.txt']) {
        const sub = join(dir, name.replace('.txt', ''));
        const r = await cli('ingest', join(FIXTURES, name), '--data', sub, '--json');
        assert.equal(r.code, 0, r.err);
        const docs = parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', sub));
        assert.equal(docs[0]?.title, '广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施', name);
        assert.equal(parsed<FindHit[]>(await cli('find', '深化服务业对外开放', '--json', '--data', sub)).length, 1, name);
      }
      const cut = await cli('ingest', join(FIXTURES, '001-excerpt.truncated.txt'), '--data', join(dir, 'cut'));
      assert.equal(cut.code, 0);
      assert.match(cut.err, /warning: .*001-excerpt.truncated.txt: the file ends in the middle of a character/);
      const html = join(dir, 'html');
      assert.equal((await cli('ingest', join(FIXTURES, '000-malformed.html'), '--data', html)).code, 0);
      assert.equal(parsed<FindHit[]>(await cli('find', '尾部段落未闭合的加粗和斜体', '--json', '--data', html)).length, 1);
    });

    test('a bad file among good ones fails alone: the good ones are stored, the exit is non-zero', async () => {
      const sub = join(dir, 'mixed');
      const empty = join(dir, 'empty2.txt');
      writeFileSync(empty, '');
      const good = join(dir, 'good.txt');
      copyFileSync(join(FIXTURES, '001-excerpt.utf8.txt'), good);
      const r = await cli('ingest', empty, good, '--data', sub);
      assert.equal(r.code, 1);
      assert.match(r.err, /empty2.txt: the file is empty/);
      assert.equal(parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', sub)).length, 1);
    });
  });

  test('the installed bin runs on the pinned Node and honours CLAUSEWAY_DATA', () => {
    const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'node'), [join(ROOT, 'bin', 'clauseway.js'), 'find', '--json', '单一窗口'], {
      env: { ...process.env, CLAUSEWAY_DATA: data },
      encoding: 'utf8',
    });
    const hits = JSON.parse(out) as FindHit[];
    assert.ok(hits.length >= 5);
    assert.ok(hits.every((h) => h.text.includes('单一窗口')));
    const bad = spawnSync(join(ROOT, 'node_modules', '.bin', 'node'), [join(ROOT, 'bin', 'clauseway.js'), 'clause'], { env: { ...process.env, CLAUSEWAY_DATA: data }, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /usage: clauseway clause CLAUSE_ID/);
  });
});
