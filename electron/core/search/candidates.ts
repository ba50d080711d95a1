// What FTS5 is asked, and how much each question costs. Unranked reads stop when they have enough
// and seek through a filter's seq ranges; a ranked read scores every match (bm25 must see them all)
// and is asked only of expressions with few enough matches. Measured on the bench corpus (2 cores,
// shared): the first 100 clauses holding 应当 in 0.2 ms, its 80,817 matches counted in 5 ms,
// ranked in 120 ms.

import type { Database, Statement } from 'better-sqlite3';
import type { Scope, SeqRange } from './scope.ts';

// better-sqlite3 binds a JS number as a REAL, and FTS5 takes a rowid bound only when it is an
// INTEGER (fts5GetRowidLimit): without the CASTs it reads the whole list and SQLite filters after
// (4 ms instead of 0.05 ms for a small range of 应当). The ranges come as one JSON array, walked by
// json_each in the outer loop (CROSS JOIN keeps that order): one statement for any number of
// ranges, each an FTS5 seek (罚款 kind:news, 24 ranges: 120 µs, against 340 µs a statement each).
const IN_RANGES = `FROM json_each(?) r CROSS JOIN clause_grams g
  ON g.clause_grams MATCH ? AND g.rowid BETWEEN CAST(r.value ->> 0 AS INTEGER) AND CAST(r.value ->> 1 AS INTEGER)`;
const IN_HULL = 'rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)';
/** A seek of a seq range costs about as much as reading this many matches (bench corpus, 2–3 tokens). */
const ROWS_PER_SEEK = 16;

export interface Ranked {
  seq: number;
  bm25: number;
}

export class Candidates {
  private readonly db: Database;
  private readonly statements = new Map<string, Statement>();
  /**
   * Without a prefix index FTS5 answers a one-character term (a prefix query) by merging every
   * token that starts with it, once per statement: then one read over the hull beats many small ones.
   */
  private readonly prefixIndexed: boolean;
  /** For such a term, the first matches read by `hits`, so that `first` need not merge again. */
  private read: { match: string; seqs: number[]; complete: boolean } | null = null;

  constructor(db: Database) {
    this.db = db;
    const sql = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'clause_grams'").pluck().get() ?? '';
    // A token is g and four base-36 digits per character (grams.ts): one character is a prefix of 5.
    const prefixes = /prefix\s*=\s*'?([\d ]+)/i.exec(sql)?.[1]?.trim().split(/\s+/) ?? [];
    this.prefixIndexed = prefixes.includes('5');
  }

  /** Forgets what was read: the library may change between searches. */
  reset(): void {
    this.read = null;
  }

  /** A statement over this expression costs a merge of a prefix's tokens (20 ms for 法). */
  expensive(match: string): boolean {
    return !this.prefixIndexed && match.includes('*');
  }

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Every match, best bm25 first (as a positive score). */
  ranked(match: string): Ranked[] {
    return this.statement('SELECT rowid AS seq, -rank AS bm25 FROM clause_grams WHERE clause_grams MATCH ? ORDER BY rank').all(match) as Ranked[];
  }

  /** Every match, unranked. */
  all(match: string): Set<number> {
    return new Set(this.statement('SELECT rowid FROM clause_grams WHERE clause_grams MATCH ?').pluck().all(match) as number[]);
  }

  /** The number of matches: exact up to `bound`, past it estimated from where the bound was reached. */
  hits(match: string, bound: number): number {
    if (this.expensive(match)) {
      const seqs = this.statement('SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? LIMIT ?').pluck().all(match, bound + 1) as number[];
      this.read = { match, seqs, complete: seqs.length <= bound };
      return this.estimate(seqs.length, bound, seqs[seqs.length - 1] ?? null);
    }
    const r = this.statement('SELECT count(*) AS n, max(rowid) AS last FROM (SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? LIMIT ?)').get(match, bound + 1) as { n: number; last: number | null };
    return this.estimate(r.n, bound, r.last);
  }

  private estimate(n: number, bound: number, last: number | null): number {
    if (n <= bound || last === null) return n;
    // The matches are taken to be spread over the seqs as the first `bound` of them are.
    // Two subqueries: min and max in one select would scan the table.
    const span = this.statement('SELECT (SELECT min(seq) FROM clauses) AS lo, (SELECT max(seq) FROM clauses) AS hi').get() as { lo: number; hi: number };
    return Math.round((n * (span.hi - span.lo + 1)) / Math.max(1, last - span.lo + 1));
  }

  /** The first `k` matches in seq order (the library's order), within the scope when one is given. */
  first(match: string, scope: Scope | null, k: number): number[] {
    if (k <= 0) return [];
    if (this.read?.match === match) {
      const seqs = scope ? this.read.seqs.filter((s) => scope.has(s)) : this.read.seqs;
      if (seqs.length >= k || this.read.complete) return seqs.slice(0, k);
    }
    if (!scope) return this.statement('SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? LIMIT ?').pluck().all(match, k) as number[];
    const out: number[] = [];
    const rest = this.throughHull(match, scope, (seq) => out.push(seq) < k);
    if (out.length < k && rest.length > 0) out.push(...(this.statement(`SELECT g.rowid ${IN_RANGES} LIMIT ?`).pluck().all(JSON.stringify(rest), match, k - out.length) as number[]));
    return out;
  }

  /** Whether one clause matches. */
  has(match: string, seq: number): boolean {
    return this.statement('SELECT 1 FROM clause_grams WHERE clause_grams MATCH ? AND rowid = CAST(? AS INTEGER)').get(match, seq) !== undefined;
  }

  /** The number of matches within the scope (all of them without one). */
  count(match: string, scope: Scope | null): number {
    if (!scope) return (this.statement('SELECT count(*) FROM clause_grams WHERE clause_grams MATCH ?').pluck().get(match) as number | undefined) ?? 0;
    let n = 0;
    const rest = this.throughHull(match, scope, () => {
      n++;
      return true;
    });
    if (rest.length === 0) return n;
    return n + ((this.statement(`SELECT count(*) ${IN_RANGES}`).pluck().get(JSON.stringify(rest), match) as number | undefined) ?? 0);
  }

  /**
   * Gives `take` the matches within the scope in seq order, reading through the scope's hull while
   * that costs less than seeking each range, until `take` says it has enough. Seeking a range costs
   * about as much as reading ROWS_PER_SEEK matches: a filter scattered over the library
   * (人民政府 year:2019-2021: 522 ranges) with few matches (its 128 heading matches) took 26 ms of
   * seeks against 0.1 ms of reading. Past the budget, the ranges after the last match read are
   * returned, to be sought; none when the hull was read to its end or `take` stopped. A
   * one-character term is never sought: each seek would merge its prefix's tokens again.
   */
  private throughHull(match: string, scope: Scope, take: (seq: number) => boolean): SeqRange[] {
    const budget = this.expensive(match) ? Number.POSITIVE_INFINITY : scope.ranges.length * ROWS_PER_SEEK;
    let read = 0;
    let last = -1;
    for (const seq of this.hull(match, scope)) {
      if (read++ >= budget) return scope.within(last + 1, scope.ranges[scope.ranges.length - 1]?.[1] ?? -1).ranges;
      last = seq;
      if (scope.has(seq) && !take(seq)) break;
    }
    return [];
  }

  private hull(match: string, scope: Scope): IterableIterator<number> {
    const lo = scope.ranges[0]?.[0] ?? 0;
    const hi = scope.ranges[scope.ranges.length - 1]?.[1] ?? -1;
    return this.statement(`SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? AND ${IN_HULL}`).pluck().iterate(match, lo, hi) as IterableIterator<number>;
  }
}
