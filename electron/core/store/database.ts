// Opening the library database: WAL, foreign keys, numbered migrations recorded in user_version,
// a backup copy before any migration of an existing library, and refusal to open a newer schema.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type DB = Database.Database;

export class DatabaseError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'DatabaseError';
  }
}

export interface OpenOptions {
  /** Clock for backup names; tests pass a fixed one. */
  now?: () => Date;
  readonly?: boolean;
  /** The schema steps; tests pass their own to exercise upgrades. */
  migrations?: readonly Migration[];
  /** false: the caller takes its own (verified) copy before migrating, as the user data does. */
  backupBeforeMigration?: boolean;
}

export interface OpenedDatabase {
  db: DB;
  /** The copy taken before migrating, when there was one. */
  backup: string | null;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  return openDatabaseWithBackup(file, options).db;
}

export function openDatabaseWithBackup(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const readonly = options.readonly ?? false;
  if (!readonly) mkdirSync(dirname(file), { recursive: true });
  let db: DB;
  let version: number;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
    // Another process (the app, a command) may be setting the library up or writing: wait for it.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read the version before anything writes to the file: a newer library must stay untouched.
    version = userVersion(db);
  } catch (e) {
    throw new DatabaseError(file, `cannot be opened as a Clauseway library (${(e as Error).message})`);
  }
  if (version > latest) {
    db.close();
    throw newerSchema(file, version, latest);
  }
  try {
    if (!readonly) withRetry(file, () => db.pragma('journal_mode = WAL'));
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    db.close();
    throw e instanceof DatabaseError ? e : describeSqliteError(file, e);
  }
  if (version >= latest) return { db, backup: null };
  if (readonly) {
    db.close();
    throw new DatabaseError(file, `this library needs an upgrade (schema ${version} → ${latest}); open it once without read-only mode`);
  }
  try {
    return { db, backup: migrate(db, file, migrations, latest, options.backupBeforeMigration === false ? null : (options.now ?? (() => new Date()))) };
  } catch (e) {
    const now = safeVersion(db);
    db.close();
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(file, `the library could not be upgraded to schema ${latest}; it is at schema ${now ?? 'unknown'}, as it was before (${(e as Error).message})`);
  }
}

const userVersion = (db: DB): number => db.pragma('user_version', { simple: true }) as number;

function safeVersion(db: DB): number | null {
  try {
    return userVersion(db);
  } catch {
    return null;
  }
}

const newerSchema = (file: string, version: number, latest: number): DatabaseError =>
  new DatabaseError(file, `this library was written by a newer Clauseway (schema ${version}; this version knows up to ${latest}). Update Clauseway to open it; nothing was changed.`);

/**
 * Brings the schema up to date under the write lock, so that processes opening one library at
 * once take turns: the first migrates, the others find it done. The version is read again once the
 * lock is held. Returns the backup taken before migrating an existing library.
 */
function migrate(db: DB, file: string, migrations: readonly Migration[], latest: number, now: (() => Date) | null): string | null {
  let backup: string | null = null;
  const step = db.transaction(() => {
    const version = userVersion(db);
    if (version > latest) throw newerSchema(file, version, latest);
    if (version >= latest) return;
    if (version > 0 && now) backup = backupBeforeMigration(file, version, now());
    for (const m of migrations.filter((x) => x.version > version).sort((a, b) => a.version - b.version)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  withRetry(file, () => step.immediate());
  return backup;
}

/**
 * A consistent copy of the whole library, taken by a second connection while the first holds the
 * write lock (so nobody writes meanwhile); VACUUM INTO cannot run inside the migrating transaction.
 */
function backupBeforeMigration(file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.schema-${version}.${stamp}.bak`;
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('VACUUM INTO ?').run(target);
  } finally {
    reader.close();
  }
  return target;
}

/** How long one attempt waits for another process's write to end (SQLite's busy handler). */
const BUSY_TIMEOUT_MS = 5000;
/** Attempts before a write gives up: about two minutes behind another process's writes. */
const WRITE_ATTEMPTS = 24;

const isBusy = (e: unknown): boolean => e instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(e.code);

const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Runs `f` (which takes SQLite's write lock) again while another process holds the lock past the
 * busy timeout, a bounded number of times; then throws what `gaveUp` makes of how long it waited.
 */
export function waitForWriteLock<T>(f: () => T, gaveUp: (waited: string) => Error): T {
  const start = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return f();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= WRITE_ATTEMPTS) {
        const s = (performance.now() - start) / 1000;
        throw gaveUp(s >= 90 ? `${Math.round(s / 60)} minutes` : `${s.toFixed(1)} s`);
      }
      pause(50 + Math.random() * 200);
    }
  }
}

const withRetry = <T>(file: string, f: () => T): T =>
  waitForWriteLock(f, (waited) => new DatabaseError(file, `another Clauseway process (the app or a command) kept this library busy for ${waited}; nothing was changed. Try again when it has finished.`));

/**
 * Runs `f` as one transaction that takes the write lock up front (BEGIN IMMEDIATE), waiting its
 * turn behind other processes' writes instead of failing; a check and the write that depends on it
 * belong in the same `f`. SQLite's own errors come out as a DatabaseError naming the library.
 */
export function writeTransaction<T>(db: DB, f: () => T): T {
  const tx = db.transaction(f);
  try {
    return withRetry(db.name, () => tx.immediate());
  } catch (e) {
    throw e instanceof Database.SqliteError ? describeSqliteError(db.name, e) : e;
  }
}

/** SQLite's error as a user reads it: which library, what happened, what to do. */
export function describeSqliteError(file: string, e: unknown): DatabaseError {
  const code = e instanceof Database.SqliteError ? e.code : '';
  const detail = (e as Error).message;
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return new DatabaseError(file, 'another Clauseway process is writing to this library; nothing was changed. Try again when it has finished.');
  if (code.startsWith('SQLITE_FULL')) return new DatabaseError(file, 'the disk is full; nothing was changed. Free some space and try again.');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) return new DatabaseError(file, 'the library cannot be written here (no permission or a read-only disk); nothing was changed.');
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return new DatabaseError(file, `the library file is damaged (${detail}). Move it aside and import the texts again; annotations are kept in their own file.`);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return new DatabaseError(file, `the library file could not be read or written (${detail}); check the disk and the folder's permissions.`);
  return new DatabaseError(file, `the library could not be used (${detail})`);
}
