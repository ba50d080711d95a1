// Every write of user data: one transaction that takes the write lock up front (BEGIN IMMEDIATE,
// so two writers queue instead of failing half-way), waiting behind another process's write as
// the library's writes do (store/database.ts), then a message that says what to do.

import { waitForWriteLock, type DB } from '../store/database.ts';
import { AnnotationError } from './errors.ts';

export function writeTransaction<T>(db: DB, file: string, what: string, fn: () => T): T {
  const tx = db.transaction(fn);
  return waitForWriteLock(
    () => tx.immediate(),
    (waited) => new AnnotationError(`${file}: ${what} was not saved: another Clauseway process kept the user data busy for ${waited}; nothing was changed, try again when it has finished`),
  );
}
