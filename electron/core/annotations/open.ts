// Opening the user data (dataDir/user.db): a damaged file is set aside and the last good backup
// restored, a verified backup is taken before any migration and once a day, and a file from a
// newer Clauseway is refused untouched. What happened is said in `notices`.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabaseWithBackup } from '../store/database.ts';
import { dailyBackup, durableRename, listBackups, manualBackupName, preMigrationBackupName, problemWith, removeStaleTemporaries, setAside, stampOf, verifiedCopy } from './backup.ts';
import { AnnotationError } from './errors.ts';
import { USER_MIGRATIONS } from './migrations/index.ts';
import type { Migration } from '../store/migrations/index.ts';
import { AnnotationStore } from './store.ts';

export const USER_DATA_FILE = 'user.db';

export interface OpenUserDataOptions {
  now?: () => Date;
  /** How long a write waits for another process's lock before a retry (ms; default 5000). */
  busyTimeoutMs?: number;
  /** The schema steps; tests pass their own to exercise upgrades. */
  migrations?: readonly Migration[];
}

export interface OpenedUserData {
  store: AnnotationStore;
  /** Sentences for the user: a recovery, a migration backup. Empty on an ordinary start. */
  notices: string[];
}

// Read-write connections only read here: a read-only one on a WAL file leaves -wal and -shm
// files behind, and a file from a newer Clauseway must be left exactly as it was.
function versionOf(file: string): number | null {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Sets a damaged file aside and puts the newest sound backup in its place. */
function recover(file: string, problem: string, now: Date, latest: number): string {
  const aside = setAside(file, `damaged-${stampOf(now)}`);
  for (const backup of listBackups(file)) {
    if (problemWith(backup, latest) !== null) continue;
    const temp = `${file}.restoring`;
    copyFileSync(backup, temp);
    durableRename(temp, file);
    const when = statSync(backup).mtime.toISOString();
    return `${file} could not be used because ${problem}. It was set aside as ${aside} (nothing in it was deleted) and the backup ${backup} of ${when} was restored; changes made after that backup are only in the set-aside file.`;
  }
  return `${file} could not be used because ${problem}. It was set aside as ${aside} (nothing in it was deleted); no sound backup was found, so Clauseway starts with empty user data.`;
}

export function openUserData(dataDir: string, options: OpenUserDataOptions = {}): OpenedUserData {
  const now = options.now ?? ((): Date => new Date());
  const migrations = options.migrations ?? USER_MIGRATIONS;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const file = join(dataDir, USER_DATA_FILE);
  mkdirSync(dataDir, { recursive: true });
  removeStaleTemporaries(file);
  const notices: string[] = [];
  if (existsSync(file) && statSync(file).size > 0) {
    const version = versionOf(file);
    if (version !== null && version > latest) {
      throw new AnnotationError(`${file}: these annotations were written by a newer Clauseway (schema ${version}; this version knows up to ${latest}). Update Clauseway to open them; nothing was changed.`);
    }
    // Schema 0 is a file whose first set-up never committed: the migrations will make it.
    const problem = version === null ? 'it cannot be read as a database' : version === 0 ? null : problemWith(file, latest, 'quick');
    if (problem !== null) notices.push(recover(file, problem, now(), latest));
    else if (version !== null && version > 0 && version < latest) {
      const raw = new Database(file, { fileMustExist: true });
      try {
        const copy = verifiedCopy(raw, preMigrationBackupName(file, version, now()), latest);
        notices.push(`${file} was upgraded from schema ${version} to ${latest}; a verified copy of the old one is ${copy}`);
      } finally {
        raw.close();
      }
    }
  }
  // The verified copy above stands for the one openDatabaseWithBackup would take.
  const { db } = openDatabaseWithBackup(file, { migrations, now, backupBeforeMigration: false });
  if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
  const store = new AnnotationStore(db, file);
  try {
    dailyBackup(db, file, now(), latest);
  } catch (e) {
    notices.push(`${file}: today's backup could not be written (${(e as Error).message}); the user data itself is unaffected`);
  }
  return { store, notices };
}

/** `clauseway backup`: a verified copy in the backups folder, whose path is returned. */
export function backupUserData(store: AnnotationStore, now = new Date()): string {
  return verifiedCopy(store.db, manualBackupName(store.file, now), store.schemaVersion());
}

/**
 * `clauseway restore FILE`: the file is checked first (sound Clauseway user data of a schema this
 * version knows); then the store is closed, the current file kept aside and the copy put in its
 * place. Returns the reopened store and where the previous file went.
 */
export function restoreUserData(store: AnnotationStore, backup: string, options: OpenUserDataOptions = {}): OpenedUserData & { aside: string } {
  const latest = (options.migrations ?? USER_MIGRATIONS).reduce((v, m) => Math.max(v, m.version), 0);
  const problem = existsSync(backup) ? problemWith(backup, latest) : 'there is no such file';
  if (problem !== null) throw new AnnotationError(`${backup}: cannot be restored because ${problem}; the current user data was left as it is`);
  const file = store.file;
  const now = (options.now ?? ((): Date => new Date()))();
  store.close();
  const aside = setAside(file, `before-restore-${stampOf(now)}`);
  const temp = `${file}.restoring`;
  copyFileSync(backup, temp);
  durableRename(temp, file);
  const opened = openUserData(dirname(file), options);
  opened.notices.unshift(`${file} was restored from ${backup}; the user data it replaced is kept as ${aside}`);
  return { ...opened, aside };
}
