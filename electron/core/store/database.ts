// Opening the library database: WAL, foreign keys, numbered migrations recorded in user_version,
// a backup copy before any migration of an existing library, and refusal to open a newer schema.

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';

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
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const existed = existsSync(file) && statSync(file).size > 0;
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
  let db: DB;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new DatabaseError(file, `cannot be opened as a Clauseway library (${(e as Error).message})`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');

  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_VERSION) {
    db.close();
    throw new DatabaseError(file, `this library was written by a newer Clauseway (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Clauseway to open it; nothing was changed.`);
  }
  if (version < LATEST_VERSION) {
    if (options.readonly) {
      db.close();
      throw new DatabaseError(file, `this library needs an upgrade (schema ${version} → ${LATEST_VERSION}); open it once without read-only mode`);
    }
    if (existed && version > 0) backupBeforeMigration(db, file, version, (options.now ?? (() => new Date()))());
    const pending = MIGRATIONS.filter((m) => m.version > version).sort((a, b) => a.version - b.version);
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
    })();
  }
  return db;
}

/** A consistent copy of the whole library, taken while nobody writes: VACUUM INTO. */
function backupBeforeMigration(db: DB, file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.schema-${version}.${stamp}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
