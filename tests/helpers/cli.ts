// The command line run in-process, as the tests call it: its exit code and what it printed.

import assert from 'node:assert/strict';
import { run } from '../../electron/core/cli/main.ts';

export interface Result {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<Result> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env: {} });
  return { code, out, err };
}

/** The JSON a command printed, once it succeeded, read as the type the caller names. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of the output
export function parsed<T = unknown>(r: Result): T {
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as T;
}
