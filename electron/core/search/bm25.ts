// bm25 as FTS5 computes it (fts5_aux.c, `bm25(1.0, 0.0)`: the clause text weighs, the heading
// does not), for clauses that are scored from their text instead of by a ranked FTS5 query. A
// ranked query scores every match of a term (80,817 clauses for 应当: about 120 ms); scoring a
// bounded pool of them here costs a read of their rows, which the results need anyway.
//
// Per term (an FTS5 phrase): idf = ln((N − n + 0.5) / (n + 0.5)), 1e-6 when not positive, where n
// is the number of clauses holding it; tf = its occurrences in the text, overlapping ones too, as
// FTS5 counts phrase instances; the length is every token of the row, text and heading, one per
// character (grams.ts), over the average of all rows.

import type { Database } from 'better-sqlite3';

const K1 = 1.2;
const B = 0.75;

export interface CorpusStats {
  rows: number;
  /** Average tokens per row, every column. */
  avgTokens: number;
}

/**
 * FTS5's own totals, from its averages record (%_data, id 1: a varint row count, then one varint
 * total of tokens per column), the very numbers its bm25 divides by.
 */
export function corpusStats(db: Database): CorpusStats {
  const block = db.prepare<[], Buffer>('SELECT block FROM clause_grams_data WHERE id = 1').pluck().get();
  if (!block) return { rows: 0, avgTokens: 1 };
  let at = 0;
  const varint = (): number => {
    let v = 0;
    for (let i = 0; i < 9 && at < block.length; i++) {
      const byte = block[at++] ?? 0;
      if (i === 8) return v * 256 + byte;
      v = v * 128 + (byte & 0x7f);
      if (byte < 0x80) return v;
    }
    return v;
  };
  const rows = varint();
  let total = 0;
  while (at < block.length) total += varint();
  return { rows, avgTokens: rows > 0 ? total / rows : 1 };
}

export function idf(stats: CorpusStats, hits: number): number {
  const v = Math.log((stats.rows - hits + 0.5) / (hits + 0.5));
  return v > 0 ? v : 1e-6;
}

/** Characters (code points), the number of tokens grams.ts makes of a text. */
export function tokenCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n--;
      i++;
    }
  }
  return n;
}

/** Occurrences of `term` in `text`, overlapping ones too (both folded). */
export function occurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) n++;
  return n;
}

/** The bm25 of one row: `terms` with their idf, the row's folded text and its tokens in all. */
export function bm25(stats: CorpusStats, terms: { folded: string; idf: number }[], foldedText: string, rowTokens: number): number {
  const norm = K1 * (1 - B + (B * rowTokens) / stats.avgTokens);
  let score = 0;
  for (const t of terms) {
    const tf = occurrences(foldedText, t.folded);
    score += (t.idf * tf * (K1 + 1)) / (tf + norm);
  }
  return score;
}
