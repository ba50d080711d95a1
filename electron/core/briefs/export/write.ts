// Writing an export: all of it or nothing at the destination. The bytes go to a temporary file in
// the destination's folder (so the rename cannot cross file systems), are fsynced, then renamed
// over the destination; a process killed meanwhile leaves at most its temporary file, which the
// next export to that name removes. A full disk or a folder without permission is said in words.

import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AnnotationError } from '../../annotations/errors.ts';
import { fsyncPath, processAlive } from '../../annotations/backup.ts';

const CHUNK = 1 << 20;

/** An export that could not be written; nothing at its destination was changed. */
export class ExportError extends AnnotationError {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

function describe(path: string, e: NodeJS.ErrnoException): string {
  const folder = dirname(path);
  const kept = existsSync(path) ? `the file already at ${path} was left as it was` : `no file was written at ${path}`;
  switch (e.code) {
    case 'ENOSPC': return `${path}: the disk is full, so the brief could not be written (${kept}); free some space or choose another folder`;
    case 'EDQUOT': return `${path}: the disk quota is used up, so the brief could not be written (${kept}); free some space or choose another folder`;
    case 'EACCES':
    case 'EPERM': return `${folder}: Clauseway may not write in this folder, so the brief could not be written (${kept}); choose another folder`;
    case 'EROFS': return `${folder}: this folder is on a read-only disk, so the brief could not be written (${kept}); choose another folder`;
    case 'ENOENT': return existsSync(folder)
      ? `${folder}: no file can be made in this folder, so the brief could not be written (${kept}); choose another folder`
      : `${folder}: there is no such folder, so the brief could not be written; choose an existing folder`;
    case 'EISDIR': return `${path}: this is a folder; give a file name for the brief`;
    default: return `${path}: the brief could not be written (${e.message}); ${kept}`;
  }
}

/** Temporary files of earlier exports to this name whose process is gone (killed mid-write). */
function removeStale(path: string): void {
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

export function writeExportAtomic(path: string, bytes: Uint8Array): void {
  removeStale(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'w');
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      let done = at;
      while (done < end) done += writeSync(fd, bytes, done, end - done);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw new ExportError(describe(path, e as NodeJS.ErrnoException));
  }
  try {
    fsyncPath(dirname(path));
  } catch {
    // Windows cannot open a folder to fsync it; NTFS journals the rename.
  }
}
