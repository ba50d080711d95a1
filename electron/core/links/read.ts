// Reading the links the library stores, as the API and the command line answer them: a clause's
// links with their evidence (aligned here, from the two texts: cheap for ten pairs, and always
// what the texts say now), a document's counts, a reuse diff, two documents compared, citations.

import type { ClauseLink, CompareResponse, DocumentCitation, DocumentCitationsResponse, ReuseDiffResponse } from '../../../shared/api.ts';
import type { DocKind, Level } from '../../../shared/types.ts';
import type { ManualLink, ManualLinks } from '../annotations/links.ts';
import type { Library } from '../store/library.ts';
import { align, isReuse } from './align.ts';
import { compareClauses } from './compare.ts';
import { diffParts } from './diff.ts';
import { preference } from './preference.ts';
import { KEEP } from './related.ts';
import { decodeStats, weigher, type PairStats } from './weights.ts';

interface ClauseInfo {
  seq: number;
  id: string;
  docId: string;
  docTitle: string;
  citation: string;
  text: string;
  heading: string | null;
  kind: string;
  jurisdiction: string;
  level: Level;
  docKind: DocKind;
  date: string | null;
}

const CLAUSE = `SELECT c.seq, c.id, c.doc_id AS docId, d.title AS docTitle, c.citation, c.text, c.heading, c.kind,
  d.jurisdiction, d.level, d.kind AS docKind, d.date FROM clauses c JOIN documents d ON d.id = c.doc_id`;

/** The clause's labels as its citation prints them after the title: 一（一）1. */
function labelPath(c: Pick<ClauseInfo, 'citation' | 'docTitle'>): string {
  return c.citation.startsWith(c.docTitle) ? c.citation.slice(c.docTitle.length).trim() : c.citation;
}

export class LinkReader {
  private readonly library: Library;
  private stats: { revision: number; weight: (code: number) => number } | null = null;

  constructor(library: Library) {
    this.library = library;
  }

  /** A clause by id (following a retired id to its successor). */
  clause(id: string): ClauseInfo | null {
    const to = this.library.successorOf(id);
    return to ? (this.library.db.prepare<[string], ClauseInfo>(`${CLAUSE} WHERE c.id = ?`).get(to) ?? null) : null;
  }

  private bySeq(seq: number): ClauseInfo | null {
    return this.library.db.prepare<[number], ClauseInfo>(`${CLAUSE} WHERE c.seq = ?`).get(seq) ?? null;
  }

  /** Pair weights as the last link update learnt them (read again when the library changed). */
  weightOf(): (code: number) => number {
    const revision = this.library.revision();
    if (this.stats?.revision !== revision) {
      const blob = this.library.db.prepare<[], Buffer>("SELECT value FROM link_stats WHERE name = 'pairs'").pluck().get();
      const stats: PairStats = blob ? decodeStats(blob) : { documents: 0, codes: new Uint32Array(0), dfs: new Uint32Array(0) };
      this.stats = { revision, weight: weigher(stats) };
    }
    return this.stats.weight;
  }

  /**
   * Every link of a clause as the API and the command line answer it: the reader's own first,
   * then citations, then reuse and related clauses; null when the clause is not in the library.
   */
  allLinks(clauseId: string, manual: ManualLinks | null, limit = KEEP): ClauseLink[] | null {
    const here = this.clause(clauseId);
    if (!here) return null;
    return [...(manual ? this.manualLinks(here, manual.ofClause(here.id)) : []), ...this.clauseLinks(here.id, limit)];
  }

  /** Citations of the clause, then its reuse and related clauses, best first (manual links: allLinks). */
  clauseLinks(clauseId: string, limit = KEEP): ClauseLink[] {
    const here = this.clause(clauseId);
    if (!here) return [];
    return [...this.citationLinks(here), ...this.computed(here, limit)];
  }

  private computed(here: ClauseInfo, limit: number): ClauseLink[] {
    const rows = this.library.db
      .prepare<[number, number], { other: number; sim: number }>('SELECT other_seq AS other, sim FROM clause_links WHERE clause_seq = ? UNION ALL SELECT clause_seq, sim FROM clause_links WHERE other_seq = ?')
      .all(here.seq, here.seq);
    const ranked = rows
      .map((r) => ({ there: this.bySeq(r.other), sim: r.sim }))
      .flatMap(({ there, sim }) => (there ? [{ there, score: sim * preference({ ...here, kind: here.docKind }, { ...there, kind: there.docKind }) }] : []))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const weight = this.weightOf();
    return ranked.map(({ there, score }) => {
      const al = align(here.text, there.text, weight);
      const reuse = isReuse(al);
      const passages = [...al.passages].sort((a, b) => b.weight - a.weight);
      const terms = [...new Set(passages.map((p) => here.text.slice(p.a[0], p.a[1])))].slice(0, 8);
      return {
        ...target(there),
        kind: reuse ? 'reuse' : 'related',
        score: round(score),
        evidence: { terms, here: al.passages.map((p) => p.a), there: al.passages.map((p) => p.b) },
        ...(reuse ? { direction: direction(here.date, there.date) } : {}),
      };
    });
  }

  /** A reader's links of this clause as links to their other ends (as found now, or as last seen: an orphan). */
  manualLinks(here: ClauseInfo, links: readonly ManualLink[]): ClauseLink[] {
    const weight = this.weightOf();
    return links.map((link) => {
      const end = link.ends[0].clauseId === here.id ? link.ends[1] : link.ends[0];
      const there = end.status === 'anchored' ? this.clause(end.clauseId) : null;
      const text = there?.text ?? end.text;
      const al = align(here.text, text, weight);
      const doc = there ? null : this.library.document(end.docId);
      const base: Omit<ClauseLink, 'kind' | 'score' | 'evidence'> = there
        ? target(there)
        : {
            clauseId: end.clauseId,
            docId: end.docId,
            docTitle: end.docTitle,
            label: labelPath(end),
            citation: end.citation,
            text,
            // A document gone from the library: what the link kept of it, no more.
            jurisdiction: doc?.jurisdiction ?? '',
            level: doc?.level ?? 'national',
            docKind: doc?.kind ?? 'policy',
            date: doc?.date ?? null,
          };
      return {
        ...base,
        kind: 'manual',
        score: 1,
        evidence: { terms: [...new Set(al.passages.map((p) => here.text.slice(p.a[0], p.a[1])))].slice(0, 8), here: al.passages.map((p) => p.a), there: al.passages.map((p) => p.b) },
        manualId: link.id,
        why: link.why,
        status: there ? 'anchored' : 'orphan',
      };
    });
  }

  private citationLinks(here: ClauseInfo): ClauseLink[] {
    const rows = this.library.db
      .prepare<[number], { start: number; end: number; docId: string; text: string }>('SELECT start, end, doc_id AS docId, text FROM link_citations WHERE clause_seq = ? AND doc_id IS NOT NULL ORDER BY start')
      .all(here.seq);
    const byDoc = new Map<string, ClauseLink>();
    for (const r of rows) {
      const doc = this.library.document(r.docId);
      if (!doc) continue;
      const known = byDoc.get(doc.id);
      if (known) {
        known.evidence.here.push([r.start, r.end]);
        continue;
      }
      byDoc.set(doc.id, {
        kind: 'citation',
        clauseId: null,
        docId: doc.id,
        docTitle: doc.title,
        label: '',
        citation: doc.title,
        text: doc.title,
        jurisdiction: doc.jurisdiction,
        level: doc.level,
        docKind: doc.kind,
        date: doc.date,
        score: 1,
        evidence: { terms: [r.text], here: [[r.start, r.end]], there: [] },
      });
    }
    return [...byDoc.values()];
  }

  /** Computed links per clause of a document, as clauseLinks shows them by default. */
  counts(docId: string): Map<string, number> {
    const rows = this.library.db
      .prepare<[string], { id: string; n: number }>(
        `SELECT c.id, min((SELECT count(*) FROM clause_links l WHERE l.clause_seq = c.seq) + (SELECT count(*) FROM clause_links l WHERE l.other_seq = c.seq), ${KEEP})
           + (SELECT count(DISTINCT k.doc_id) FROM link_citations k WHERE k.clause_seq = c.seq AND k.doc_id IS NOT NULL) AS n
         FROM clauses c WHERE c.doc_id = ?`,
      )
      .all(docId);
    return new Map(rows.filter((r) => r.n > 0).map((r) => [r.id, r.n]));
  }

  /** A character-level diff of two clauses, the earlier document's first (as asked when dates do not tell). */
  reuseDiff(fromId: string, toId: string): ReuseDiffResponse | null {
    const a = this.clause(fromId);
    const b = this.clause(toId);
    if (!a || !b) return null;
    const [from, to] = direction(a.date, b.date) === 'there→here' ? [b, a] : [a, b];
    return { from: from.id, to: to.id, direction: 'earlier→later', parts: diffParts(from.text, to.text) };
  }

  compare(a: string, b: string): CompareResponse | null {
    if (!this.library.document(a) || !this.library.document(b)) return null;
    const of = (docId: string): ClauseInfo[] => this.library.db.prepare<[string], ClauseInfo>(`${CLAUSE} WHERE c.doc_id = ? ORDER BY c.ord`).all(docId);
    return compareClauses(of(a), of(b), this.weightOf());
  }

  documentCitations(docId: string): DocumentCitationsResponse | null {
    if (!this.library.document(docId)) return null;
    const rows = this.library.db
      .prepare<[string, string], { clauseId: string; owner: string; kind: 'title' | 'number'; text: string; start: number; end: number; docId: string | null; docTitle: string | null }>(
        `SELECT c.id AS clauseId, c.doc_id AS owner, l.kind, l.text, l.start, l.end, l.doc_id AS docId, d.title AS docTitle
         FROM link_citations l JOIN clauses c ON c.seq = l.clause_seq LEFT JOIN documents d ON d.id = l.doc_id
         WHERE c.doc_id = ? OR l.doc_id = ? ORDER BY c.seq, l.start`,
      )
      .all(docId, docId);
    const view = (r: (typeof rows)[number]): DocumentCitation => ({ clauseId: r.clauseId, kind: r.kind, text: r.text, at: [r.start, r.end], docId: r.docId, docTitle: r.docTitle });
    const own = rows.filter((r) => r.owner === docId);
    return {
      resolved: own.filter((r) => r.docId !== null).map(view),
      unresolved: own.filter((r) => r.docId === null).map(view),
      citedBy: rows.filter((r) => r.owner !== docId).map(view),
    };
  }
}

function target(c: ClauseInfo): Omit<ClauseLink, 'kind' | 'score' | 'evidence'> {
  return { clauseId: c.id, docId: c.docId, docTitle: c.docTitle, label: labelPath(c), citation: c.citation, text: c.text, jurisdiction: c.jurisdiction, level: c.level, docKind: c.docKind, date: c.date };
}

/** Which came first, by dates as precise as the texts print them (2019-02 against 2019-02-12 does not tell). */
function direction(here: string | null, there: string | null): 'here→there' | 'there→here' | null {
  if (!here || !there) return null;
  const n = Math.min(here.length, there.length);
  const a = here.slice(0, n);
  const b = there.slice(0, n);
  return a < b ? 'here→there' : a > b ? 'there→here' : null;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
