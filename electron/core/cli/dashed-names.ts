// A file whose name starts with a dash (-2.txt) reads as an option: parseArgs then fails with
// "Unknown option '-2'", which names no file. When such an argument names a file or folder that
// is there, the error says so and how to pass it.

import { existsSync } from 'node:fs';

/** The message for arguments that failed to parse because one names a dashed file; else null. */
export function dashedFileProblem(argv: readonly string[]): string | null {
  const end = argv.indexOf('--');
  const dashed = (end < 0 ? argv : argv.slice(0, end)).find((a) => a.length > 1 && a.startsWith('-') && existsSync(a));
  if (dashed === undefined) return null;
  return `${dashed}: a name that starts with a dash reads as an option; write ./${dashed}, or put -- before the names (clauseway ingest -- ${dashed})`;
}
