// Writing an export: all of it or nothing at the destination. The bytes go to a temporary file in
// the destination's folder (so the rename cannot cross file systems), are fsynced, then renamed
// over the destination; a process killed meanwhile leaves at most its temporary file, which the
// next export to that name removes. A full disk or a folder without permission is said in words.

import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { removeStaleWrites, replaceAtomically, writeAll } from '../../annotations/atomic.ts';
import { AnnotationError } from '../../annotations/errors.ts';

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

export function writeExportAtomic(path: string, bytes: Uint8Array): void {
  // Temporary files of earlier exports to this name whose process is gone (killed mid-write).
  removeStaleWrites(path);
  replaceAtomically(path, (temp) => writeAll(temp, bytes), { fail: (e) => new ExportError(describe(path, e as NodeJS.ErrnoException)) });
}
