// Search: FTS5 decides which clauses match (every term, exactly, after folding); ranking puts the
// clauses where the whole query occurs as typed first, then orders by FTS5's bm25 over the text
// combined with Lunr's word-level scores for document titles and clause headings.

import type { Database } from 'better-sqlite3';
import { parseQuery, type SearchFilters } from '../../../shared/query.ts';
import { excerpt, markedSnippet, matchRanges } from '../../../shared/snippet.ts';
import type { MatchTier, SearchHit, SearchResponse } from '../../../shared/types.ts';
import { allTermsQuery, gramQuery } from './grams.ts';
import { LunrShards, type RefreshReport } from './lunr-index.ts';

export const MAX_LIMIT = 5000;

/** How much a heading or title match counts beside bm25 (bm25 from FTS5 is negative, better = lower). */
const CLAUSE_BOOST = 4;
const DOC_BOOST = 2;

interface Row {
  seq: number;
  id: string;
  doc_id: string;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
  score: number;
}

function filterSql(f: SearchFilters): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.jurisdiction) {
    // 珠海 finds 珠海市; a document with two jurisdictions is found by either.
    parts.push(`EXISTS (SELECT 1 FROM json_each(d.jurisdictions) j WHERE json_extract(j.value, '$.name') = ? OR json_extract(j.value, '$.name') = ? || '市' OR json_extract(j.value, '$.name') = ? || '省')`);
    params.push(f.jurisdiction, f.jurisdiction, f.jurisdiction);
  }
  if (f.level) {
    parts.push('d.level = ?');
    params.push(f.level);
  }
  if (f.kind) {
    parts.push('d.kind = ?');
    params.push(f.kind);
  }
  if (f.yearFrom !== undefined) {
    parts.push("CAST(substr(d.date, 1, 4) AS INTEGER) >= ?");
    params.push(f.yearFrom);
  }
  if (f.yearTo !== undefined) {
    parts.push("CAST(substr(d.date, 1, 4) AS INTEGER) <= ?");
    params.push(f.yearTo);
  }
  if (f.docId) {
    parts.push('d.id = ?');
    params.push(f.docId);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

export class Searcher {
  private readonly db: Database;
  readonly lunr: LunrShards;

  constructor(db: Database) {
    this.db = db;
    this.lunr = new LunrShards(db);
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS clause_boost (seq INTEGER PRIMARY KEY, score REAL NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS doc_boost (doc_id TEXT PRIMARY KEY, score REAL NOT NULL);
    `);
  }

  /** Loads the stored Lunr shards and brings them up to date (a no-op when nothing changed). */
  open(): RefreshReport {
    this.lunr.load();
    return this.lunr.refresh();
  }

  search(query: string, options: { limit?: number; filters?: SearchFilters } = {}): SearchResponse {
    const t0 = performance.now();
    const limit = Math.max(1, Math.min(options.limit ?? 50, MAX_LIMIT));
    const parsed = parseQuery(query, options.filters);
    const terms = parsed.folded.filter((t) => t.length > 0);
    if (terms.length === 0) return { query, terms: [], hits: [], total: 0, problems: parsed.problems, ms: performance.now() - t0 };

    const headingMarks = this.prepareBoosts(parsed.terms.join(' '));
    const { sql: where, params } = filterSql(parsed.filters);
    const base = `FROM clause_grams g JOIN clauses c ON c.seq = g.rowid JOIN documents d ON d.id = c.doc_id
      WHERE clause_grams MATCH ?${where}`;
    const ranked = (match: string, exclude: Set<number>, n: number): Row[] =>
      this.db
        .prepare<(string | number)[], Row>(
          `SELECT c.seq, c.id, c.doc_id, c.label, c.heading, c.text, c.citation,
             -g.rank + ${CLAUSE_BOOST} * coalesce(cb.score, 0) + ${DOC_BOOST} * coalesce(db.score, 0) AS score
           FROM clause_grams g JOIN clauses c ON c.seq = g.rowid JOIN documents d ON d.id = c.doc_id
           LEFT JOIN temp.clause_boost cb ON cb.seq = c.seq LEFT JOIN temp.doc_boost db ON db.doc_id = c.doc_id
           WHERE clause_grams MATCH ?${where}
           ORDER BY score DESC LIMIT ?`,
        )
        .all(match, ...params, n + exclude.size)
        .filter((r) => !exclude.has(r.seq))
        .slice(0, n);

    // The whole query as typed, its terms side by side, is the best kind of match.
    const whole = terms.join('');
    const tiers: [MatchTier, string][] = terms.length > 1 ? [['phrase', gramQuery(whole)], ['terms', allTermsQuery(terms)]] : [['phrase', gramQuery(whole)]];
    const seen = new Set<number>();
    const rows: [MatchTier, Row][] = [];
    for (const [tier, match] of tiers) {
      if (rows.length >= limit) break;
      for (const r of ranked(match, seen, limit - rows.length)) {
        seen.add(r.seq);
        rows.push([tier, r]);
      }
    }
    const total = (this.db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n ${base}`).get(allTermsQuery(terms), ...params)?.n) ?? 0;

    const hits = rows.map(([tier, r], i): SearchHit => {
      const ex = excerpt(r.text, matchRanges(r.text, terms));
      // Scores fall with rank, and every phrase match scores above every terms match.
      const score = Number(((tier === 'phrase' ? 1000 : 0) + r.score).toFixed(3));
      return {
        clauseId: r.id,
        docId: r.doc_id,
        score: Number.isFinite(score) ? score : rows.length - i,
        tier,
        snippet: markedSnippet(ex),
        excerpt: ex,
        label: r.label,
        heading: r.heading,
        headingMarks: headingMarks.get(r.id) ?? [],
        citation: r.citation,
      };
    });
    return { query, terms: parsed.terms, hits, total, problems: parsed.problems, ms: performance.now() - t0 };
  }

  /** Fills the temporary boost tables from Lunr; returns where the words stand in matched headings. */
  private prepareBoosts(text: string): Map<string, [number, number][]> {
    const matches = this.lunr.match(text);
    const top = Math.max(...matches.map((m) => m.score), 1e-9);
    const seqOf = this.db.prepare<[string], { seq: number }>('SELECT seq FROM clauses WHERE id = ?');
    const marks = new Map<string, [number, number][]>();
    this.db.transaction(() => {
      this.db.exec('DELETE FROM temp.clause_boost; DELETE FROM temp.doc_boost;');
      const clause = this.db.prepare('INSERT OR REPLACE INTO temp.clause_boost (seq, score) VALUES (?, ?)');
      const doc = this.db.prepare('INSERT OR REPLACE INTO temp.doc_boost (doc_id, score) VALUES (?, ?)');
      for (const m of matches) {
        const normalised = m.score / top;
        if (m.ref.startsWith('d:')) {
          doc.run(m.ref.slice(2), normalised);
          continue;
        }
        const id = m.ref.slice(2);
        const seq = seqOf.get(id)?.seq;
        if (seq !== undefined) clause.run(seq, normalised);
        marks.set(
          id,
          m.positions.filter((p) => p.field === 'heading').map((p): [number, number] => [p.start, p.start + p.length]),
        );
      }
    })();
    return marks;
  }
}
