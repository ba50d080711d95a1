// The FTS5 side of search: keeping the exact-recall index in step with the clauses, and querying it.

import type { Database } from 'better-sqlite3';
import { fold } from '../../../shared/fold.ts';
import { gramsOf } from './grams.ts';

/** Indexes the clauses a query selects (columns seq, text, heading). Runs inside the caller's transaction. */
export function indexClauses(db: Database, select: string, ...params: unknown[]): number {
  const insert = db.prepare('INSERT INTO clause_grams (rowid, grams, hgrams) VALUES (?, ?, ?)');
  let n = 0;
  // .all(), not .iterate(): the connection cannot insert while a read is still stepping.
  for (const row of db.prepare(select).all(...params) as { seq: number; text: string; heading: string | null }[]) {
    insert.run(row.seq, gramsOf(fold(row.text)), row.heading ? gramsOf(fold(row.heading)) : '');
    n++;
  }
  return n;
}
