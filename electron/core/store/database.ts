// Opening the library database: WAL, foreign keys, numbered migrations recorded in user_version,
// a backup copy before any migration of an existing library, and refusal to open a newer schema.

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
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
  const existed = existsSync(file) && statSync(file).size > 0;
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
  let db: DB;
  let version: number;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // Read the version before anything writes to the file: a newer library must stay untouched.
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new DatabaseError(file, `cannot be opened as a Clauseway library (${(e as Error).message})`);
  }
  if (version > latest) {
    db.close();
    throw new DatabaseError(file, `this library was written by a newer Clauseway (schema ${version}; this version knows up to ${latest}). Update Clauseway to open it; nothing was changed.`);
  }
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  let backup: string | null = null;
  if (version < latest) {
    if (options.readonly) {
      db.close();
      throw new DatabaseError(file, `this library needs an upgrade (schema ${version} → ${latest}); open it once without read-only mode`);
    }
    if (existed && version > 0) backup = backupBeforeMigration(db, file, version, (options.now ?? (() => new Date()))());
    const pending = migrations.filter((m) => m.version > version).sort((a, b) => a.version - b.version);
    try {
      db.transaction(() => {
        for (const m of pending) {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        }
      })();
    } catch (e) {
      db.close();
      throw new DatabaseError(file, `the library could not be upgraded to schema ${latest} and was left at schema ${version} (${(e as Error).message})`);
    }
  }
  return { db, backup };
}

/** A consistent copy of the whole library, taken while nobody writes: VACUUM INTO. */
function backupBeforeMigration(db: DB, file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.schema-${version}.${stamp}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
