// A filter's matches read through its hull or by seeking its ranges (candidates.ts): whichever
// way a read goes, it answers what a scan of the clauses answers. Over the seeds, with scopes made
// to take each way: many small ranges (read through the hull) and a few ranges far apart under a
// common term (the hull's budget runs out, and the ranges after it are sought).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Candidates } from '../../electron/core/search/candidates.ts';
import { groupsQuery } from '../../electron/core/search/expr.ts';
import { Scope, type SeqRange } from '../../electron/core/search/scope.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { fold } from '../../shared/fold.ts';
import { seededLibrary } from '../helpers/library.ts';

describe("a filter's matches, read through the hull or sought", () => {
  let library: Library;
  let cleanup: () => void;
  let seqs: number[];
  before(() => {
    ({ library, cleanup } = seededLibrary());
    seqs = library.db.prepare<[], number>('SELECT seq FROM clauses ORDER BY seq').pluck().all();
  });
  after(() => { cleanup(); });

  /** The oracle: the clauses of the scope whose folded text holds the term, in seq order. */
  const scanned = (term: string, scope: Scope): number[] =>
    library.db
      .prepare<[], { seq: number; text: string }>('SELECT seq, text FROM clauses ORDER BY seq')
      .all()
      .filter((r) => scope.has(r.seq) && fold(r.text).includes(term))
      .map((r) => r.seq);

  const check = (term: string, scope: Scope): void => {
    const fts = new Candidates(library.db);
    const match = groupsQuery([[term]]);
    const expected = scanned(term, scope);
    assert.ok(expected.length > 3, `${term}: ${expected.length} matches in the scope`);
    assert.deepEqual(fts.first(match, scope, Number.MAX_SAFE_INTEGER), expected);
    assert.deepEqual(fts.first(match, scope, 3), expected.slice(0, 3));
    assert.equal(fts.count(match, scope), expected.length);
  };

  test('every other clause, each its own range: read through the hull', () => {
    const ranges = seqs.filter((_, i) => i % 2 === 0).map((s): SeqRange => [s, s]);
    assert.ok(ranges.length > 100, `${ranges.length} ranges`);
    for (const term of ['金融', '发展', '跨境电子商务']) check(term, new Scope(ranges));
  });

  test('three runs of clauses far apart under a common term: the hull read stops, the rest is sought', () => {
    const at = (f: number): number => seqs[Math.floor(f * (seqs.length - 1))] ?? 0;
    const run = (f: number): SeqRange => [at(f), at(f + 0.05)];
    const scope = new Scope([run(0.05), run(0.45), run(0.9)]);
    // The hull holds far more matches than three ranges' budget, most of them outside the scope.
    const hull = new Scope([[at(0.05), at(0.95)]]);
    for (const term of ['发展', '金融']) {
      assert.ok(scanned(term, hull).length > 3 * 16 * 2, `${term} in the hull`);
      check(term, scope);
    }
  });
});
