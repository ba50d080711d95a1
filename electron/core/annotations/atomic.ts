// Replacing a file all at once, for every file Clauseway writes whole (annotation exports, backups
// of the user data, brief exports): the new contents go to a temporary file beside the destination
// (so the rename cannot cross file systems), are fsynced by whoever writes them, renamed over it,
// and the rename made durable by an fsync of the folder. When anything fails, the temporary file is removed and the
// destination left as it was; the caller says why in its own words.

import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const CHUNK = 1 << 20;

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a process is still running (one we may not signal is running too). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The temporary name of a write to `path` by this process: hidden, beside it, named by process. */
export const temporaryOf = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/** Temporary files of earlier writes to `path` whose process is gone (killed mid-write). */
export function removeStaleWrites(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /\.(\d+)\.tmp$/.exec(name)?.[1] : undefined;
    if (pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid))) rmSync(join(dirname(path), name), { force: true });
  }
}

/** Writes all of `bytes` to a new file at `path`, in chunks (a write may take only part of them), and fsyncs it. */
export function writeAll(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      let done = at;
      while (done < end) done += writeSync(fd, bytes, done, end - done);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface AtomicOptions {
  /** The temporary file (temporaryOf(path) unless given). */
  temp?: string;
  /** What a failure becomes (it is thrown as it is unless given). */
  fail?: (e: unknown) => Error;
}

/** Makes `fill(temp)` the file at `path`, all of it or nothing; `fill` writes the file whole and durable. */
export function replaceAtomically(path: string, fill: (temp: string) => void, options: AtomicOptions = {}): void {
  const temp = options.temp ?? temporaryOf(path);
  try {
    rmSync(temp, { force: true });
    fill(temp);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw options.fail ? options.fail(e) : e;
  }
  try {
    fsyncPath(dirname(path));
  } catch {
    // Windows cannot open a folder to fsync it; NTFS journals the rename.
  }
}
