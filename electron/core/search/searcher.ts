// Search: FTS5 decides which clauses match (every term by one of its forms, exactly, after
// folding; no excluded term: expr.ts). Ranking puts the clauses where the whole query occurs as
// typed first; within that, the score is bm25 over the clause text, plus a boost when the clause's
// heading holds the query, plus a boost when the clause's document is among those most about the
// query (title, headings, opening); a news report's clause comes after the policies' at equal match.
// A document number matches its document (metadata.ts keeps it out of the text); filters without
// a word list the clauses they keep.
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

import type { Database, Statement } from 'better-sqlite3';
import { docNumberKey } from '../../../shared/doc-number.ts';
import { labelPathOf } from '../../../shared/label-path.ts';
import { hasFilter, parseQuery, type SearchFilters } from '../../../shared/query.ts';
import { fold } from '../../../shared/fold.ts';
import { excerpt, markedSnippet, matchRanges, mergeRanges, type Range } from '../../../shared/snippet.ts';
import type { SearchOptions } from '../../../shared/api.ts';
import type { MatchTier, SearchHit, SearchResponse } from '../../../shared/types.ts';
import { bm25, corpusStats, idf, tokenCount, type CorpusStats } from './bm25.ts';
import { Candidates } from './candidates.ts';
import { mergeSegments } from './fts.ts';
import { DocumentIndex, type RefreshReport } from './doc-index.ts';
import { anyOf, groupsQuery } from './expr.ts';
import { DocumentRanges, filterSql, Scope, type SeqRange } from './scope.ts';

export const MAX_LIMIT = 5000;

/** Boosts beside bm25 (which is about 1–30 here): a heading naming the query, a document about it. */
const HEADING_BOOST = 6;
const DOC_BOOST = 4;
/**
 * At equal match (the same tier) a news report's clause comes after every policy's and notice's:
 * news repeats what the policies say, and a reader looking up 绿色金融 wants the measures first.
 * News stays findable below them; a bm25 with boosts stays far under this.
 */
const NEWS_PENALTY = 500;
/** A document found by its number stands above the phrase matches of its text. */
const NUMBERED_SCORE = 1000;
/** A phrase tier of a query with alternatives tries at most this many combinations. */
const MAX_PHRASES = 16;
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
  /** Every group by one of its forms (folded). */
  groups: string[][];
  excluded: string[];
  /** Every form, for marks. */
  forms: string[];
  scope: Scope | null;
  /** The clauses of news reports (NEWS_PENALTY), read when first needed. */
  news?: Scope;
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
  /** A document's title, for the hits of a page (read apart: joined to every scored row it cost a third more). */
  private readonly title: Statement<[string], string>;

  constructor(db: Database, options: SearcherOptions = {}) {
    this.db = db;
    this.docIndex = new DocumentIndex(db);
    this.fts = new Candidates(db);
    this.ranges = new DocumentRanges(db);
    this.exactRanking = options.exactRanking ?? EXACT_RANKING;
    this.title = db.prepare<[string], string>('SELECT title FROM documents WHERE id = ?').pluck();
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
   * results list can ask for after it has shown the first page. `offset` skips the first hits of
   * the same ranking (a next page): offset + limit is at most MAX_LIMIT.
   */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    const t0 = performance.now();
    const limit = Math.max(1, Math.min(options.limit ?? 50, MAX_LIMIT));
    const offset = Math.max(0, Math.min(options.offset ?? 0, MAX_LIMIT - limit));
    const parsed = parseQuery(query, options.filters);
    const groups = parsed.groups.map((g) => g.filter((t) => t.length > 0)).filter((g) => g.length > 0);
    const excluded = parsed.excluded.filter((t) => t.length > 0);
    const answer = (hits: SearchHit[], total: number | null): SearchResponse => ({
      query,
      terms: parsed.terms,
      folded: parsed.folded,
      expansions: parsed.expansions,
      hits,
      total,
      offset,
      problems: parsed.problems,
      ms: performance.now() - t0,
    });
    if (groups.length === 0 && (!hasFilter(parsed.filters) || parsed.problems.some((p) => p.code === 'only-excluded'))) return answer([], options.count ? 0 : null);

    this.fts.reset();
    const scope = this.scopeOf(parsed.filters);
    if (groups.length === 0) {
      const listed = this.listing(scope, excluded, offset, limit);
      return answer(listed.hits, options.count ? listed.total : null);
    }
    const docBoost = new Map<string, number>();
    const about = this.docIndex.match([...parsed.terms, ...parsed.expansions.flatMap((e) => e.also)].join(' ')).slice(0, BOOSTED_DOCS);
    const top = about[0]?.score ?? 1;
    const titleMarks = new Map<string, [number, number][]>();
    for (const m of about) {
      docBoost.set(m.ref, (DOC_BOOST * m.score) / top);
      titleMarks.set(m.ref, mergeRanges(m.positions.map((p): Range => [p.start, p.start + p.length])));
    }
    const ctx: Context = { groups, excluded, forms: [...new Set(groups.flat())], scope, docBoost, stats: corpusStats(this.db), rows: new Map(), hits: new Map() };

    const want = offset + limit;
    const taken = new Set<number>();
    const ranked: { tier: MatchTier; seq: number; score: number }[] = [];
    // A document's number is in its metadata, not its text: the document's first clause stands for it.
    const numbered = groups.length === 1 && excluded.length === 0 ? this.numberedDocs(groups[0] ?? [], scope) : [];
    for (const seq of numbered) {
      taken.add(seq);
      ranked.push({ tier: 'phrase', seq, score: NUMBERED_SCORE });
    }
    for (const [tier, tierGroups] of tiersOf(groups)) {
      if (ranked.length >= want) break;
      const n = want - ranked.length;
      const scored = this.tier(ctx, tierGroups, n + taken.size)
        .filter((c) => !taken.has(c.seq))
        .slice(0, n);
      for (const c of scored) {
        taken.add(c.seq);
        ranked.push({ tier, seq: c.seq, score: c.score });
      }
    }

    const page = ranked.slice(offset, want);
    this.fetch(ctx, page.map((r) => r.seq));
    const hits = page.flatMap(({ tier, seq, score }): SearchHit[] => {
      const r = ctx.rows.get(seq);
      if (!r) return [];
      // Every phrase match scores above every terms match.
      return [this.hitOf(r, tier, (tier === 'phrase' ? 1000 : 0) + score, ctx.forms, titleMarks.get(r.doc_id) ?? [])];
    });
    let total: number | null = null;
    if (options.count) {
      const match = groupsQuery(groups, excluded);
      const extra = numbered.filter((seq) => !this.fts.has(match, seq)).length;
      total = this.fts.count(match, scope) + extra;
    }
    return answer(hits, total);
  }

  private hitOf(r: Row, tier: MatchTier, score: number, forms: string[], titleMarks: [number, number][]): SearchHit {
    const ex = excerpt(r.text, matchRanges(r.text, forms, fold), fold);
    return {
      clauseId: r.id,
      docId: r.doc_id,
      score: Number(score.toFixed(3)),
      tier,
      snippet: markedSnippet(ex),
      excerpt: ex,
      label: r.label,
      labelPath: labelPathOf(r.citation, this.title.get(r.doc_id) ?? '', r.label),
      heading: r.heading,
      headingMarks: r.heading ? matchRanges(r.heading, forms, fold) : [],
      titleMarks,
      citation: r.citation,
    };
  }

  /** The clauses the filters keep: the documents' seq ranges, narrowed to a unit's clauses. */
  private scopeOf(filters: SearchFilters): Scope | null {
    const filter = filterSql(filters);
    const docs = filter.sql ? this.ranges.scope(filter) : null;
    if (!filters.unit) return docs;
    const seqs = this.db
      .prepare<[string], number>('SELECT DISTINCT c.seq FROM clause_units u JOIN clauses c ON c.id = u.clause_id WHERE instr(u.name, ?) > 0 ORDER BY c.seq')
      .pluck()
      .all(filters.unit)
      .filter((seq) => !docs || docs.has(seq));
    const ranges: SeqRange[] = [];
    for (const seq of seqs) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === seq - 1) last[1] = seq;
      else ranges.push([seq, seq]);
    }
    return new Scope(ranges);
  }

  /**
   * A filter without words: the clauses it keeps that hold text, none excluded, policies and
   * notices before news, each in library order (a document's clauses in reading order).
   */
  private listing(scope: Scope | null, excluded: string[], offset: number, limit: number): { hits: SearchHit[]; total: number } {
    const ranges = JSON.stringify(scope?.ranges ?? []);
    const from = `FROM json_each(?) r CROSS JOIN clauses c ON c.seq BETWEEN CAST(r.value ->> 0 AS INTEGER) AND CAST(r.value ->> 1 AS INTEGER)
      JOIN documents d ON d.id = c.doc_id
      WHERE c.text <> ''${excluded.length > 0 ? ' AND c.seq NOT IN (SELECT rowid FROM clause_grams WHERE clause_grams MATCH ?)' : ''}`;
    const params: string[] = excluded.length > 0 ? [ranges, anyOf(excluded)] : [ranges];
    const total = this.db.prepare<string[], number>(`SELECT count(*) ${from}`).pluck().get(...params) ?? 0;
    // Seqs alone are sorted; the rows of the page are read after.
    const seqs = this.db.prepare<(string | number)[], number>(`SELECT c.seq ${from} ORDER BY d.kind = 'news', c.seq LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset);
    const ctx = { rows: new Map<number, Row>() };
    this.fetch(ctx, seqs);
    const hits: SearchHit[] = [];
    for (const seq of seqs) {
      const r = ctx.rows.get(seq);
      if (r) hits.push(this.hitOf(r, 'listed', 0, [], []));
    }
    return { hits, total };
  }

  /** The first clause of each document (in the scope) whose number holds a form of the term. */
  private numberedDocs(forms: string[], scope: Scope | null): number[] {
    // A number, not any digits: its year in brackets or its 号, beside the issuer's characters.
    const keys = forms.map(docNumberKey).filter((k) => /\d/.test(k) && /\p{Script=Han}/u.test(k.replace(/号$/, '')) && /〔\d{4}〕|\d号$/.test(k));
    if (keys.length === 0) return [];
    const docs = this.db.prepare<[], { id: string; number: string }>('SELECT id, doc_number AS number FROM documents WHERE doc_number IS NOT NULL').all();
    const out: number[] = [];
    for (const d of docs) {
      const key = docNumberKey(d.number);
      if (!keys.some((k) => key.includes(k))) continue;
      const seq = this.db.prepare<[string], number | null>('SELECT min(seq) FROM clauses WHERE doc_id = ?').pluck().get(d.id) ?? null;
      if (seq !== null && (!scope || scope.has(seq))) out.push(seq);
    }
    return out.sort((x, y) => x - y);
  }

  /** The best `n` clauses holding every one of `tierGroups` (each by one of its forms), by the costs described above. */
  private tier(ctx: Context, tierGroups: string[][], n: number): Scored[] {
    const match = groupsQuery(tierGroups, ctx.excluded);
    // Headings alone: joined to the text's expression, a one-character term would merge its
    // prefix's tokens twice; a heading match whose text does not match is dropped when scored.
    const headed = groupsQuery(ctx.groups, [], 'hgrams');
    const pool = Math.max(n * RERANK_POOL, 100);
    let inScope: number[] | null = null;
    // Counted first when that reads the first matches too (candidates.ts), so they are read once.
    if (this.fts.expensive(match)) this.hits(ctx, match);
    if (ctx.scope) {
      inScope = this.fts.first(match, ctx.scope, pool + 1);
      if (inScope.length <= pool) return this.scoreRows(ctx, tierGroups, inScope, n);
    }
    const hits = this.hits(ctx, match);
    if (hits <= this.exactRanking) return this.exact(ctx, match, headed, n);
    const seqs = new Set(inScope?.slice(0, pool) ?? this.fts.first(match, null, pool));
    for (const seq of this.fts.first(headed, ctx.scope, pool)) seqs.add(seq);
    for (const seq of this.boostedFirst(ctx, match, n)) seqs.add(seq);
    return this.scoreRows(ctx, tierGroups, [...seqs], n);
  }

  /** Every match scored by FTS5's bm25, the heading and document boosts added (`headedMatch` finds headings). */
  private exact(ctx: Context, match: string, headedMatch: string, n: number): Scored[] {
    const headed = this.fts.all(headedMatch);
    const boosted = this.boostedSeqs(ctx);
    const news = this.news(ctx);
    return this.fts
      .ranked(match)
      .filter((c) => !ctx.scope || ctx.scope.has(c.seq))
      .map((c): Scored => {
        const score = c.bm25 + (headed.has(c.seq) ? HEADING_BOOST : 0) + (boosted.get(c.seq) ?? 0);
        return { seq: c.seq, score: news.has(c.seq) ? score - NEWS_PENALTY : score };
      })
      .sort(byScore)
      .slice(0, n);
  }

  /** The clauses given, scored from their rows: bm25 (bm25.ts) and the boosts. */
  private scoreRows(ctx: Context, tierGroups: string[][], seqs: number[], n: number): Scored[] {
    if (seqs.length === 0) return [];
    this.fetch(ctx, seqs);
    const forms = [...new Set(tierGroups.flat())];
    const weights = forms.map((t) => ({ folded: t, idf: idf(ctx.stats, this.hits(ctx, groupsQuery([[t]]))) }));
    const news = this.news(ctx);
    const holds = (text: string, groups: string[][]): boolean => groups.every((g) => g.some((t) => text.includes(t)));
    const out: Scored[] = [];
    for (const seq of seqs) {
      const r = ctx.rows.get(seq);
      if (!r) continue;
      const text = fold(r.text);
      if (!holds(text, tierGroups) || ctx.excluded.some((t) => text.includes(t))) continue;
      const heading = r.heading ? fold(r.heading) : '';
      const tokens = tokenCount(r.text) + (r.heading ? tokenCount(r.heading) : 0);
      const headed = heading !== '' && holds(heading, ctx.groups);
      const score = bm25(ctx.stats, weights, text, tokens) + (headed ? HEADING_BOOST : 0) + (ctx.docBoost.get(r.doc_id) ?? 0);
      out.push({ seq, score: news.has(seq) ? score - NEWS_PENALTY : score });
    }
    return out.sort(byScore).slice(0, n);
  }

  /** The clauses of news reports. */
  private news(ctx: Context): Scope {
    ctx.news ??= this.ranges.scope(filterSql({ kind: 'news' }));
    return ctx.news;
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
  private fetch(ctx: Pick<Context, 'rows'>, seqs: number[]): void {
    const missing = seqs.filter((s) => !ctx.rows.has(s));
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      const rows = this.db
        .prepare<number[], Row>(
          `SELECT seq, id, doc_id, label, heading, text, citation FROM clauses WHERE seq IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(...chunk);
      for (const r of rows) ctx.rows.set(r.seq, r);
    }
  }
}

/**
 * The tiers a query is ranked in: first the clauses where it occurs as typed (its terms side by
 * side, each by one of its forms), then those holding every term apart.
 */
function tiersOf(groups: string[][]): [MatchTier, string[][]][] {
  if (groups.length === 1) return [['phrase', groups]];
  const phrases = groups.reduce<string[]>((acc, g) => acc.flatMap((p) => g.map((t) => p + t)).slice(0, MAX_PHRASES + 1), ['']);
  const tiers: [MatchTier, string[][]][] = [];
  if (phrases.length <= MAX_PHRASES) tiers.push(['phrase', [phrases]]);
  tiers.push(['terms', groups]);
  return tiers;
}
