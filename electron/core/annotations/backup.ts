// Verified copies of the user data: written with VACUUM INTO under a temporary name, reopened,
// integrity-checked, then renamed into place, so that a backup on disk is always a whole, sound
// file. One a day on a rotation of seven, one before every migration, and any asked for.

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DB } from '../store/database.ts';
import { fsyncPath, processAlive, replaceAtomically } from './atomic.ts';
import { AnnotationError } from './errors.ts';
import { USER_DATA_APPLICATION_ID } from './migrations/0001-user-data.ts';

export const BACKUP_FOLDER = 'backups';
export const DAILY_KEPT = 7;
const DAILY = /^user-daily-(\d{4}-\d{2}-\d{2})\.db$/;

const stampOf = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

/** Renames into place and makes the rename itself durable. */
export function durableRename(from: string, to: string): void {
  fsyncPath(from);
  renameSync(from, to);
  try {
    fsyncPath(dirname(to));
  } catch {
    // Windows cannot open a folder to fsync it; its rename is journaled by NTFS.
  }
}

/**
 * Why a file cannot serve as user data, or null when it can: it must open, be Clauseway user data
 * (its application_id), have a schema this version knows and pass `PRAGMA integrity_check`.
 */
export function problemWith(file: string, latest: number, check: 'integrity' | 'quick' = 'integrity'): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const app = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (app !== USER_DATA_APPLICATION_ID) return 'it is not a Clauseway user-data file';
    if (version > latest) return `it was written by a newer Clauseway (schema ${version}; this version knows up to ${latest})`;
    const result = db.pragma(check === 'integrity' ? 'integrity_check' : 'quick_check', { simple: true }) as string;
    const first = result.split('\n').find((line) => !line.startsWith('***')) ?? result;
    return result === 'ok' ? null : `it is damaged (${check === 'integrity' ? 'integrity' : 'quick'} check: ${first.slice(0, 160)})`;
  } catch (e) {
    return `it cannot be read as a database (${(e as Error).message})`;
  } finally {
    db?.close();
  }
}

/** A verified copy of `db` at `target`; throws, leaving no file at `target`, when it fails. */
export function verifiedCopy(db: DB, target: string, latest: number): string {
  mkdirSync(dirname(target), { recursive: true });
  // Named by process: two processes starting at once may both take the day's copy.
  replaceAtomically(target, (temp) => {
    db.prepare('VACUUM INTO ?').run(temp);
    const problem = problemWith(temp, latest);
    if (problem !== null) throw new AnnotationError(`${target}: the backup was not kept because ${problem}`);
    fsyncPath(temp);
  }, { temp: `${target}.${process.pid}.tmp` });
  return target;
}

export function backupDir(userFile: string): string {
  return join(dirname(userFile), BACKUP_FOLDER);
}

/** Today's backup unless there is one, then the oldest daily ones past seven are removed. */
export function dailyBackup(db: DB, userFile: string, now: Date, latest: number): string | null {
  const dir = backupDir(userFile);
  const day = now.toISOString().slice(0, 10);
  const target = join(dir, `user-daily-${day}.db`);
  if (existsSync(target)) return null;
  verifiedCopy(db, target, latest);
  const daily = readdirSync(dir).filter((f) => DAILY.test(f)).sort();
  for (const old of daily.slice(0, Math.max(0, daily.length - DAILY_KEPT))) rmSync(join(dir, old), { force: true });
  return target;
}

export function manualBackupName(userFile: string, now: Date): string {
  return join(backupDir(userFile), `user-manual-${stampOf(now)}.db`);
}

export function preMigrationBackupName(userFile: string, version: number, now: Date): string {
  return join(backupDir(userFile), `user-schema-${version}-${stampOf(now)}.db`);
}

/** Backups, newest first (by the time they were written). */
export function listBackups(userFile: string): string[] {
  const dir = backupDir(userFile);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith('user-') && f.endsWith('.db'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || basename(b).localeCompare(basename(a)));
}

/** Partial copies left by a process killed while writing one (never those of a live process). */
export function removeStaleTemporaries(userFile: string): void {
  const dir = backupDir(userFile);
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const pid = /\.(\d+)\.tmp$/.exec(f)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) rmSync(join(dir, f), { force: true });
  }
}

/** Moves the file and its WAL companions aside under `suffix`; returns the new name. */
export function setAside(file: string, suffix: string): string {
  const aside = `${file}.${suffix}`;
  for (const ext of ['', '-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, aside + ext);
  return aside;
}

export { stampOf };
