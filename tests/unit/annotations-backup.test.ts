// Backups of the user data: verified daily copies on a rotation of seven, a verified copy before
// a migration, backup and restore on demand, a damaged file set aside at open with the last good
// backup restored, and a file from a newer Clauseway refused untouched.

import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_FOLDER, DAILY_KEPT, problemWith } from '../../electron/core/annotations/backup.ts';
import { USER_LATEST_VERSION, USER_MIGRATIONS } from '../../electron/core/annotations/migrations/index.ts';
import { backupUserData, openUserData, restoreUserData, USER_DATA_FILE } from '../../electron/core/annotations/open.ts';
import type { AnnotationStore } from '../../electron/core/annotations/store.ts';
import { tempDir } from '../helpers/library.ts';
import { measuresDocument, snapshot } from '../fixtures/annotations-store.ts';

const doc = measuresDocument();
const talent = snapshot(doc, '便利专业人才跨境流动');
const day = (n: number): Date => new Date(Date.UTC(2026, 10, 1 + n, 9));
const highlight = (store: AnnotationStore, quote: string): string => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote }] }).id;
const ids = (store: AnnotationStore): string[] => store.list().map((a) => a.id).sort();

let dir: string;
let cleanup: () => void;
let file: string;
let backups: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('clauseway-backup-'));
  file = join(dir, USER_DATA_FILE);
  backups = join(dir, BACKUP_FOLDER);
});
afterEach(() => { cleanup(); });

test('one verified backup a day, seven kept', () => {
  for (let n = 0; n < 10; n++) {
    const { store } = openUserData(dir, { now: () => day(n) });
    highlight(store, '人才');
    store.close();
    // A second start the same day takes no second copy.
    openUserData(dir, { now: () => day(n) }).store.close();
  }
  const daily = readdirSync(backups).filter((f) => f.startsWith('user-daily-')).sort();
  assert.equal(daily.length, DAILY_KEPT);
  assert.equal(daily[0], 'user-daily-2026-11-04.db');
  assert.equal(daily.at(-1), 'user-daily-2026-11-10.db');
  // Each copy is whole and sound and holds what was there that morning.
  const last = new Database(join(backups, 'user-daily-2026-11-10.db'), { readonly: true });
  assert.equal(last.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal((last.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n, 9);
  last.close();
  assert.deepEqual(readdirSync(backups).filter((f) => f.endsWith('.tmp')), []);
});

test('backup on demand, then restore: the copy comes back and the replaced file is kept aside', () => {
  let { store } = openUserData(dir);
  const kept = highlight(store, '人才');
  const copy = backupUserData(store, day(1));
  assert.equal(problemWith(copy, USER_LATEST_VERSION), null);
  const later = highlight(store, '支持外国人才来穗创新创业');
  const restored = restoreUserData(store, copy);
  store = restored.store;
  assert.deepEqual(ids(store), [kept]);
  assert.match(restored.notices[0] ?? '', /was restored from .*user-manual-.*; the user data it replaced is kept as .*before-restore-/);
  const aside = new Database(restored.aside, { readonly: true });
  assert.deepEqual((aside.prepare('SELECT id FROM annotations ORDER BY id').all() as { id: string }[]).map((r) => r.id), [kept, later].sort());
  aside.close();
  store.close();
});

test('restore refuses a file that is not sound user data and leaves the current data alone', () => {
  const { store } = openUserData(dir);
  const kept = highlight(store, '人才');
  const notDb = join(dir, 'notes.txt');
  writeFileSync(notDb, '这不是数据库'.repeat(200));
  assert.throws(() => restoreUserData(store, notDb), new RegExp(`notes\\.txt: cannot be restored because it cannot be read as a database.*the current user data was left as it is`));
  const library = join(dir, 'clauseway.db');
  new Database(library).exec('CREATE TABLE documents (id TEXT)');
  assert.throws(() => restoreUserData(store, library), /cannot be restored because it is not a Clauseway user-data file/);
  assert.throws(() => restoreUserData(store, join(dir, 'missing.db')), /there is no such file/);
  assert.deepEqual(ids(store), [kept]);
  store.close();
});

function damage(path: string, how: 'header' | 'pages'): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  if (how === 'header') writeSync(fd, Buffer.from('this is no longer a database....'), 0, 32, 0);
  // Overwrite every page after the first (the schema stays readable, the b-trees do not).
  else writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
  closeSync(fd);
}

for (const how of ['header', 'pages'] as const) {
  test(`a database damaged in its ${how} is set aside, never overwritten, and the last good backup restored`, () => {
    let { store } = openUserData(dir, { now: () => day(0) });
    const first = highlight(store, '人才');
    store.close();
    ({ store } = openUserData(dir, { now: () => day(1) }));
    const second = highlight(store, '支持外国人才来穗创新创业');
    for (let i = 0; i < 40; i++) highlight(store, '人才');
    store.close();
    damage(file, how);
    const damaged = readFileSync(file);
    const opened = openUserData(dir, { now: () => day(2) });
    store = opened.store;
    assert.equal(opened.notices.length, 1);
    assert.match(opened.notices[0] ?? '', /user\.db could not be used because it (is damaged|cannot be read as a database).*set aside as .*user\.db\.damaged-2026-11-03.*nothing in it was deleted.*the backup .*user-daily-2026-11-02\.db of .* was restored/);
    // The newest backup is the one taken when day 2 began: the first highlight, not the later ones.
    assert.deepEqual(ids(store), [first]);
    assert.ok(!ids(store).includes(second));
    const aside = readdirSync(dir).find((f) => f.startsWith(`${USER_DATA_FILE}.damaged-`) && !f.endsWith('-wal') && !f.endsWith('-shm'));
    assert.ok(aside);
    assert.deepEqual(readFileSync(join(dir, aside)), damaged);
    assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
    store.close();
  });
}

test('damaged with no backup at all: set aside, and the message says the user data starts empty', () => {
  writeFileSync(file, Buffer.alloc(8192, 0x41));
  const { store, notices } = openUserData(dir);
  assert.match(notices[0] ?? '', /set aside as .*no sound backup was found, so Clauseway starts with empty user data/);
  assert.deepEqual(ids(store), []);
  assert.ok(readdirSync(dir).some((f) => f.startsWith(`${USER_DATA_FILE}.damaged-`)));
  store.close();
});

test('user data from a newer Clauseway is refused with a clear message and left untouched', () => {
  openUserData(dir).store.close();
  const raw = new Database(file);
  raw.pragma(`user_version = ${USER_LATEST_VERSION + 1}`);
  raw.close();
  const before = readFileSync(file);
  const listing = readdirSync(dir).sort();
  assert.throws(() => openUserData(dir, { now: () => day(5) }), new RegExp(`user\\.db: these annotations were written by a newer Clauseway \\(schema ${USER_LATEST_VERSION + 1}; this version knows up to ${USER_LATEST_VERSION}\\)\\. Update Clauseway to open them; nothing was changed\\.`));
  assert.deepEqual(readFileSync(file), before);
  assert.deepEqual(readdirSync(dir).sort(), listing);
});

test('before a migration a verified copy of the old schema is taken, and the upgrade keeps the data', () => {
  let { store } = openUserData(dir, { now: () => day(0) });
  const kept = highlight(store, '人才');
  store.close();
  // One step past the latest, whatever the latest is.
  const [from, to] = [USER_LATEST_VERSION, USER_LATEST_VERSION + 1];
  const next = [...USER_MIGRATIONS, { version: to, name: 'test: a column', up: (db: Database.Database) => db.exec("ALTER TABLE annotations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0") }];
  const opened = openUserData(dir, { now: () => day(0), migrations: next });
  store = opened.store;
  assert.equal(store.schemaVersion(), to);
  assert.deepEqual(ids(store), [kept]);
  const copy = readdirSync(backups).find((f) => f.startsWith(`user-schema-${from}-`));
  assert.ok(copy, readdirSync(backups).join(', '));
  assert.match(opened.notices[0] ?? '', new RegExp(`upgraded from schema ${from} to ${to}; a verified copy of the old one is .*user-schema-${from}-`));
  const old = new Database(join(backups, copy), { readonly: true });
  assert.equal(old.pragma('user_version', { simple: true }), from);
  assert.equal(old.pragma('integrity_check', { simple: true }), 'ok');
  old.close();
  store.close();
  assert.ok(existsSync(file));
});
