import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingestFile, ingestSeeds } from '../../electron/core/ingest/ingest-files.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { openDatabase, openDatabaseWithBackup } from '../../electron/core/store/database.ts';
import { DATABASE_FILE, Library } from '../../electron/core/store/library.ts';
import { LATEST_VERSION, type Migration } from '../../electron/core/store/migrations/index.ts';
import { FIXTURES, SEEDS, tempDir } from '../helpers/library.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => { cleanup(); });

const count = (lib: Library, table: string): number => (lib.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

test('a new library gets the latest schema with WAL and foreign keys on', () => {
  const db = openDatabase(join(dir, DATABASE_FILE));
  assert.equal(db.pragma('user_version', { simple: true }), LATEST_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  db.close();
  // A new library needs no backup: there was nothing to lose.
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.bak')), []);
});

test('a library from a newer Clauseway is refused and left untouched', () => {
  const file = join(dir, DATABASE_FILE);
  const raw = new Database(file);
  raw.exec('CREATE TABLE future (x)');
  raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
  raw.close();
  const before = readFileSync(file);
  assert.throws(() => openDatabase(file), /written by a newer Clauseway \(schema \d+; this version knows up to \d+\)/);
  assert.deepEqual(readFileSync(file), before);
});

const step = (version: number, sql: string): Migration => ({ version, name: `test step ${version}`, up: (db) => db.exec(sql) });
const v1 = [step(1, "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')")];

test('an older library is backed up before it is migrated, and the copy holds the old data', () => {
  const file = join(dir, DATABASE_FILE);
  openDatabase(file, { migrations: v1 }).close();
  const { db, backup } = openDatabaseWithBackup(file, { migrations: [...v1, step(2, 'ALTER TABLE t ADD COLUMN y TEXT')], now: () => new Date('2026-11-22T00:00:00Z') });
  assert.equal(db.pragma('user_version', { simple: true }), 2);
  db.close();
  assert.ok(backup !== null && backup.endsWith('.schema-1.2026-11-22T00-00-00-000Z.bak'));
  const old = new Database(backup, { readonly: true });
  assert.equal(old.pragma('user_version', { simple: true }), 1);
  assert.deepEqual(old.prepare('SELECT * FROM t').all(), [{ x: 'kept' }]);
  old.close();
});

test('a migration that fails is rolled back whole: the library stays at its old schema with its data', () => {
  const file = join(dir, DATABASE_FILE);
  openDatabase(file, { migrations: v1 }).close();
  const failing = [...v1, step(2, 'CREATE TABLE u (z)'), step(3, 'THIS IS NOT SQL')];
  assert.throws(() => openDatabase(file, { migrations: failing }), /could not be upgraded to schema 3; it is at schema 1, as it was before/);
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), 1);
  assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").all(), []);
  assert.deepEqual(db.prepare('SELECT * FROM t').all(), [{ x: 'kept' }]);
  db.close();
});

test('ingesting the seeds twice is a no-op the second time and ids are stable across libraries', () => {
  const a = Library.open(join(dir, 'a'));
  const first = ingestSeeds(a);
  assert.ok(first.every((o) => o.status === 'added'));
  const second = ingestSeeds(a);
  assert.ok(second.every((o) => o.status === 'unchanged'));
  const b = Library.open(join(dir, 'b'));
  ingestSeeds(b);
  const ids = (lib: Library): string[] => (lib.db.prepare('SELECT id FROM clauses ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  assert.deepEqual(ids(a), ids(b));
  assert.equal(count(a, 'clauses'), ids(b).length);
  a.close();
  b.close();
});

test('a changed file replaces its documents and keeps the ids of clauses whose labels did not move', () => {
  const lib = Library.open(dir);
  const path = join(dir, 'measures.txt');
  const original = readFileSync(join(SEEDS, '001_551b2c05a62b80d5.txt'), 'utf8');
  writeFileSync(path, original);
  ingestFile(lib, path);
  const before = lib.find('深化服务业对外开放')[0];
  assert.ok(before);
  // The user fixes a typo in measure (一).
  writeFileSync(path, original.replace('争创国家服务贸易创新发展示范区', '争创国家级服务贸易创新发展示范区'));
  const outcome = ingestFile(lib, path);
  assert.equal(outcome.status, 'updated');
  const after = lib.find('深化服务业对外开放')[0];
  assert.equal(after?.id, before.id);
  assert.ok(after.text.includes('国家级'));
  assert.equal(count(lib, 'documents'), 1);
  lib.close();
});

test('a failure in the middle of an ingest leaves the library exactly as it was', () => {
  const lib = Library.open(dir);
  ingestSeeds(lib);
  const docsBefore = lib.listDocuments();
  const clausesBefore = count(lib, 'clauses');
  const parsed = parseSource('002.txt', readFileSync(join(SEEDS, '002_509c6d008cb003c1.txt')));
  // Sabotage the last clause of the last document: the CHECK constraint fails after the source,
  // the first document and most clauses have been written.
  const lastDoc = parsed.documents[parsed.documents.length - 1];
  assert.ok(lastDoc);
  // Other texts than the seed's (else they are recognised as already stored and skipped).
  const others = parsed.documents.slice(0, -1).map((d, i) => ({ ...d, textSha: `other-${i}` }));
  const broken = { ...parsed, sha256: 'changed', documents: [...others, { ...lastDoc, id: 'broken-doc', textSha: 'other', kind: 'bogus' as 'news' }] };
  assert.throws(() => lib.store('user/002.txt', broken), /CHECK constraint failed/);
  assert.deepEqual(lib.listDocuments(), docsBefore);
  assert.equal(count(lib, 'clauses'), clausesBefore);
  assert.equal((lib.db.prepare("SELECT count(*) AS n FROM sources WHERE key = 'user/002.txt'").get() as { n: number }).n, 0);
  lib.close();
});

test('the same file under another name is recognised and not stored twice', () => {
  const lib = Library.open(dir);
  ingestSeeds(lib);
  const copy = join(dir, 'copy-of-001.txt');
  copyFileSync(join(SEEDS, '001_551b2c05a62b80d5.txt'), copy);
  const outcome = ingestFile(lib, copy);
  assert.equal(outcome.status, 'unchanged');
  assert.match(outcome.warnings.join('\n'), /already in the library as seeds\/001_551b2c05a62b80d5.txt/);
  lib.close();
});

test('deleting a source removes its documents, clauses and units through foreign keys', () => {
  const lib = Library.open(dir);
  ingestSeeds(lib);
  lib.db.prepare("DELETE FROM sources WHERE key = 'seeds/002_509c6d008cb003c1.txt'").run();
  assert.equal(lib.listDocuments().filter((d) => d.title.startsWith('附件')).length, 0);
  const orphans = lib.db.prepare('SELECT count(*) AS n FROM clause_units u LEFT JOIN clauses c ON c.id = u.clause_id WHERE c.id IS NULL').get() as { n: number };
  assert.equal(orphans.n, 0);
  lib.close();
});

test('the same document from another file is not stored twice, and the outcome says so', () => {
  const lib = Library.open(dir);
  // The same excerpt of the Guangzhou measures, saved as UTF-8 and as GB18030: two files, one document.
  const first = ingestFile(lib, join(FIXTURES, '001-excerpt.utf8.txt'));
  assert.equal(first.documents, 1);
  const second = ingestFile(lib, join(FIXTURES, '001-excerpt.gb18030.txt'));
  assert.equal(second.status, 'added');
  assert.equal(second.documents, 0);
  assert.equal(second.clauses, 0);
  assert.match(second.warnings.join('\n'), /"广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施" is already in the library from .*001-excerpt.utf8.txt; this copy was not added/);
  assert.equal(lib.listDocuments().length, 1);
  assert.equal(lib.find('深化服务业对外开放').length, 1);
  lib.close();
});
