// Computing the links at ingest: after an import or a removal, the documents whose links are not
// computed yet (link_docs) get them, against the whole library, and each link found is stored
// once for both its clauses, so that a clause already there learns of the new one too. Citations are
// extracted for the new documents and resolved again for all (a document that arrives resolves
// what cited it). The work is done outside the write lock, from what one revision of the library
// held, and written under it only if no other process changed the library meanwhile.
// Runs wherever imports run: the seed worker, the command line (off the window's thread).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocKind, Level } from '../../../shared/types.ts';
import { openDatabase, writeTransaction } from '../store/database.ts';
import { DATABASE_FILE, type Library } from '../store/library.ts';
import { CitationResolver, citationsIn, expandShortTitles, shortTitlesIn } from './citations.ts';
import { ClauseTerms, PairIndex, type RetrievalCounts } from './related.ts';
import { bySupport, FoundLinks, type LinkRows } from './support.ts';
import { encodeStats } from './weights.ts';

export interface LinkUpdate {
  /** Documents whose links were computed now. */
  documents: number;
  /** Clauses compared, and links stored (each pair of clauses once). */
  clauses: number;
  links: number;
  citations: number;
  /** Everything was computed again (first run, or the library's size changed by more than twice). */
  full: boolean;
  ms: number;
  /** What candidate retrieval read, summed over the clauses compared (the bench prints it per clause). */
  retrieval: RetrievalCounts;
}

interface DocRow {
  id: string;
  title: string;
  docNumber: string | null;
  jurisdiction: string;
  level: Level;
  kind: DocKind;
  done: number;
}

/** Clauses that are not prose are not compared. */
const COMPARED = "c.kind NOT IN ('signature', 'table')";
/** When the library grew or shrank past this factor since the last full run, weights have moved: recompute all. */
const REBUILD_FACTOR = 2;

export function updateLinks(library: Library, options: { full?: boolean } = {}): LinkUpdate {
  const t0 = performance.now();
  if (!options.full && pendingCount(library) === 0) {
    // Nothing arrived (an unchanged import, a removal): no pair is compared, but what cited a
    // removed document is unresolved now.
    writeTransaction(library.db, () => {
      resolveCitations(library, documents(library));
    });
    const retrieval = { clauses: 0, postings: 0, touched: 0, scored: 0 };
    return { documents: 0, clauses: 0, links: 0, citations: 0, full: false, ms: performance.now() - t0, retrieval };
  }
  for (let attempt = 0; ; attempt++) {
    const revision = library.revision();
    const plan = compute(library, options.full === true);
    const written = writeTransaction(library.db, () => {
      // Another process imported or removed meanwhile: what was computed may name clauses now gone.
      if (library.revision() !== revision && attempt < 3) return null;
      return write(library, plan);
    });
    if (written) return { ...written, ms: performance.now() - t0 };
  }
}

/** Whether every document of the library in dataDir has its links computed (reads only). */
export function linksUpToDate(dataDir: string): boolean {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return false;
  try {
    const db = openDatabase(file, { readonly: true });
    try {
      return (db.prepare<[], number>('SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM link_docs)').pluck().get() ?? 1) === 0;
    } finally {
      db.close();
    }
  } catch {
    // No link tables yet (an older library): the next writer migrates it and computes them.
    return false;
  }
}

interface Plan {
  docs: DocRow[];
  full: boolean;
  pending: Set<string>;
  index: PairIndex;
  /** Clause indices of the index; written as seqs. */
  links: LinkRows;
  citations: { seq: number; docId: string; kind: 'title' | 'number'; text: string; start: number; end: number; key: string }[];
}

function pendingCount(library: Library): number {
  return library.db.prepare<[], number>('SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM link_docs)').pluck().get() ?? 0;
}

function documents(library: Library): DocRow[] {
  return library.db
    .prepare<[], DocRow>(
      `SELECT d.id, d.title, d.doc_number AS docNumber, d.jurisdiction, d.level, d.kind, (l.doc_id IS NOT NULL) AS done
       FROM documents d LEFT JOIN link_docs l ON l.doc_id = d.id ORDER BY d.rowid`,
    )
    .all();
}

function compute(library: Library, forceFull: boolean): Plan {
  const db = library.db;
  const docs = documents(library);
  const lastFull = Number(db.prepare<[], Buffer | string>("SELECT value FROM link_stats WHERE name = 'full-documents'").pluck().get() ?? 0);
  const anyDone = docs.some((d) => d.done);
  const full = forceFull || !anyDone || lastFull === 0 || docs.length > lastFull * REBUILD_FACTOR || docs.length * REBUILD_FACTOR < lastFull;
  const pending = new Set(docs.filter((d) => full || !d.done).map((d) => d.id));
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const clauses = new ClauseTerms();
  const citations: Plan['citations'] = [];
  /** Short titles each document defines: document → short key → full key. */
  const defined = new Map<string, Map<string, string>>();
  const rows = db.prepare<[], { seq: number; docId: string; text: string }>(`SELECT c.seq, c.doc_id AS docId, c.text FROM clauses c WHERE ${COMPARED} ORDER BY c.seq`);
  for (const r of rows.iterate()) {
    const doc = docIndex.get(r.docId);
    if (doc === undefined) continue;
    if (pending.has(r.docId)) {
      for (const c of citationsIn(r.text)) citations.push({ seq: r.seq, docId: r.docId, kind: c.kind, text: c.text, start: c.at[0], end: c.at[1], key: c.key });
      const shorts = shortTitlesIn(r.text);
      if (shorts.size > 0) defined.set(r.docId, new Map([...(defined.get(r.docId) ?? []), ...shorts]));
    }
    clauses.add(r.seq, doc, r.text);
  }
  expandDocumentShortTitles(citations, defined);
  const index = new PairIndex(docs, clauses);
  const isPending = Uint8Array.from(docs, (d) => (pending.has(d.id) ? 1 : 0));
  const found = new FoundLinks(index.size);
  for (let i = 0; i < index.size; i++) {
    if (isPending[index.clauseDoc[i] ?? 0]) found.set(i, index.related(i));
  }
  return { docs, full, pending, index, links: bySupport(found, index.clauseDoc), citations };
}

/** Each document's short titles looked up as the full titles they stand for (citations.ts). */
function expandDocumentShortTitles(citations: Plan['citations'], defined: ReadonlyMap<string, ReadonlyMap<string, string>>): void {
  const byDoc = new Map<string, Plan['citations']>();
  for (const c of citations) {
    const list = byDoc.get(c.docId);
    if (list) list.push(c);
    else byDoc.set(c.docId, [c]);
  }
  for (const [docId, list] of byDoc) {
    expandShortTitles(list, defined.get(docId) ?? new Map<string, string>()).forEach((key, k) => {
      const c = list[k];
      if (c) c.key = key;
    });
  }
}

function write(library: Library, plan: Plan): Omit<LinkUpdate, 'ms'> {
  const db = library.db;
  // A full run replaces every link: the index on other_seq is built again after the rows are in
  // (a million rows inserted into it in random order cost more than computing them).
  if (plan.full) db.exec('DROP INDEX IF EXISTS clause_links_other; DELETE FROM clause_links; DELETE FROM link_citations; DELETE FROM link_docs;');
  // Once per pair: a clause's links are those of either column (read.ts). In key order.
  insertLinks(db, plan.links, plan.index.seqs);
  if (plan.full) db.exec('CREATE INDEX clause_links_other ON clause_links(other_seq)');
  const cite = db.prepare('INSERT INTO link_citations (clause_seq, start, end, kind, text, key) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of plan.citations) cite.run(c.seq, c.start, c.end, c.kind, c.text, c.key);
  resolveCitations(library, plan.docs);
  const done = db.prepare('INSERT OR REPLACE INTO link_docs (doc_id, computed) VALUES (?, ?)');
  const now = new Date().toISOString();
  for (const id of plan.pending) done.run(id, now);
  const stat = db.prepare('INSERT OR REPLACE INTO link_stats (name, value) VALUES (?, ?)');
  stat.run('pairs', encodeStats(statsOf(plan.index)));
  if (plan.full) stat.run('full-documents', String(plan.docs.length));
  return { documents: plan.pending.size, clauses: plan.index.size, links: plan.links.length, citations: plan.citations.length, full: plan.full, retrieval: plan.index.counts };
}

/** Rows per INSERT: a million links, one statement call each, were most of the write. */
const ROWS_PER_INSERT = 200;

function insertLinks(db: Library['db'], links: LinkRows, seqs: Int32Array): void {
  const sql = (rows: number): string => `INSERT OR REPLACE INTO clause_links (clause_seq, other_seq, sim) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}`;
  const many = db.prepare(sql(ROWS_PER_INSERT));
  const values: number[] = [];
  for (let k = 0; k < links.length; k++) {
    values.push(seqs[links.lo[k] ?? 0] ?? 0, seqs[links.hi[k] ?? 0] ?? 0, links.sim[k] ?? 0);
    if (values.length === ROWS_PER_INSERT * 3) {
      many.run(values);
      values.length = 0;
    }
  }
  if (values.length > 0) db.prepare(sql(values.length / 3)).run(values);
}

/** Every stored citation, against the documents the library holds now; never a document's own. */
function resolveCitations(library: Library, docs: readonly DocRow[]): void {
  const resolver = new CitationResolver(docs);
  const rows = library.db
    .prepare<[], { rowid: number; kind: 'title' | 'number'; key: string; docId: string; target: string | null }>(
      'SELECT l.rowid, l.kind, l.key, c.doc_id AS docId, l.doc_id AS target FROM link_citations l JOIN clauses c ON c.seq = l.clause_seq',
    )
    .all();
  const set = library.db.prepare('UPDATE link_citations SET doc_id = ? WHERE rowid = ?');
  for (const r of rows) {
    const found = resolver.resolve(r);
    const target = found === r.docId ? null : found;
    if (target !== r.target) set.run(target, r.rowid);
  }
}

function statsOf(index: PairIndex): { documents: number; codes: Uint32Array; dfs: Uint32Array } {
  const order = index.codes.map((_, i) => i).sort((a, b) => (index.codes[a] ?? 0) - (index.codes[b] ?? 0));
  return {
    documents: index.docs.length,
    codes: Uint32Array.from(order, (i) => index.codes[i] ?? 0),
    dfs: Uint32Array.from(order, (i) => index.docDf[i] ?? 0),
  };
}
