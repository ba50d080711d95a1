// Importing many files at once (ingest/batch.ts): parsing threads and shared transactions store
// exactly what one file a transaction stores, a bad file fails alone, and what the command line
// imports while a server runs is searched and ranked by the server as a fresh process ranks it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestMany } from '../../electron/core/ingest/batch.ts';
import { ingestFile, seedFiles } from '../../electron/core/ingest/ingest-files.ts';
import type { IngestOutcome } from '../../electron/core/store/library.ts';
import { Library } from '../../electron/core/store/library.ts';
import { startServer } from '../../electron/core/server/http-server.ts';
import type { SearchResponse } from '../../shared/types.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { engineOver, FIXTURES, ROOT, tempDir } from '../helpers/library.ts';

const QUERIES = ['应当', '人民政府', '金融', '绿色金融', '跨境电子商务', '前海', '合作区', '港澳', '第一条'];

/** The seeds and the text fixtures (among them one text in four encodings: three are duplicates). */
function importFiles(): string[] {
  const fixtures = readdirSync(FIXTURES).filter((f) => /\.(txt|md|html)$/.test(f)).sort().map((f) => join(FIXTURES, f));
  return [...seedFiles(), ...fixtures];
}

/** Everything a library holds that a reader or a search sees, in storage order. */
function contents(library: Library): unknown {
  const db = library.db;
  return {
    sources: db.prepare('SELECT key, sha256, encoding, format FROM sources ORDER BY id').all(),
    documents: db.prepare('SELECT d.id, s.key, d.ord, d.title, d.date, d.issuer FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY d.rowid').all(),
    clauses: db.prepare('SELECT seq, id, doc_id, text FROM clauses ORDER BY seq').all(),
    grams: db.prepare('SELECT count(*) AS n FROM clause_grams').get(),
  };
}

const hits = (library: Library, q: string): [string, number][] =>
  library.openSearcher().search(q, { limit: 30 }).hits.map((h) => [h.clauseId, h.score]);

test('a folder parsed in threads, many files a transaction, is stored as one file a transaction stores it', async () => {
  const files = importFiles();
  assert.ok(files.length >= 16, 'enough files for the parsing threads to start');
  const one = tempDir();
  const threaded = tempDir();
  const serial = tempDir();
  const a = Library.open(one.dir);
  const b = Library.open(threaded.dir);
  const c = Library.open(serial.dir);
  try {
    const each = files.map((f) => ingestFile(a, f));
    const many = await ingestMany(b, files.map((path) => ({ path })), { workers: 2 });
    const inline = await ingestMany(c, files.map((path) => ({ path })), { workers: 0 });
    assert.deepEqual(many, each);
    assert.deepEqual(inline, each);
    // The duplicates are said, and count nothing.
    const twins = many.filter((o) => o.warnings.some((w) => w.includes('already in the library')));
    assert.ok(twins.length >= 3, `${twins.length} duplicates`);
    for (const t of twins.filter((o) => o.warnings.some((w) => w.startsWith('the same file')))) assert.equal(t.documents, 0, t.source);
    assert.equal(many.reduce((n, o) => n + o.documents, 0), b.documentCount(), 'the outcomes count what was stored');
    assert.deepEqual(contents(b), contents(a));
    assert.deepEqual(contents(c), contents(a));
    for (const q of QUERIES) assert.deepEqual(hits(b, q), hits(a, q), q);
  } finally {
    for (const l of [a, b, c]) l.close();
    for (const d of [one, threaded, serial]) d.cleanup();
  }
});

test('the parsing thread goes on while a batch is stored, so a transaction holds many files', async () => {
  const files = importFiles();
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  const sizes: number[] = [];
  const storeMany = library.storeMany.bind(library);
  // A store slower than a parse (as on a large library, where FTS5 is the slow part).
  library.storeMany = (entries) => {
    sizes.push(entries.length);
    const until = performance.now() + 40;
    while (performance.now() < until);
    return storeMany(entries);
  };
  try {
    await ingestMany(library, files.map((path) => ({ path })), { workers: 1 });
    assert.equal(sizes.reduce((n, s) => n + s, 0), files.length);
    // The first batch is the first file alone; the rest were parsed while it was being stored.
    assert.ok(sizes.length <= Math.ceil(files.length / 4), `${files.length} files in ${sizes.length} transactions: ${sizes.join(' ')}`);
  } finally {
    library.close();
    cleanup();
  }
});

test('a key stored twice in one transaction leaves the search index with the second copy only', async () => {
  const files = importFiles();
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  try {
    // Two different texts under one key, with other files between them: one batch (no threads).
    const [first, second, ...rest] = files;
    const items = [{ path: first as string, key: 'shared-key' }, ...rest.slice(0, 10).map((path) => ({ path })), { path: second as string, key: 'shared-key' }];
    const outcomes = await ingestMany(library, items, { workers: 0 });
    assert.deepEqual(outcomes.filter((o) => o.source === 'shared-key').map((o) => o.status), ['added', 'updated']);
    const count = (sql: string): number => library.db.prepare<[], number>(sql).pluck().get() ?? -1;
    assert.equal(count('SELECT count(*) FROM clause_grams'), count('SELECT count(*) FROM clauses'));
    // Every clause of the key is found by its own text, and nothing of the first copy is left.
    const kept = library.db.prepare<[], { id: string; text: string }>("SELECT c.id, c.text FROM clauses c JOIN documents d ON d.id = c.doc_id JOIN sources s ON s.id = d.source_id WHERE s.key = 'shared-key' AND length(c.text) > 8 LIMIT 5").all();
    assert.ok(kept.length > 0);
    const searcher = library.openSearcher();
    for (const c of kept) {
      const hits = searcher.search(`"${c.text.slice(0, 8)}"`, { limit: 200 }).hits;
      assert.ok(hits.some((h) => h.clauseId === c.id), c.text.slice(0, 8));
    }
  } finally {
    library.close();
    cleanup();
  }
});

test('a file that cannot be read fails alone, named; the files around it are stored', async () => {
  const files = importFiles();
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  const missing = join(dir, '不存在的文件.txt');
  const list = [...files.slice(0, 10), missing, ...files.slice(10)];
  try {
    const errors: string[] = [];
    const outcomes = await ingestMany(library, list.map((path) => ({ path })), { workers: 1, onError: (_p, e) => errors.push(e.message) });
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? "", new RegExp(`^${missing}: no such file`));
    assert.equal(outcomes.length, files.length);
    const keys = library.db.prepare<[], string>('SELECT key FROM sources').pluck().all();
    assert.ok(!keys.includes(missing));
    // Without a handler the first failure stops the import, and what was stored before it stays.
    const again = tempDir();
    const other = Library.open(again.dir);
    try {
      await assert.rejects(ingestMany(other, [missing, ...files].map((path) => ({ path })), { workers: 1 }), /no such file/);
    } finally {
      other.close();
      again.cleanup();
    }
  } finally {
    library.close();
    cleanup();
  }
});

test('the command line in one go or in three batches gives the same search results, ids and order', async () => {
  const files = importFiles();
  const once = tempDir();
  const thrice = tempDir();
  try {
    parsed(await cli('ingest', ...files, '--data', once.dir, '--json'));
    const third = Math.ceil(files.length / 3);
    for (let i = 0; i < files.length; i += third) parsed(await cli('ingest', ...files.slice(i, i + third), '--data', thrice.dir, '--json'));
    const a = Library.open(once.dir);
    const b = Library.open(thrice.dir);
    try {
      for (const q of QUERIES) assert.deepEqual(hits(b, q), hits(a, q), q);
    } finally {
      a.close();
      b.close();
    }
  } finally {
    once.cleanup();
    thrice.cleanup();
  }
});

test('while a server runs, the command line (another process) imports; the server finds and ranks the new documents as a fresh process does', async () => {
  const { dir, cleanup } = tempDir();
  const folder = join(dir, 'new');
  mkdirSync(folder);
  for (const f of ['qianhai-regulation.zh-hans.txt', 'hengqin-regulation.zh-hant.txt']) copyFileSync(join(FIXTURES, f), join(folder, f));
  const library = Library.open(dir);
  for (const f of seedFiles()) ingestFile(library, f);
  const { engine, close } = engineOver(library, dir);
  const server = await startServer({ api: engine, rendererDir: join(ROOT, 'renderer'), token: 'test-token-abcdefghijklmnopqrstu' });
  const search = async (q: string): Promise<SearchResponse> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [q, { limit: 30 }] }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { result: SearchResponse }).result;
  };
  try {
    const before = await search('前海');
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'clauseway.js'), 'ingest', folder, '--data', dir, '--json'], { encoding: 'utf8' });
    const added = (JSON.parse(out) as IngestOutcome[]).flatMap((o) => o.docIds);
    assert.equal(added.length, 2);
    const fresh = Library.open(dir);
    try {
      for (const q of ['前海', '合作区', '应当', '港澳']) {
        const got = await search(q);
        assert.deepEqual(got.hits.map((h) => [h.clauseId, h.score]), hits(fresh, q), q);
      }
      const after = await search('前海');
      assert.ok(after.hits.some((h) => added.includes(h.docId)), 'the new documents are found');
      assert.notDeepEqual(after.hits.map((h) => h.clauseId), before.hits.map((h) => h.clauseId));
    } finally {
      fresh.close();
    }
  } finally {
    await server.close();
    close();
    library.close();
    cleanup();
  }
});
