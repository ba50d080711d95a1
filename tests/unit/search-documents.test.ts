// The document index: its scores are Lunr's BM25, computed over every live document at once, so
// they do not depend on how the library was built (one go, batches, another process's imports).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import lunr from 'lunr';
import { ingestFile, MANIFEST_FILE, SEEDS_DIR, seedFiles } from '../../electron/core/ingest/ingest-files.ts';
import { loadManifest } from '../../electron/core/ingest/manifest.ts';
import { DocumentIndex, wordTokens } from '../../electron/core/search/doc-index.ts';
import { Searcher } from '../../electron/core/search/searcher.ts';
import { Library } from '../../electron/core/store/library.ts';
import { FIXTURES, seededLibrary, tempDir } from '../helpers/library.ts';

const QUERIES = ['绿色金融', '金融', '跨境电子商务', '广州 金融', '粤港澳大湾区', '口岸', '珠海', '服务贸易 数字贸易', '人才'];

function seed(library: Library, files: string[]): void {
  const manifest = loadManifest(join(SEEDS_DIR, MANIFEST_FILE));
  for (const f of files) {
    const name = basename(f);
    const entry = manifest.files[name];
    ingestFile(library, f, entry ? { key: `seeds/${name}`, manifest: entry } : { key: `seeds/${name}` });
  }
}

const results = (s: Searcher, q: string): [string, number][] => s.search(q, { limit: 30 }).hits.map((h) => [h.clauseId, h.score]);

describe('the document index over the seeds', () => {
  let library: Library;
  let cleanup: () => void;
  before(() => {
    ({ library, cleanup } = seededLibrary());
    new Searcher(library.db).open();
  });
  after(() => { cleanup(); });

  test('scores what a Lunr index of the same entries scores', () => {
    const db = library.db;
    const docs = db.prepare('SELECT id, title FROM documents ORDER BY id').all() as { id: string; title: string }[];
    // The seeds hold 32 documents, fewer than the 50 below which no word counts as common.
    assert.ok(docs.length < 50);
    const tokenizer = (obj?: string | object | object[] | null): lunr.Token[] => (typeof obj === 'string' ? wordTokens(obj).map((t) => new lunr.Token(t.text, {})) : []);
    const idx = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.tokenizer = tokenizer as typeof lunr.tokenizer;
      this.ref('id');
      this.field('title', { boost: 10 });
      this.field('heading', { boost: 3 });
      this.field('text');
      for (const d of docs) {
        const heading = (db.prepare('SELECT heading FROM clauses WHERE doc_id = ? AND heading IS NOT NULL ORDER BY ord').pluck().all(d.id) as string[]).join('\n');
        const text = (db.prepare('SELECT substr(group_concat(text, char(10)), 1, 150) FROM (SELECT text FROM clauses WHERE doc_id = ? ORDER BY ord LIMIT 3)').pluck().get(d.id) as string | null) ?? '';
        this.add({ id: d.id, title: d.title, heading, text });
      }
    });
    const index = new DocumentIndex(db);
    for (const q of QUERIES) {
      const words = [...new Set(wordTokens(q).map((t) => t.text))];
      const expected = idx.query((query) => {
        for (const w of words) query.term(w, { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
      });
      const got = index.match(q);
      assert.ok(got.length > 0, q);
      assert.deepEqual(got.map((m) => m.ref).sort(), expected.map((m) => m.ref).sort(), q);
      const score = new Map(expected.map((m) => [m.ref, m.score]));
      for (const m of got) assert.ok(Math.abs(m.score - (score.get(m.ref) ?? NaN)) < 1e-9, `${q}: ${m.ref}`);
    }
  });
});

describe('ranking does not depend on how the library was built', () => {
  test('one go, or three batches (a base shard, then a delta rebuilt twice), give the same documents, scores and results', () => {
    const files = seedFiles();
    const once = tempDir();
    const twice = tempDir();
    const a = Library.open(once.dir);
    const b = Library.open(twice.dir);
    try {
      seed(a, files);
      const oneGo = new Searcher(a.db);
      assert.equal(oneGo.open().rebuilt, 'base');
      seed(b, files.slice(0, 2));
      assert.equal(new Searcher(b.db).open().rebuilt, 'base');
      seed(b, files.slice(2, 4));
      assert.equal(new Searcher(b.db).open().rebuilt, 'delta');
      seed(b, files.slice(4));
      const batched = new Searcher(b.db);
      assert.equal(batched.open().rebuilt, 'delta');
      for (const q of QUERIES) {
        const x = oneGo.docIndex.match(q);
        const y = batched.docIndex.match(q);
        assert.deepEqual(y.map((m) => m.ref), x.map((m) => m.ref), q);
        y.forEach((m, i) => assert.ok(Math.abs(m.score - (x[i]?.score ?? NaN)) < 1e-9, q));
        assert.deepEqual(results(batched, q), results(oneGo, q), q);
      }
    } finally {
      a.close();
      b.close();
      once.cleanup();
      twice.cleanup();
    }
  });

  test('a searcher sees what another connection imported, ranked as a fresh searcher ranks it', () => {
    const { library, dir, cleanup } = seededLibrary();
    const other = Library.open(dir);
    try {
      const running = new Searcher(library.db);
      running.open();
      const before = running.search('深化服务业对外开放', { limit: 50, count: true });
      // Another process (the command line) imports a file and brings the stored index up to date.
      ingestFile(other, join(FIXTURES, '001-excerpt.gb18030.txt'));
      assert.equal(new Searcher(other.db).open().rebuilt, 'delta');
      const after = running.search('深化服务业对外开放', { limit: 50, count: true });
      assert.ok((after.total ?? 0) > (before.total ?? 0));
      const fresh = new Searcher(library.db);
      for (const q of [...QUERIES, '深化服务业对外开放']) assert.deepEqual(results(running, q), results(fresh, q), q);
    } finally {
      other.close();
      cleanup();
    }
  });
});
