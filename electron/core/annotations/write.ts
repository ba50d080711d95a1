// Every write of user data: one transaction that takes the write lock up front (BEGIN IMMEDIATE,
// so two writers queue instead of failing half-way), retried a bounded number of times when
// another process holds the lock past busy_timeout, then a message that says what to do.

import type { DB } from '../store/database.ts';
import { AnnotationError } from './errors.ts';

const WRITE_ATTEMPTS = 4;
const PAUSE_MS = [50, 200, 800];

const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};

const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

export function writeTransaction<T>(db: DB, file: string, what: string, fn: () => T): T {
  const tx = db.transaction(fn);
  for (let attempt = 1; ; attempt++) {
    try {
      return tx.immediate();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= WRITE_ATTEMPTS) {
        throw new AnnotationError(`${file}: ${what} was not saved: another Clauseway process kept the user data busy (${WRITE_ATTEMPTS} attempts); nothing was changed, try again when it has finished`);
      }
      pause(PAUSE_MS[attempt - 1] ?? 800);
    }
  }
}
