// The FTS5 side of search: keeping the exact-recall index in step with the clauses, and querying it.

import type { Database } from 'better-sqlite3';
import { fold } from '../../../shared/fold.ts';
import { gramsOf } from './grams.ts';

export interface IndexedClause {
  seq: number | bigint;
  text: string;
  heading: string | null;
}

/** Indexes clauses as they were just stored. Runs inside the caller's transaction. */
export function indexRows(db: Database, rows: Iterable<IndexedClause>): number {
  const insert = db.prepare('INSERT INTO clause_grams (rowid, grams, hgrams) VALUES (?, ?, ?)');
  let n = 0;
  for (const row of rows) {
    insert.run(row.seq, gramsOf(fold(row.text)), row.heading ? gramsOf(fold(row.heading)) : '');
    n++;
  }
  return n;
}

/** Indexes the clauses a query selects (columns seq, text, heading). Runs inside the caller's transaction. */
export function indexClauses(db: Database, select: string, ...params: unknown[]): number {
  // .all(), not .iterate(): the connection cannot insert while a read is still stepping.
  return indexRows(db, db.prepare<unknown[], IndexedClause>(select).all(...params));
}

/** Past this many segments a query seeks in each of them: 14 after importing the bench corpus. */
const MAX_SEGMENTS = 8;

/**
 * Merges the index's segments into one when they have piled up (FTS5 writes one per transaction
 * and merges only some). A read of a seq range seeks in every segment: merged, reading the ranges
 * of a filter got ten times cheaper (bench corpus: 0.17 → 0.015 ms a range; the merge took 1.8 s).
 */
export function mergeSegments(db: Database, max = MAX_SEGMENTS): boolean {
  if (segmentCount(db) <= max) return false;
  db.prepare("INSERT INTO clause_grams (clause_grams) VALUES ('optimize')").run();
  return true;
}

export function segmentCount(db: Database): number {
  return db.prepare<[], number>('SELECT count(DISTINCT segid) FROM clause_grams_idx').pluck().get() ?? 0;
}
