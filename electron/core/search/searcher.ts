// Search: FTS5 decides which clauses match (every term, exactly, after folding). Ranking puts the
// clauses where the whole query occurs as typed first; within that, the score is FTS5's bm25 over
// the clause text, plus a boost when the clause's heading holds the query, plus a boost from Lunr
// when the clause's document is among those most about the query (title, headings, opening).
//
// FTS5 reads every match once per ranked query (bm25 needs to know how many clauses hold each
// term), so each tier runs one ranked query: the best RERANK_POOL × limit clauses by bm25, which
// the boosts then reorder, joined by every clause whose heading matches (an unranked, selective
// query). A clause outside both can only have a lower bm25 and no heading boost; what it misses is
// at most its document's boost.

import type { Database } from 'better-sqlite3';
import { parseQuery, type SearchFilters } from '../../../shared/query.ts';
import { fold } from '../../../shared/fold.ts';
import { excerpt, markedSnippet, matchRanges, mergeRanges, type Range } from '../../../shared/snippet.ts';
import type { MatchTier, SearchHit, SearchResponse } from '../../../shared/types.ts';
import { allTermsQuery } from './grams.ts';
import { LunrShards, type RefreshReport } from './lunr-index.ts';

export const MAX_LIMIT = 5000;

/** Boosts beside bm25 (which is about 1–30 here): a heading naming the query, a document about it. */
const HEADING_BOOST = 6;
const DOC_BOOST = 4;
/** How many of Lunr's best documents get a boost. */
const BOOSTED_DOCS = 20;
/** The boosts reorder this many times `limit` of the best clauses by bm25. */
const RERANK_POOL = 4;

interface Candidate {
  seq: number;
  bm25: number;
}

interface Row {
  seq: number;
  id: string;
  doc_id: string;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
}

interface Filter {
  sql: string;
  params: (string | number)[];
}

function filterSql(f: SearchFilters): Filter {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.jurisdiction) {
    // 珠海 finds 珠海市; a document with two jurisdictions is found by either.
    parts.push(`EXISTS (SELECT 1 FROM json_each(d.jurisdictions) j WHERE json_extract(j.value, '$.name') IN (?, ? || '市', ? || '省'))`);
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
    parts.push('CAST(substr(d.date, 1, 4) AS INTEGER) >= ?');
    params.push(f.yearFrom);
  }
  if (f.yearTo !== undefined) {
    parts.push('CAST(substr(d.date, 1, 4) AS INTEGER) <= ?');
    params.push(f.yearTo);
  }
  if (f.docId) {
    parts.push('d.id = ?');
    params.push(f.docId);
  }
  return { sql: parts.join(' AND '), params };
}

export class Searcher {
  private readonly db: Database;
  readonly lunr: LunrShards;

  constructor(db: Database) {
    this.db = db;
    this.lunr = new LunrShards(db);
  }

  /** Loads the stored Lunr shards and brings them up to date (a no-op when nothing changed). */
  open(): RefreshReport {
    this.lunr.load();
    return this.lunr.refresh();
  }

  /**
   * `count` asks for the number of all matches as well: one more pass over every match, which a
   * results list can ask for after it has shown the first page.
   */
  search(query: string, options: { limit?: number; filters?: SearchFilters; count?: boolean } = {}): SearchResponse {
    const t0 = performance.now();
    const limit = Math.max(1, Math.min(options.limit ?? 50, MAX_LIMIT));
    const parsed = parseQuery(query, options.filters);
    const terms = parsed.folded.filter((t) => t.length > 0);
    if (terms.length === 0) return { query, terms: [], folded: [], hits: [], total: options.count ? 0 : null, problems: parsed.problems, ms: performance.now() - t0 };

    const filter = filterSql(parsed.filters);
    const docBoost = new Map<string, number>();
    const lunrHits = this.lunr.match(parsed.terms.join(' ')).slice(0, BOOSTED_DOCS);
    const top = lunrHits[0]?.score ?? 1;
    const titleMarks = new Map<string, [number, number][]>();
    for (const m of lunrHits) {
      docBoost.set(m.ref, (DOC_BOOST * m.score) / top);
      titleMarks.set(m.ref, mergeRanges(m.positions.filter((p) => p.field === 'title').map((p): Range => [p.start, p.start + p.length])));
    }

    const whole = terms.join('');
    const tiers: [MatchTier, string][] = [['phrase', allTermsQuery([whole])]];
    if (terms.length > 1) tiers.push(['terms', allTermsQuery(terms)]);
    const taken = new Set<number>();
    const ranked: { tier: MatchTier; seq: number; score: number }[] = [];
    for (const [tier, match] of tiers) {
      if (ranked.length >= limit) break;
      const want = limit - ranked.length;
      const scored = this.pooled(match, terms, filter, docBoost, want + taken.size)
        .filter((c) => !taken.has(c.seq))
        .slice(0, want);
      for (const c of scored) {
        taken.add(c.seq);
        ranked.push({ tier, seq: c.seq, score: c.score });
      }
    }

    const rows = this.rowsFor(ranked.map((r) => r.seq));
    const hits = ranked.flatMap(({ tier, seq, score }): SearchHit[] => {
      const r = rows.get(seq);
      if (!r) return [];
      const ex = excerpt(r.text, matchRanges(r.text, terms, fold), fold);
      return [
        {
          clauseId: r.id,
          docId: r.doc_id,
          // Every phrase match scores above every terms match.
          score: Number(((tier === 'phrase' ? 1000 : 0) + score).toFixed(3)),
          tier,
          snippet: markedSnippet(ex),
          excerpt: ex,
          label: r.label,
          heading: r.heading,
          headingMarks: r.heading ? matchRanges(r.heading, terms, fold) : [],
          titleMarks: titleMarks.get(r.doc_id) ?? [],
          citation: r.citation,
        },
      ];
    });
    const total = options.count ? this.count(allTermsQuery(terms), filter) : null;
    return { query, terms: parsed.terms, folded: terms, hits, total, problems: parsed.problems, ms: performance.now() - t0 };
  }

  /** The best `n` clauses for one FTS5 expression: bm25 plus boosts over the pools described above. */
  private pooled(match: string, terms: string[], filter: Filter, docBoost: Map<string, number>, n: number): { seq: number; score: number }[] {
    const ranked = this.candidates(match, filter, Math.max(n * RERANK_POOL, 100));
    const floor = ranked.length > 0 ? Math.min(...ranked.map((c) => c.bm25)) : 0;
    const pool = new Map(ranked.map((c) => [c.seq, c.bm25]));
    const headed = this.headed(`${match} AND ${allTermsQuery(terms, 'hgrams')}`, filter);
    // A heading match outside the ranked pool has a bm25 of at most the pool's lowest.
    for (const seq of headed) if (!pool.has(seq)) pool.set(seq, floor);
    const docOf = this.docsOf([...pool.keys()]);
    return [...pool]
      .map(([seq, bm25]) => ({ seq, score: bm25 + (headed.has(seq) ? HEADING_BOOST : 0) + (docBoost.get(docOf.get(seq) ?? '') ?? 0) }))
      .sort((a, b) => b.score - a.score || a.seq - b.seq)
      .slice(0, n);
  }

  /** Clauses matching the expression, best bm25 first (as a positive score); the bare FTS5 query when nothing is filtered. */
  private candidates(match: string, filter: Filter, n: number): Candidate[] {
    if (!filter.sql) {
      return this.db.prepare<[string, number], Candidate>('SELECT rowid AS seq, -rank AS bm25 FROM clause_grams WHERE clause_grams MATCH ? ORDER BY rank LIMIT ?').all(match, n);
    }
    return this.db
      .prepare<(string | number)[], Candidate>(
        `SELECT g.rowid AS seq, -g.rank AS bm25 FROM clause_grams g JOIN clauses c ON c.seq = g.rowid JOIN documents d ON d.id = c.doc_id
         WHERE clause_grams MATCH ? AND ${filter.sql} ORDER BY g.rank LIMIT ?`,
      )
      .all(match, ...filter.params, n);
  }

  /** Clauses whose heading matches too; unranked, so FTS5 reads only the (short) heading lists. */
  private headed(match: string, filter: Filter): Set<number> {
    const rows = filter.sql
      ? this.db
          .prepare<(string | number)[], { seq: number }>(`SELECT g.rowid AS seq FROM clause_grams g JOIN clauses c ON c.seq = g.rowid JOIN documents d ON d.id = c.doc_id WHERE clause_grams MATCH ? AND ${filter.sql} LIMIT ${MAX_LIMIT}`)
          .all(match, ...filter.params)
      : this.db.prepare<[string], { seq: number }>(`SELECT rowid AS seq FROM clause_grams WHERE clause_grams MATCH ? LIMIT ${MAX_LIMIT}`).all(match);
    return new Set(rows.map((r) => r.seq));
  }

  private count(match: string, filter: Filter): number {
    if (!filter.sql) return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM clause_grams WHERE clause_grams MATCH ?').get(match)?.n ?? 0;
    return (
      this.db
        .prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM clause_grams g JOIN clauses c ON c.seq = g.rowid JOIN documents d ON d.id = c.doc_id WHERE clause_grams MATCH ? AND ${filter.sql}`)
        .get(match, ...filter.params)?.n ?? 0
    );
  }

  private docsOf(seqs: number[]): Map<number, string> {
    const out = new Map<number, string>();
    if (seqs.length === 0) return out;
    const rows = this.db.prepare<number[], { seq: number; doc_id: string }>(`SELECT seq, doc_id FROM clauses WHERE seq IN (${seqs.map(() => '?').join(', ')})`).all(...seqs);
    for (const r of rows) out.set(r.seq, r.doc_id);
    return out;
  }

  private rowsFor(seqs: number[]): Map<number, Row> {
    const out = new Map<number, Row>();
    for (let i = 0; i < seqs.length; i += 500) {
      const chunk = seqs.slice(i, i + 500);
      const rows = this.db
        .prepare<number[], Row>(`SELECT seq, id, doc_id, label, heading, text, citation FROM clauses WHERE seq IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk);
      for (const r of rows) out.set(r.seq, r);
    }
    return out;
  }
}

