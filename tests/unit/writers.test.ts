// Several processes writing one library, as the app and the command line will: they take turns,
// none crashes, and what they leave equals what one process would have written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Library } from '../../electron/core/store/library.ts';
import { FIXTURES, ROOT, SEEDS, tempDir } from '../helpers/library.ts';

interface Exit { code: number | null; stdout: string; stderr: string }

function run(args: string[], onStdout?: (s: string) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const CLI = join(ROOT, 'bin', 'clauseway.js');
const seed = (n: string): string => join(SEEDS, n);
const S = ['000_1e8b19f51fcacc9d.txt', '001_551b2c05a62b80d5.txt', '002_509c6d008cb003c1.txt', '003_23a1c87a91197581.txt', '004_02dc7fb0eb02e0f1.txt'].map(seed);
// Two lists that share files, in different orders; no two files hold the same text.
const LIST_A = [S[0], S[1], S[2], S[3], join(FIXTURES, '000-malformed.html')].filter((f): f is string => f !== undefined);
const LIST_B = [S[3], S[2], S[4], join(FIXTURES, '004-page-break.md'), S[0]].filter((f): f is string => f !== undefined);

/** What a library holds, independent of the order it was written in. */
function contents(dir: string): unknown {
  const lib = Library.open(dir);
  try {
    const q = (sql: string): unknown[] => lib.db.prepare(sql).all();
    return {
      sources: q('SELECT key, sha256 FROM sources ORDER BY key'),
      documents: q('SELECT id, title, clause_count, text_sha FROM documents ORDER BY id'),
      clauses: q('SELECT id, doc_id, parent_id, ord, text FROM clauses ORDER BY id'),
      indexed: q('SELECT count(*) AS n FROM clause_grams'),
      // The documents the stored document index covers (its keys are id@first clause seq).
      indexed_docs: q('SELECT doc_ids FROM lunr_shards').flatMap((r) => JSON.parse((r as { doc_ids: string }).doc_ids) as string[]).map((k) => k.slice(0, k.lastIndexOf('@'))).sort(),
      aliases: q('SELECT count(*) AS n FROM clause_aliases'),
    };
  } finally {
    lib.close();
  }
}

test('two ingests of overlapping file lists at once both succeed, 20 times, and equal one import', async () => {
  const one = tempDir();
  try {
    const single = await run([CLI, '--data', one.dir, 'ingest', ...new Set([...LIST_A, ...LIST_B])]);
    assert.equal(single.code, 0, single.stderr);
    const expected = contents(one.dir);
    for (let round = 0; round < 20; round++) {
      const t = tempDir();
      try {
        const [a, b] = await Promise.all([run([CLI, '--data', t.dir, 'ingest', ...LIST_A]), run([CLI, '--data', t.dir, 'ingest', ...LIST_B])]);
        assert.equal(a.code, 0, `round ${round}, first: ${a.stderr}`);
        assert.equal(b.code, 0, `round ${round}, second: ${b.stderr}`);
        assert.doesNotMatch(a.stderr + b.stderr, /SqliteError|database is locked/);
        assert.deepEqual(contents(t.dir), expected, `round ${round}`);
      } finally {
        t.cleanup();
      }
    }
  } finally {
    one.cleanup();
  }
});

test('four processes opening one new library at once never fail, 30 rounds', async () => {
  const child = join(ROOT, 'tests', 'helpers', 'children', 'open-library.ts');
  for (let round = 0; round < 30; round++) {
    const t = tempDir();
    try {
      const exits = await Promise.all([0, 1, 2, 3].map(() => run([child, t.dir])));
      for (const e of exits) assert.equal(e.code, 0, `round ${round}: ${e.stderr}`);
      const lib = Library.open(t.dir);
      assert.equal(lib.revision(), 1);
      lib.close();
    } finally {
      t.cleanup();
    }
  }
});

test('a small import waits behind a long write (longer than one busy timeout) and both succeed', async () => {
  const t = tempDir();
  try {
    Library.open(t.dir).close();
    const holder = join(ROOT, 'tests', 'helpers', 'children', 'hold-write.ts');
    let small: Promise<Exit> | null = null;
    const long = run([holder, t.dir, '7000'], (out) => {
      // Start the small import only once the long write holds the lock.
      if (!small && out.includes('locked')) small = run([CLI, '--data', t.dir, 'ingest', seed('003_23a1c87a91197581.txt')]);
    });
    const held = await long;
    assert.equal(held.code, 0, held.stderr);
    assert.ok(small, 'the long write took the lock');
    const done = await (small as Promise<Exit>);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /^added .*003_23a1c87a91197581\.txt: 1 document/m);
    const lib = Library.open(t.dir);
    assert.equal(lib.documentCount(), 1);
    lib.close();
  } finally {
    t.cleanup();
  }
});
