// The two ways a tier is ranked (every match by FTS5, or a bounded pool scored from its rows) and
// filters read as seq ranges: each is checked against the other or against an oracle on the seeds.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../../shared/fold.ts';
import { bm25, corpusStats, idf, tokenCount } from '../../electron/core/search/bm25.ts';
import { mergeSegments, segmentCount } from '../../electron/core/search/fts.ts';
import { allTermsQuery } from '../../electron/core/search/grams.ts';
import { Searcher } from '../../electron/core/search/searcher.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { seededLibrary } from '../helpers/library.ts';

describe('ranking over the seeds', () => {
  let library: Library;
  let exact: Searcher;
  let bounded: Searcher;
  let cleanup: () => void;
  before(() => {
    ({ library, cleanup } = seededLibrary());
    exact = new Searcher(library.db);
    exact.open();
    // Every expression counts as common: ranked over the bounded pool, scored from the rows.
    bounded = new Searcher(library.db, { exactRanking: 0 });
    bounded.open();
  });
  after(() => { cleanup(); });

  test('bm25 from a clause row equals FTS5 bm25, for one term and for several', () => {
    const db = library.db;
    const stats = corpusStats(db);
    assert.equal(stats.rows, (db.prepare('SELECT count(*) AS n FROM clauses').get() as { n: number }).n);
    for (const terms of [['金融'], ['跨境电子商务'], ['港'], ['绿色', '香港'], ['大湾区', '金融', '开放']]) {
      const weights = terms.map((t) => ({ folded: t, idf: idf(stats, (db.prepare('SELECT count(*) AS n FROM clause_grams WHERE clause_grams MATCH ?').get(allTermsQuery([t])) as { n: number }).n) }));
      const rows = db.prepare('SELECT g.rowid AS seq, -g.rank AS score, c.text, c.heading FROM clause_grams g JOIN clauses c ON c.seq = g.rowid WHERE clause_grams MATCH ? ORDER BY g.rank LIMIT 30').all(allTermsQuery(terms)) as { seq: number; score: number; text: string; heading: string | null }[];
      assert.ok(rows.length > 0, terms.join(' '));
      for (const r of rows) {
        const tokens = tokenCount(r.text) + (r.heading ? tokenCount(r.heading) : 0);
        assert.ok(Math.abs(bm25(stats, weights, fold(r.text), tokens) - r.score) < 1e-9, `${terms.join(' ')} @${r.seq}`);
      }
    }
  });

  test('a pool that holds every match ranks exactly as FTS5 does', () => {
    // Fewer matches than the smallest pool (100): the bounded path scores them all.
    for (const q of ['绿色金融', '穗', '单一窗口', '绿色 香港', '跨境 电商', '"国际金融枢纽"', '跨境电子商务 jurisdiction:珠海']) {
      const a = exact.search(q, { limit: 100 });
      const b = bounded.search(q, { limit: 100 });
      assert.ok(a.hits.length > 0 && a.hits.length < 100, `${q}: ${a.hits.length}`);
      assert.deepEqual(b.hits.map((h) => [h.clauseId, h.score]), a.hits.map((h) => [h.clauseId, h.score]), q);
    }
  });

  test('a bounded pool keeps recall: with a limit above the matches, every match comes back', () => {
    for (const q of ['金融', '发展', '港', '企业 服务']) {
      const all = exact.search(q, { limit: 5000, count: true });
      const pooled = bounded.search(q, { limit: 5000 });
      assert.ok(all.hits.length > 100, `${q}: ${all.hits.length}`);
      assert.equal(all.hits.length, all.total);
      assert.deepEqual(pooled.hits.map((h) => h.clauseId).sort(), all.hits.map((h) => h.clauseId).sort(), q);
      // A short list from the pool is still in score order, phrase matches first.
      const top = bounded.search(q, { limit: 10 }).hits;
      assert.equal(top.length, 10);
      assert.ok(top.every((h, i) => i === 0 || (top[i - 1]?.score ?? 0) >= h.score), q);
    }
  });

  test('a bounded pool ranks the clauses headed by the query first', () => {
    const headed = exact.search('金融', { limit: 5000 }).hits.filter((h) => h.heading?.includes('金融'));
    assert.ok(headed.length > 10);
    const top = bounded.search('金融', { limit: 10 }).hits;
    assert.ok(top.every((h) => h.heading?.includes('金融')), top.map((h) => h.heading).join(' | '));
  });

  test('filters read as seq ranges find exactly the matches in the documents they keep, and count them', () => {
    const docs = library.listDocuments();
    const cases: [string, (d: (typeof docs)[number]) => boolean][] = [
      ['金融 jurisdiction:广州', (d) => d.jurisdictions.some((j) => j.name === '广州市')],
      ['发展 level:province', (d) => d.level === 'province'],
      ['企业 kind:news', (d) => d.kind === 'news'],
      ['金融 year:2019', (d) => (d.date ?? '').startsWith('2019')],
      ['港 level:city kind:policy', (d) => d.level === 'city' && d.kind === 'policy'],
    ];
    for (const [q, keep] of cases) {
      const kept = new Set(docs.filter(keep).map((d) => d.id));
      const term = q.split(' ')[0] ?? '';
      const expected = library.find(term).filter((h) => kept.has(h.docId)).map((h) => h.id).sort();
      assert.ok(expected.length > 0, q);
      for (const s of [exact, bounded]) {
        const res = s.search(q, { limit: 5000, count: true });
        assert.deepEqual(res.hits.map((h) => h.clauseId).sort(), expected, q);
        assert.equal(res.total, expected.length, q);
        const short = s.search(q, { limit: 5, count: true });
        assert.equal(short.hits.length, Math.min(5, expected.length));
        assert.equal(short.total, expected.length);
      }
    }
  });

  test('merging the index into one segment changes no result', () => {
    const queries = ['金融', '港 level:city', '绿色 香港', '跨境电子商务 jurisdiction:珠海'];
    const before = queries.map((q) => exact.search(q, { limit: 50, count: true }));
    assert.ok(segmentCount(library.db) > 1);
    assert.equal(mergeSegments(library.db, 1), true);
    assert.equal(segmentCount(library.db), 1);
    assert.equal(mergeSegments(library.db, 1), false);
    queries.forEach((q, i) => {
      const after = exact.search(q, { limit: 50, count: true });
      assert.deepEqual(after.hits.map((h) => [h.clauseId, h.score]), before[i]?.hits.map((h) => [h.clauseId, h.score]), q);
      assert.equal(after.total, before[i]?.total);
    });
  });
});
