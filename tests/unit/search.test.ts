import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fold } from '../../shared/fold.ts';
import { groupByDocument } from '../../shared/group.ts';
import { parseQuery } from '../../shared/query.ts';
import { excerpt, markedSnippet, matchRanges } from '../../shared/snippet.ts';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { Searcher } from '../../electron/core/search/searcher.ts';
import { Library } from '../../electron/core/store/library.ts';
import { docByTitle, FIXTURES, seededLibrary, seededSearcher } from '../helpers/library.ts';

test('folding maps Traditional to Simplified and full-width to ASCII without changing length', () => {
  for (const [t, s] of [['綠色金融', '绿色金融'], ['粵港澳大灣區', '粤港澳大湾区'], ['ＣＥＰＡ', 'cepa'], ['香港特別行政區', '香港特别行政区']]) {
    assert.equal(fold(t ?? ''), s);
    assert.equal(fold(t ?? '').length, (t ?? '').length);
  }
  assert.equal(fold('穗港澳'), '穗港澳');
});

test('the query language: terms, quoted phrases, filters and their problems', () => {
  const q = parseQuery('绿色 "跨境 理财通" “单一窗口” jurisdiction:珠海市 level:city kind:policy year:2018-2020 doc:abc');
  assert.deepEqual(q.terms, ['绿色', '跨境 理财通', '单一窗口']);
  assert.deepEqual(q.filters, { jurisdiction: '珠海市', level: 'city', kind: 'policy', yearFrom: 2018, yearTo: 2020, docId: 'abc' });
  assert.deepEqual(parseQuery('綠色　金融').folded, ['绿色', '金融']);
  assert.deepEqual(parseQuery('x level:town year:soon').problems, [{ code: 'bad-level', value: 'town' }, { code: 'bad-year', value: 'soon' }]);
});

test('snippets mark every term and show all the different terms when they fit', () => {
  const text = '支持香港打造大湾区绿色金融中心，建设国际认可的绿色债券认证机构。' + '其他内容。'.repeat(30) + '香港';
  const ex = excerpt(text, matchRanges(text, ['绿色', '香港'], fold), fold, 40);
  assert.ok(ex.text.includes('香港') && ex.text.includes('绿色'));
  assert.equal(markedSnippet({ text: 'a<b>绿色', marks: [[4, 6]], clippedStart: true, clippedEnd: false }), '…a&lt;b&gt;<mark>绿色</mark>');
});

describe('search over the seeds', () => {
  let library: Library;
  let searcher: Searcher;
  let cleanup: () => void;
  before(() => {
    ({ library, searcher, cleanup } = seededSearcher());
  });
  after(() => { cleanup(); });

  const ids = (query: string, limit = 5000): string[] => searcher.search(query, { limit }).hits.map((h) => h.clauseId).sort();
  const containing = (text: string): string[] => library.find(text).map((h) => h.id).sort();

  test('建立出口信用保险制度 finds the Outline clause although a page break cuts it in the file', () => {
    const res = searcher.search('建立出口信用保险制度');
    const [hit, ...more] = res.hits;
    assert.ok(hit);
    assert.equal(more.length, 0);
    assert.equal(hit.docId, docByTitle(library, '粤港澳大湾区发展规划纲要').id);
    assert.match(hit.snippet, /<mark>建立出口信用保险制度<\/mark>/);
  });

  test('綠色金融 and 绿色金融 return the same clauses, from at least three documents', () => {
    const t = ids('綠色金融');
    assert.deepEqual(t, ids('绿色金融'));
    assert.deepEqual(t, containing('绿色金融'));
    const docs = new Set(searcher.search('綠色金融', { limit: 100 }).hits.map((h) => h.docId));
    assert.ok(docs.size >= 3, `${docs.size} documents`);
  });

  test('穗, one character, returns exactly the Guangzhou clauses that contain it', () => {
    const hits = searcher.search('穗', { limit: 5000 }).hits;
    assert.deepEqual(hits.map((h) => h.clauseId).sort(), containing('穗'));
    const guangzhou = new Set(library.listDocuments().filter((d) => d.jurisdictions.some((j) => j.name === '广州市')).map((d) => d.id));
    assert.ok(hits.length > 10);
    assert.ok(hits.every((h) => guangzhou.has(h.docId)));
  });

  test('"绿色 香港" returns only clauses with both, and those with both side by side first', () => {
    const both = containing('绿色').filter((id) => containing('香港').includes(id));
    assert.deepEqual(ids('绿色 香港'), both);
    const res = searcher.search('大湾区 金融', { limit: 200 });
    const firstTerms = res.hits.findIndex((h) => h.tier === 'terms');
    assert.ok(firstTerms > 0, 'some clauses hold 大湾区金融 as typed');
    assert.ok(res.hits.slice(0, firstTerms).every((h) => library.clause(h.clauseId)?.text.includes('大湾区金融')));
    assert.ok(res.hits.slice(firstTerms).every((h) => h.tier === 'terms'));
    assert.ok(res.hits.every((h, i) => i === 0 || (res.hits[i - 1]?.score ?? 0) >= h.score));
  });

  test('a quoted phrase must occur exactly', () => {
    assert.deepEqual(ids('"国际金融枢纽"'), containing('国际金融枢纽'));
    assert.deepEqual(ids('"金融 枢纽"'), containing('金融 枢纽'));
  });

  test('filters: by 珠海市 only Zhuhai documents; by kind, level, year and document', () => {
    const zhuhai = new Set(library.listDocuments().filter((d) => d.jurisdictions.some((j) => j.name === '珠海市')).map((d) => d.id));
    const hits = searcher.search('跨境电子商务', { limit: 500, filters: { jurisdiction: '珠海市' } }).hits;
    assert.ok(hits.length > 5);
    assert.ok(hits.every((h) => zhuhai.has(h.docId)));
    assert.deepEqual(searcher.search('跨境电子商务 jurisdiction:珠海', { limit: 500 }).hits.map((h) => h.clauseId), hits.map((h) => h.clauseId));
    const docs = new Map(library.listDocuments().map((d) => [d.id, d]));
    assert.ok(searcher.search('金融 kind:news', { limit: 500 }).hits.every((h) => docs.get(h.docId)?.kind === 'news'));
    assert.ok(searcher.search('金融 level:national', { limit: 500 }).hits.every((h) => docs.get(h.docId)?.level === 'national'));
    const y = searcher.search('金融 year:2019-2020', { limit: 500 }).hits;
    assert.ok(y.length > 0 && y.every((h) => /^(2019|2020)/.test(docs.get(h.docId)?.date ?? '')));
    const outline = docByTitle(library, '粤港澳大湾区发展规划纲要').id;
    assert.ok(searcher.search(`金融 doc:${outline}`, { limit: 500 }).hits.every((h) => h.docId === outline));
  });

  test('a clause under a heading that names the topic ranks above passing mentions', () => {
    const res = searcher.search('绿色金融', { limit: 20 });
    const top = res.hits.slice(0, 5).map((h) => h.heading ?? '');
    assert.ok(top.some((h) => h.includes('绿色金融')), top.join(' | '));
    const headed = res.hits.find((h) => h.heading?.includes('绿色金融'));
    assert.ok((headed?.headingMarks.length ?? 0) > 0);
  });

  test('results group by document in rank order', () => {
    const res = searcher.search('跨境电子商务', { limit: 100, count: true });
    const groups = groupByDocument(res.hits);
    assert.equal(groups.reduce((n, g) => n + g.hits.length, 0), res.hits.length);
    assert.equal(groups[0]?.docId, res.hits[0]?.docId);
    // The full name also searches its short form (shared/abbreviations.ts).
    assert.equal(res.total, new Set([...containing('跨境电子商务'), ...containing('跨境电商')]).size);
  });

  test('property: a random substring of 2–12 characters of any clause finds that clause (100% recall)', () => {
    const rows = library.db.prepare('SELECT id, text FROM clauses').all() as { id: string; text: string }[];
    let seed = 20261122;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let checked = 0;
    for (const row of rows) {
      // Code points, so that a sample never splits a surrogate pair.
      const chars = Array.from(row.text);
      if (chars.length < 2) continue;
      for (let k = 0; k < 3; k++) {
        const len = 2 + Math.floor(random() * Math.min(11, chars.length - 1));
        const start = Math.floor(random() * (chars.length - len + 1));
        const sub = chars.slice(start, start + len).join('');
        // Quotes, a leading - (leave out) or a lone OR would make the sample a different query,
        // and white space alone asks for nothing.
        if (/["“”「」]/.test(sub) || !sub.trim() || sub.split(/\s+/).some((w) => w.startsWith('-') || w === 'OR')) continue;
        const found = searcher.search(sub, { limit: 5000 }).hits.some((h) => h.clauseId === row.id);
        assert.ok(found, `"${sub}" from ${row.id}`);
        checked++;
      }
    }
    assert.ok(checked > 1500, `${checked} samples`);
  });
});

describe('search indexes follow the library', () => {
  let library: Library;
  let searcher: Searcher;
  let cleanup: () => void;
  before(() => ({ library, cleanup } = seededLibrary()));
  after(() => { cleanup(); });

  test('adding and removing a document updates both indexes, and an unchanged library rebuilds nothing', () => {
    searcher = new Searcher(library.db);
    assert.equal(searcher.open().rebuilt, 'base');
    // A second start loads the stored shards and rebuilds nothing.
    assert.equal(new Searcher(library.db).open().rebuilt, 'none');

    const before = searcher.search('隐私计算', { count: true }).total;
    ingestFile(library, join(FIXTURES, '001-excerpt.gb18030.txt'));
    const report = searcher.docIndex.refresh();
    assert.equal(report.rebuilt, 'delta');
    assert.ok(report.entries < 20, 'only the new document was indexed');
    // The excerpt is a copy of measures already in the seeds: the new document adds its matches.
    const added = library.listDocuments().find((d) => d.source.endsWith('001-excerpt.gb18030.txt'));
    assert.ok(added);
    assert.ok(searcher.search(`深化服务业对外开放 doc:${added.id}`).hits.length === 1);
    assert.ok((searcher.search('便利专业人才跨境流动 level:city', { count: true }).total ?? 0) >= 1);

    assert.ok(library.removeDocument(added.id));
    assert.equal(searcher.docIndex.refresh().rebuilt, 'delta');
    assert.equal(searcher.search(`深化服务业对外开放 doc:${added.id}`).hits.length, 0);
    assert.equal(searcher.search('隐私计算', { count: true }).total, before);
    const orphans = library.db.prepare('SELECT count(*) AS n FROM clause_grams WHERE rowid NOT IN (SELECT seq FROM clauses)').get() as { n: number };
    assert.equal(orphans.n, 0);
  });
});
