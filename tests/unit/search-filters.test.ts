// Search for daily use, over the seeds: filters without a word, pages past the first with the true
// total, OR and leaving words out, abbreviations, document numbers, the full label path of a hit,
// policy above news at equal match, and a responsible unit as a filter.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Searcher } from '../../electron/core/search/searcher.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docByTitle, seededSearcher } from '../helpers/library.ts';

describe('search for daily use, over the seeds', () => {
  let library: Library;
  let searcher: Searcher;
  let cleanup: () => void;
  before(() => {
    ({ library, searcher, cleanup } = seededSearcher());
  });
  after(() => { cleanup(); });

  const containing = (...texts: string[]): Set<string> => new Set(texts.flatMap((t) => library.find(t).map((h) => h.id)));
  const kindOf = (docId: string): string | undefined => library.document(docId)?.kind;
  /** The clauses with text of the documents a condition on `documents d` keeps: the oracle of a filter. */
  const clausesWhere = (sql: string, ...params: string[]): Set<string> =>
    new Set(library.db.prepare<string[], string>(`SELECT c.id FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE c.text <> '' AND ${sql}`).pluck().all(...params));

  test('jurisdiction:珠海市 alone lists every clause of the Zhuhai documents, policies first, in reading order', () => {
    const res = searcher.search('jurisdiction:珠海市', { limit: 5000, count: true });
    const expected = clausesWhere("EXISTS (SELECT 1 FROM json_each(d.jurisdictions) j WHERE json_extract(j.value, '$.name') = ?)", '珠海市');
    assert.ok(expected.size > 100);
    assert.equal(res.total, expected.size);
    assert.deepEqual(new Set(res.hits.map((h) => h.clauseId)), expected);
    assert.ok(res.hits.every((h) => h.tier === 'listed'));
    const firstNews = res.hits.findIndex((h) => kindOf(h.docId) === 'news');
    assert.ok(firstNews > 0 && res.hits.slice(firstNews).every((h) => kindOf(h.docId) === 'news'));
    // Within a document, the clauses come in reading order.
    const zhuhai = docByTitle(library, '中国（珠海）跨境电子商务综合试验区实施方案');
    const order = library.documentView(zhuhai.id)?.clauses.filter((c) => c.text !== '').map((c) => c.id);
    assert.deepEqual(res.hits.filter((h) => h.docId === zhuhai.id).map((h) => h.clauseId), order);
  });

  test('level:city kind:policy lists the city policies; -word narrows a listing', () => {
    const res = searcher.search('level:city kind:policy', { limit: 5000, count: true });
    const expected = clausesWhere("d.level = 'city' AND d.kind = 'policy'");
    assert.equal(res.total, expected.size);
    assert.deepEqual(new Set(res.hits.map((h) => h.clauseId)), expected);
    const without = searcher.search('level:city kind:policy -金融', { limit: 5000, count: true });
    assert.equal(without.total, [...expected].filter((id) => !containing('金融').has(id)).length);
    assert.equal(searcher.search('-金融', { count: true }).total, 0);
  });

  test('pages: offset continues the same ranking past 100, with the true total', () => {
    const all = searcher.search('金融', { limit: 5000, count: true });
    assert.ok((all.total ?? 0) > 100, `${all.total} hits`);
    assert.equal(all.total, containing('金融').size);
    const first = searcher.search('金融', { limit: 100, count: true });
    const second = searcher.search('金融', { limit: 100, offset: 100, count: true });
    assert.equal(first.hits.length, 100);
    assert.equal(second.offset, 100);
    assert.equal(second.total, all.total);
    assert.deepEqual([...first.hits, ...second.hits].map((h) => h.clauseId), all.hits.map((h) => h.clauseId));
    const listed = searcher.search('jurisdiction:珠海市', { limit: 50, offset: 50 });
    assert.deepEqual(listed.hits.map((h) => h.clauseId), searcher.search('jurisdiction:珠海市', { limit: 100 }).hits.slice(50).map((h) => h.clauseId));
  });

  test('跨境电商 finds the Zhuhai and Dongguan 跨境电子商务 plans, and says it searched that too', () => {
    const res = searcher.search('跨境电商', { limit: 5000, count: true });
    assert.deepEqual(res.expansions, [{ term: '跨境电商', also: ['跨境电子商务'] }]);
    const docs = new Set(res.hits.map((h) => h.docId));
    for (const title of ['中国（珠海）跨境电子商务综合试验区实施方案', '中国（东莞）跨境电子商务综合试验区实施方案']) assert.ok(docs.has(docByTitle(library, title).id), title);
    assert.equal(res.total, containing('跨境电商', '跨境电子商务').size);
    assert.ok(res.folded.includes('跨境电子商务'));
    assert.ok(res.hits.some((h) => h.snippet.includes('<mark>跨境电子商务</mark>')));
  });

  test('OR finds either term, -word leaves clauses out', () => {
    assert.equal(searcher.search('绿色金融 OR 碳金融', { count: true }).total, containing('绿色金融', '碳金融').size);
    const minus = searcher.search('金融 -保险', { limit: 5000, count: true });
    const expected = [...containing('金融')].filter((id) => !containing('保险').has(id));
    assert.equal(minus.total, expected.length);
    assert.deepEqual(new Set(minus.hits.map((h) => h.clauseId)), new Set(expected));
  });

  test('a document number finds its document in any bracket form', () => {
    const doc = docByTitle(library, '广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知');
    assert.equal(doc.docNumber, '粤府函〔2019〕31号');
    for (const q of ['粤府函〔2019〕31号', '粤府函[2019]31号', '粤府函（2019）31号', '粤府函(2019)31号', '粤府函﹝2019﹞31号', '粤府函【2019】31号', '粤府函［2019］31号']) {
      const res = searcher.search(q, { count: true });
      assert.equal(res.hits[0]?.docId, doc.id, q);
      assert.ok((res.total ?? 0) >= 1, q);
    }
    // 36号 is another document.
    assert.notEqual(searcher.search('粤府函[2019]36号').hits[0]?.docId, doc.id);
  });

  test('every hit carries its full label path (第九章 第三节, not 第三节 alone)', () => {
    const outline = docByTitle(library, '粤港澳大湾区发展规划纲要');
    const res = searcher.search('葡语国家', { limit: 50 });
    const sections = res.hits.filter((h) => h.docId === outline.id && h.label.endsWith('节'));
    assert.ok(sections.length > 0);
    for (const h of sections) assert.match(h.labelPath, /^第[一二三四五六七八九十]+章 第[一二三四五六七八九十]+节$/);
    // The citation prints labels in one style: （十六） for a (十六) as printed, 一 for 一、.
    const bare = (s: string): string => s.replace(/[（）()、.．\s]/g, '');
    for (const h of searcher.search('跨境电商', { limit: 100 }).hits) {
      assert.ok(bare(h.labelPath).endsWith(bare(h.label)), `${h.labelPath} / ${h.label}`);
      assert.equal(h.citation.endsWith(h.labelPath), true);
    }
  });

  test('at equal match a policy comes before a news report (绿色金融, 葡语国家, 金融)', () => {
    for (const q of ['绿色金融', '葡语国家', '金融']) {
      const hits = searcher.search(q, { limit: 500 }).hits;
      assert.ok(hits.some((h) => kindOf(h.docId) === 'news'), `${q}: news is found`);
      for (const tier of ['phrase', 'terms']) {
        const kinds = hits.filter((h) => h.tier === tier).map((h) => kindOf(h.docId) === 'news');
        assert.ok(kinds.every((news, i) => !news || kinds.slice(i).every(Boolean)), `${q}: a policy after news in tier ${tier}`);
      }
      assert.notEqual(kindOf(hits[0]?.docId ?? ''), 'news', q);
    }
  });

  test('unit:市地方金融监管局 keeps the clauses that unit leads, cooperates on or supports', () => {
    const expected = new Set(library.db.prepare<[], string>("SELECT DISTINCT clause_id FROM clause_units WHERE name = '市地方金融监管局'").pluck().all());
    assert.ok(expected.size > 20);
    const res = searcher.search('unit:市地方金融监管局', { limit: 5000, count: true });
    assert.deepEqual(new Set(res.hits.map((h) => h.clauseId)), expected);
    const words = searcher.search('金融科技 unit:市地方金融监管局', { limit: 5000, count: true });
    assert.ok((words.total ?? 0) > 0);
    assert.ok(words.hits.every((h) => expected.has(h.clauseId) && containing('金融科技').has(h.clauseId)));
  });
});
