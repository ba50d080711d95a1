// Search: FTS5 decides which clauses match (every term, exactly, after folding). Ranking puts the
// clauses where the whole query occurs as typed first; within that, the score is bm25 over the
// clause text, plus a boost when the clause's heading holds the query, plus a boost when
// the clause's document is among those most about the query (title, headings, opening).
//
// What a search costs follows the size of its answer, not how common its words are:
// - An expression with at most `exactRanking` matches is ranked over all of them: one ranked FTS5
//   read gives every bm25, one unranked read the clauses whose heading matches too.
// - A commoner one (应当 is in a third of the bench corpus's clauses, where its idf is 0.7 and the
//   boosts outweigh any bm25) is ranked over a bounded pool: the first matches in library order,
//   the first whose heading matches, and the first of each boosted document; each scored by the
//   same bm25 from its text (bm25.ts), the number of clauses holding a term estimated.
// - A filter becomes seq ranges (scope.ts) that FTS5 seeks through; when they hold few matches
//   those are all scored, so that a selective filter costs less than reading its clauses.
// Recall never depends on the pool: any clause of the answer is returned once the limit reaches it.

import type { Database } from 'better-sqlite3';
import { parseQuery, type SearchFilters } from '../../../shared/query.ts';
import { fold } from '../../../shared/fold.ts';
import { excerpt, markedSnippet, matchRanges, mergeRanges, type Range } from '../../../shared/snippet.ts';
import type { MatchTier, SearchHit, SearchResponse } from '../../../shared/types.ts';
import { bm25, corpusStats, idf, tokenCount, type CorpusStats } from './bm25.ts';
import { Candidates } from './candidates.ts';
import { mergeSegments } from './fts.ts';
import { allTermsQuery } from './grams.ts';
import { DocumentIndex, type RefreshReport } from './doc-index.ts';
import { DocumentRanges, filterSql, Scope } from './scope.ts';

export const MAX_LIMIT = 5000;

/** Boosts beside bm25 (which is about 1–30 here): a heading naming the query, a document about it. */
const HEADING_BOOST = 6;
const DOC_BOOST = 4;
/** How many of the best documents (doc-index.ts) get a boost. */
const BOOSTED_DOCS = 20;
/** A bounded pool holds this many times `limit` of the first matches (and as many headed ones). */
const RERANK_POOL = 4;
/** Ranked over every match up to this many; measured in tests/bench/search.ts. */
const EXACT_RANKING = 5000;
/** Matches are counted (for idf) up to this many, and estimated past it. */
const COUNTED = 10000;

export interface SearcherOptions {
  /** Expressions with more matches are ranked over a bounded pool (tests lower it). */
  exactRanking?: number;
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

interface Scored {
  seq: number;
  score: number;
}

/** What one search knows while it ranks its tiers. */
interface Context {
  terms: string[];
  scope: Scope | null;
  docBoost: Map<string, number>;
  stats: CorpusStats;
  rows: Map<number, Row>;
  /** Matches of each expression asked about (exact up to COUNTED). */
  hits: Map<string, number>;
  /** Seqs of the boosted documents' clauses, read when first needed. */
  boostedSeqs?: Map<number, number>;
}

const byScore = (a: Scored, b: Scored): number => b.score - a.score || a.seq - b.seq;

export class Searcher {
  private readonly db: Database;
  readonly docIndex: DocumentIndex;
  private readonly fts: Candidates;
  private readonly ranges: DocumentRanges;
  private readonly exactRanking: number;

  constructor(db: Database, options: SearcherOptions = {}) {
    this.db = db;
    this.docIndex = new DocumentIndex(db);
    this.fts = new Candidates(db);
    this.ranges = new DocumentRanges(db);
    this.exactRanking = options.exactRanking ?? EXACT_RANKING;
  }

  /**
   * Brings the stored document index up to date (a no-op when nothing changed); it is read on the
   * first query that needs it, not here. After a change (an import, a removal: whoever calls this
   * then is the writer) the FTS5 segments are merged when they have piled up.
   */
  open(): RefreshReport {
    const report = this.docIndex.refresh();
    if (report.rebuilt !== 'none') mergeSegments(this.db);
    return report;
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

    this.fts.reset();
    const filter = filterSql(parsed.filters);
    const docBoost = new Map<string, number>();
    const about = this.docIndex.match(parsed.terms.join(' ')).slice(0, BOOSTED_DOCS);
    const top = about[0]?.score ?? 1;
    const titleMarks = new Map<string, [number, number][]>();
    for (const m of about) {
      docBoost.set(m.ref, (DOC_BOOST * m.score) / top);
      titleMarks.set(m.ref, mergeRanges(m.positions.map((p): Range => [p.start, p.start + p.length])));
    }
    const ctx: Context = { terms, scope: filter.sql ? this.ranges.scope(filter) : null, docBoost, stats: corpusStats(this.db), rows: new Map(), hits: new Map() };

    const tiers: [MatchTier, string[]][] = [['phrase', [terms.join('')]]];
    if (terms.length > 1) tiers.push(['terms', terms]);
    const taken = new Set<number>();
    const ranked: { tier: MatchTier; seq: number; score: number }[] = [];
    for (const [tier, tierTerms] of tiers) {
      if (ranked.length >= limit) break;
      const want = limit - ranked.length;
      const scored = this.tier(ctx, tierTerms, want + taken.size)
        .filter((c) => !taken.has(c.seq))
        .slice(0, want);
      for (const c of scored) {
        taken.add(c.seq);
        ranked.push({ tier, seq: c.seq, score: c.score });
      }
    }

    this.fetch(ctx, ranked.map((r) => r.seq));
    const hits = ranked.flatMap(({ tier, seq, score }): SearchHit[] => {
      const r = ctx.rows.get(seq);
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
    const total = options.count ? this.fts.count(allTermsQuery(terms), ctx.scope) : null;
    return { query, terms: parsed.terms, folded: terms, hits, total, problems: parsed.problems, ms: performance.now() - t0 };
  }

  /** The best `n` clauses holding every one of `tierTerms`, by the costs described above. */
  private tier(ctx: Context, tierTerms: string[], n: number): Scored[] {
    const match = allTermsQuery(tierTerms);
    // Headings alone: joined to the text's expression, a one-character term would merge its
    // prefix's tokens twice; a heading match whose text does not match is dropped when scored.
    const headed = allTermsQuery(ctx.terms, 'hgrams');
    const pool = Math.max(n * RERANK_POOL, 100);
    let inScope: number[] | null = null;
    // Counted first when that reads the first matches too (candidates.ts), so they are read once.
    if (this.fts.expensive(match)) this.hits(ctx, match);
    if (ctx.scope) {
      inScope = this.fts.first(match, ctx.scope, pool + 1);
      if (inScope.length <= pool) return this.scoreRows(ctx, tierTerms, inScope, n);
    }
    const hits = this.hits(ctx, match);
    if (hits <= this.exactRanking) return this.exact(ctx, match, headed, n);
    const seqs = new Set(inScope?.slice(0, pool) ?? this.fts.first(match, null, pool));
    for (const seq of this.fts.first(headed, ctx.scope, pool)) seqs.add(seq);
    for (const seq of this.boostedFirst(ctx, match, n)) seqs.add(seq);
    return this.scoreRows(ctx, tierTerms, [...seqs], n);
  }

  /** Every match scored by FTS5's bm25, the heading and document boosts added (`headedMatch` finds headings). */
  private exact(ctx: Context, match: string, headedMatch: string, n: number): Scored[] {
    const headed = this.fts.all(headedMatch);
    const boosted = this.boostedSeqs(ctx);
    return this.fts
      .ranked(match)
      .filter((c) => !ctx.scope || ctx.scope.has(c.seq))
      .map((c): Scored => ({ seq: c.seq, score: c.bm25 + (headed.has(c.seq) ? HEADING_BOOST : 0) + (boosted.get(c.seq) ?? 0) }))
      .sort(byScore)
      .slice(0, n);
  }

  /** The clauses given, scored from their rows: bm25 (bm25.ts) and the boosts. */
  private scoreRows(ctx: Context, tierTerms: string[], seqs: number[], n: number): Scored[] {
    if (seqs.length === 0) return [];
    this.fetch(ctx, seqs);
    const weights = tierTerms.map((t) => ({ folded: t, idf: idf(ctx.stats, this.hits(ctx, allTermsQuery([t]))) }));
    const out: Scored[] = [];
    for (const seq of seqs) {
      const r = ctx.rows.get(seq);
      if (!r) continue;
      const text = fold(r.text);
      if (!tierTerms.every((t) => text.includes(t))) continue;
      const heading = r.heading ? fold(r.heading) : '';
      const tokens = tokenCount(r.text) + (r.heading ? tokenCount(r.heading) : 0);
      const headed = heading !== '' && ctx.terms.every((t) => heading.includes(t));
      out.push({ seq, score: bm25(ctx.stats, weights, text, tokens) + (headed ? HEADING_BOOST : 0) + (ctx.docBoost.get(r.doc_id) ?? 0) });
    }
    return out.sort(byScore).slice(0, n);
  }

  private hits(ctx: Context, match: string): number {
    let h = ctx.hits.get(match);
    if (h === undefined) {
      h = this.fts.hits(match, Math.max(COUNTED, this.exactRanking));
      ctx.hits.set(match, h);
    }
    return h;
  }

  /** Each boosted clause's boost, by seq. */
  private boostedSeqs(ctx: Context): Map<number, number> {
    if (!ctx.boostedSeqs) {
      const ids = [...ctx.docBoost.keys()];
      const rows = ids.length === 0 ? [] : this.db.prepare<string[], { seq: number; doc: string }>(`SELECT seq, doc_id AS doc FROM clauses WHERE doc_id IN (${ids.map(() => '?').join(', ')})`).all(...ids);
      ctx.boostedSeqs = new Map(rows.map((r) => [r.seq, ctx.docBoost.get(r.doc) ?? 0]));
    }
    return ctx.boostedSeqs;
  }

  /** The first `n` matches of each boosted document (in the scope): one read for them all. */
  private boostedFirst(ctx: Context, match: string, n: number): number[] {
    const ids = [...ctx.docBoost.keys()];
    if (ids.length === 0) return [];
    const docs = this.db
      .prepare<string[], [number, number]>(`SELECT min(seq), max(seq) FROM clauses WHERE doc_id IN (${ids.map(() => '?').join(', ')}) GROUP BY doc_id ORDER BY 1`)
      .raw()
      .all(...ids);
    const ranges = docs.flatMap(([lo, hi]) => (ctx.scope ? ctx.scope.within(lo, hi).ranges : [[lo, hi] as [number, number]]));
    const out: number[] = [];
    let doc = 0;
    let taken = 0;
    // In seq order, as the documents' ranges are: count each document's matches as they come.
    for (const seq of this.fts.first(match, new Scope(ranges), Number.MAX_SAFE_INTEGER)) {
      while (doc < docs.length && seq > (docs[doc]?.[1] ?? 0)) {
        doc++;
        taken = 0;
      }
      if (taken++ < n) out.push(seq);
    }
    return out;
  }

  /** Reads the rows of the clauses not read yet. */
  private fetch(ctx: Context, seqs: number[]): void {
    const missing = seqs.filter((s) => !ctx.rows.has(s));
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      const rows = this.db
        .prepare<number[], Row>(`SELECT seq, id, doc_id, label, heading, text, citation FROM clauses WHERE seq IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk);
      for (const r of rows) ctx.rows.set(r.seq, r);
    }
  }
}
