import type { ImportReason, ImportReasonCode } from '../../../shared/api.ts';

/**
 * A file that cannot be imported. The message names the file and the problem, in plain words; `why`
 * says it as a code and its values, for a window in another language.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly problem: string;
  readonly why: ImportReason;

  constructor(file: string, problem: string, why: ImportReason | ImportReasonCode = 'other') {
    super(`${file}: ${problem}`);
    this.name = 'IngestError';
    this.file = file;
    this.problem = problem;
    this.why = typeof why === 'string' ? { code: why, params: {} } : why;
  }
}

/** What a failure to open a file means, as a code (openProblem says it in words). */
export function openReason(code: string | undefined): ImportReason {
  const known: Record<string, ImportReasonCode> = { ENOENT: 'missing', EISDIR: 'not-a-file', ELOOP: 'link-loop', EACCES: 'denied', EPERM: 'denied' };
  return { code: (code && known[code]) || 'unreadable', params: { errno: code ?? '' } };
}

/** What a failure to open or read a file means, in plain words (never an errno code alone). */
export function openProblem(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file (or a link to a file that is not there)';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ELOOP':
      return 'this is a symbolic link in a loop of links that lead back to each other; it leads to no file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: this user may not read the file';
    case 'ENAMETOOLONG':
      return 'the file name (with its folders) is too long to open';
    case 'EBUSY':
      return 'the file is locked by another program; close it there and import it again';
    default:
      return `the file cannot be read (the system says ${code ?? 'nothing more'})`;
  }
}

/** Why a path that is not a regular file cannot be imported (a named pipe would never end). */
export function notAFileProblem(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'this is a folder, not a file';
  if (st.isFIFO()) return 'this is a named pipe (FIFO), not a file; Clauseway imports only regular files';
  if (st.isSocket()) return 'this is a socket, not a file; Clauseway imports only regular files';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'this is a device, not a file; Clauseway imports only regular files';
  return 'this is not a regular file; Clauseway imports only regular files';
}
