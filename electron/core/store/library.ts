// The library: what was ingested, as documents and clauses. This connection owns all writes; each
// ingest of a file is one transaction, so a failure leaves the library as it was.

import { basename, join } from 'node:path';
import type { DocumentView } from '../../../shared/api.ts';
import type { ClauseDetail, ClauseKind, DocKind, DocumentSummary, DocumentVersion, FindHit, HistoryEvent, Jurisdiction, Level, OutlineNode, ReaderClause, ResponsibleUnit, UnitRole, VersionStatus } from '../../../shared/types.ts';
import { rankVersions, versionKey } from '../model/versions.ts';
import type { ParsedSource } from '../model/records.ts';
import { indexClauses, indexRows, type IndexedClause } from '../search/fts.ts';
import { Searcher } from '../search/searcher.ts';
import { carryDocuments, type Alias, type PreviousDocument, type StoredClause } from './continuity.ts';
import Database from 'better-sqlite3';
import { describeSqliteError, openDatabase, writeTransaction, type DB, type OpenOptions } from './database.ts';

export const DATABASE_FILE = 'clauseway.db';

export type IngestStatus = 'added' | 'updated' | 'unchanged';

export interface IngestOutcome {
  source: string;
  status: IngestStatus;
  documents: number;
  clauses: number;
  warnings: string[];
  /** The documents the import touched: stored now, or held by the file before. Annotations on them are placed again. */
  docIds: string[];
  /** The library key of a file already holding this text (the same file, or every document of it, under another name). */
  duplicateOf: string | null;
}

/** The metadata of a document, as a correction writes it (see setMetadata). */
export type DocumentMetadata = Pick<DocumentSummary, 'title' | 'issuer' | 'jurisdiction' | 'level' | 'date' | 'docNumber' | 'kind' | 'validUntil'>;

/** What a removed document held, to put it back (rows as stored). */
export interface RemovedDocument {
  id: string;
  doc: Record<string, unknown>;
  clauses: Record<string, unknown>[];
  units: Record<string, unknown>[];
}

interface DocumentRow {
  id: string;
  title: string;
  issuer: string | null;
  jurisdiction: string;
  level: Level;
  jurisdictions: string;
  date: string | null;
  doc_number: string | null;
  kind: DocKind;
  valid_until: string | null;
  effective: string | null;
  clause_count: number;
  source: string;
}

interface ClauseRow {
  id: string;
  doc_id: string;
  parent_id: string | null;
  ord: number;
  kind: ClauseKind;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
}

function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    issuer: r.issuer,
    jurisdiction: r.jurisdiction,
    level: r.level,
    jurisdictions: JSON.parse(r.jurisdictions) as Jurisdiction[],
    date: r.date,
    docNumber: r.doc_number,
    kind: r.kind,
    validUntil: r.valid_until,
    effective: r.effective,
    clauseCount: r.clause_count,
    source: r.source,
  };
}

export class Library {
  readonly db: DB;
  /** The statements of storing a file, prepared once: per file they cost the bench corpus's import about a second. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(db: DB) {
    this.db = db;
  }

  static open(dataDir: string, options?: OpenOptions): Library {
    return new Library(openDatabase(join(dataDir, DATABASE_FILE), options));
  }

  close(): void {
    this.db.close();
  }

  /** A statement of this connection, prepared on first use (never plucked or raw: the flags stay on it). */
  private prepared<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s as Database.Statement<P, R>;
  }

  /**
   * Stores a parsed file under `key`, replacing what that key held. Unchanged content is a no-op.
   * The check and the write are one transaction that waits for other writers. A document that was
   * stored before keeps its id and its clauses' ids (continuity.ts); retired clause ids become
   * aliases. `parsed` must have been parsed under the same key (see parseSource).
   */
  store(key: string, parsed: ParsedSource): IngestOutcome {
    return writeTransaction(this.db, () => {
      const { outcome, clauses } = this.storeLocked(key, parsed);
      indexRows(this.db, clauses);
      return outcome;
    });
  }

  /**
   * Stores several parsed files in one transaction, each as `store` would and in a savepoint of
   * its own: a file that fails is undone alone and its error returned in its place. The search
   * index is written once for all of them at the end, since FTS5 flushes a segment at every
   * savepoint and commit (a transaction per file cost the bench corpus about a third of its import).
   */
  storeMany(entries: readonly { key: string; parsed: ParsedSource }[]): ({ outcome: IngestOutcome } | { error: unknown })[] {
    return writeTransaction(this.db, () => {
      // The clauses each key stored; a key stored again later in the batch replaced its earlier rows.
      const stored = new Map<string, IndexedClause[]>();
      const results = entries.map(({ key, parsed }) => {
        try {
          const { outcome, clauses } = this.db.transaction(() => this.storeLocked(key, parsed))();
          if (outcome.status !== 'unchanged') {
            stored.delete(key);
            stored.set(key, clauses);
          }
          return { outcome };
        } catch (e) {
          return { error: e instanceof Database.SqliteError ? describeSqliteError(this.db.name, e) : e };
        }
      });
      indexRows(this.db, [...stored.values()].flat());
      return results;
    });
  }

  /**
   * Writes a file's rows; the clauses it stored come back to be indexed by the caller, in the same
   * transaction (the exact-recall index changes with the clauses it covers).
   */
  private storeLocked(key: string, parsed: ParsedSource): { outcome: IngestOutcome; clauses: IndexedClause[] } {
    // What the library holds from this file afterwards (a document already there from another file is not stored twice).
    const outcome = (status: IngestStatus, warnings: string[], stored: readonly ParsedSource['documents'][number][], touched: string[] = [], duplicateOf: string | null = null): IngestOutcome => ({
      source: key,
      status,
      documents: stored.length,
      clauses: stored.reduce((n, d) => n + d.clauses.length, 0),
      warnings,
      docIds: touched,
      duplicateOf,
    });
    const existing = this.prepared<[string], { id: number; sha256: string; parser: number }>('SELECT id, sha256, parser FROM sources WHERE key = ?').get(key);
    if (existing?.sha256 === parsed.sha256 && existing.parser === parsed.parser) {
      // What this file holds in the library, as it was stored.
      return { outcome: outcome('unchanged', parsed.warnings, this.storedOf(existing.id, parsed.documents)), clauses: [] };
    }
    const twin = this.prepared<[string, string], { key: string }>('SELECT key FROM sources WHERE sha256 = ? AND key != ?').get(parsed.sha256, key);
    // A byte-identical file under another name stores nothing: it says so, and counts nothing.
    if (twin) return { outcome: outcome('unchanged', [...parsed.warnings, `the same file is already in the library as ${twin.key}`], [], [], twin.key), clauses: [] };

    const warnings = [...parsed.warnings];
    const previous = existing ? this.previousDocuments(existing.id) : [];
    const documents = carryDocuments(previous, parsed.documents);
    let sourceId: number | bigint;
    const now = new Date().toISOString();
    if (existing) {
      sourceId = existing.id;
      this.prepared('UPDATE sources SET name = ?, sha256 = ?, size = ?, encoding = ?, format = ?, ingested_at = ?, parser = ? WHERE id = ?')
        .run(basename(parsed.name), parsed.sha256, parsed.size, parsed.encoding, parsed.format, now, parsed.parser, existing.id);
      this.prepared('DELETE FROM documents WHERE source_id = ?').run(existing.id);
    } else {
      sourceId = this.prepared('INSERT INTO sources (key, name, sha256, size, encoding, format, ingested_at, parser) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(key, basename(parsed.name), parsed.sha256, parsed.size, parsed.encoding, parsed.format, now, parsed.parser).lastInsertRowid;
    }
    const twinDoc = this.prepared<[string, string], { key: string }>('SELECT s.key FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ? OR d.text_sha = ?');
    const insDoc = this.prepared(
      `INSERT INTO documents (id, source_id, ord, title, issuer, jurisdiction, level, jurisdictions, date, doc_number, kind, valid_until, clause_count, text_sha, effective, history, version_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insClause = this.prepared(
      'INSERT INTO clauses (id, doc_id, parent_id, ord, depth, kind, label, heading, text, citation, table_json, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insUnit = this.prepared('INSERT INTO clause_units (clause_id, ord, name, role) VALUES (?, ?, ?, ?)');
    const stored: ParsedSource['documents'] = [];
    const clauses: IndexedClause[] = [];
    let duplicateOf: string | null = null;
    documents.forEach(({ doc: d, aliases }, ord) => {
      const other = twinDoc.get(d.id, d.textSha);
      if (other) {
        warnings.push(`"${d.title}" is already in the library from ${other.key}; this copy was not added`);
        duplicateOf ??= other.key;
        return;
      }
      stored.push(d);
      const primary: Jurisdiction = d.jurisdictions[0] ?? { name: '全国', level: 'national' };
      insDoc.run(d.id, sourceId, ord, d.title, d.issuer, primary.name, primary.level, JSON.stringify(d.jurisdictions), d.date, d.docNumber, d.kind, d.validUntil, d.clauses.length, d.textSha, d.effective, JSON.stringify(d.history), versionKey(d.title));
      for (const c of d.clauses) {
        const seq = insClause.run(c.id, d.id, c.parentId, c.ord, c.depth, c.kind, c.label, c.heading, c.text, c.citation, c.table ? JSON.stringify(c.table) : null, c.path).lastInsertRowid;
        clauses.push({ seq, text: c.text, heading: c.heading });
        c.units.forEach((u, i) => insUnit.run(c.id, i, u.name, u.role));
      }
      this.recordAliases(d.id, aliases, now);
    });
    this.bumpRevision();
    const touched = [...new Set([...previous.map((p) => p.id), ...stored.map((d) => d.id)])];
    return { outcome: outcome(existing ? 'updated' : 'added', warnings, stored, touched, stored.length === 0 ? duplicateOf : null), clauses };
  }

  /** The parsed documents of a source that the library holds (a twin of another file's is not). */
  private storedOf(sourceId: number, documents: ParsedSource['documents']): ParsedSource['documents'] {
    const ids = new Set(this.db.prepare<[number], string>('SELECT id FROM documents WHERE source_id = ?').pluck().all(sourceId));
    return documents.filter((d) => ids.has(d.id));
  }

  /** The documents a source held, with their clauses in reading order and the ids they retired. */
  private previousDocuments(sourceId: number): PreviousDocument[] {
    const docs = this.db.prepare<[number], { id: string; textSha: string }>('SELECT id, text_sha AS textSha FROM documents WHERE source_id = ? ORDER BY ord').all(sourceId);
    const clauses = this.db.prepare<[string], StoredClause>('SELECT id, heading, text FROM clauses WHERE doc_id = ? ORDER BY ord');
    const retired = this.db.prepare<[string], { id: string; sha: string }>('SELECT old_id AS id, content_sha AS sha FROM clause_aliases WHERE doc_id = ?');
    return docs.map((d) => ({ ...d, clauses: clauses.all(d.id), retired: new Map(retired.all(d.id).map((r) => [r.id, r.sha])) }));
  }

  /** Old ids point to their successors; aliases that pointed at a retired id follow it on. */
  private recordAliases(docId: string, aliases: readonly Alias[], now: string): void {
    const follow = this.prepared('UPDATE clause_aliases SET successor_id = ?, reason = CASE WHEN ? = \'removed\' THEN \'removed\' ELSE reason END WHERE successor_id = ?');
    const put = this.prepared('INSERT OR REPLACE INTO clause_aliases (old_id, doc_id, successor_id, reason, content_sha, created) VALUES (?, ?, ?, ?, ?, ?)');
    for (const a of aliases) {
      follow.run(a.successorId, a.reason, a.oldId);
      put.run(a.oldId, docId, a.successorId, a.reason, a.contentSha, now);
    }
    // An id that lives again (rewritten in place) is no longer an alias.
    this.prepared('DELETE FROM clause_aliases WHERE doc_id = ? AND old_id IN (SELECT id FROM clauses WHERE doc_id = ?)').run(docId, docId);
  }

  private bumpRevision(): void {
    this.prepared("UPDATE library_meta SET value = value + 1 WHERE key = 'revision'").run();
  }

  /**
   * A number that changes whenever the library's documents change (an import, an update, a
   * removal), so that readers can tell their cached documents are stale.
   */
  revision(): number {
    return this.db.prepare<[], { value: number }>("SELECT value FROM library_meta WHERE key = 'revision'").get()?.value ?? 0;
  }

  /**
   * Where an old clause id leads now: itself when it exists, else its successor after a re-import
   * (`moved`: its text is there; `removed`: its text is gone and this is where it stood).
   */
  resolveClause(id: string): { id: string; redirect: 'moved' | 'removed' | null } | null {
    if (this.db.prepare('SELECT 1 FROM clauses WHERE id = ?').get(id)) return { id, redirect: null };
    const alias = this.db.prepare<[string], { successor: string; reason: 'moved' | 'removed' }>('SELECT successor_id AS successor, reason FROM clause_aliases WHERE old_id = ?').get(id);
    if (!alias || !this.db.prepare('SELECT 1 FROM clauses WHERE id = ?').get(alias.successor)) return null;
    return { id: alias.successor, redirect: alias.reason };
  }

  /** The clause an id that may be retired leads to; see resolveClause. */
  successorOf(id: string): string | null {
    return this.resolveClause(id)?.id ?? null;
  }

  /** A document's clauses in reading order, as re-anchoring reads them. */
  clauseTexts(docId: string): { id: string; text: string; citation: string }[] {
    return this.db.prepare<[string], { id: string; text: string; citation: string }>('SELECT id, text, citation FROM clauses WHERE doc_id = ? ORDER BY ord').all(docId);
  }

  /** A clause by an id that may have been retired, saying so when it was (see resolveClause). */
  clauseFollowingAliases(id: string): ClauseDetail | null {
    const to = this.resolveClause(id);
    const c = to ? this.clause(to.id) : null;
    if (!to || !c) return null;
    return to.redirect ? { ...c, redirect: { from: id, reason: to.redirect } } : c;
  }

  /**
   * Opens a searcher with its stored document index brought up to date. The documents are read and
   * the index written under one write lock: another process may be importing meanwhile, and shards
   * built from what it had not committed yet would be stale.
   */
  openSearcher(): Searcher {
    const searcher = new Searcher(this.db);
    writeTransaction(this.db, () => searcher.open());
    return searcher;
  }

  /** Removes one document with its clauses; their search entries go with them. */
  removeDocument(id: string): boolean {
    return writeTransaction(this.db, () => {
      const removed = this.db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
      if (removed) this.bumpRevision();
      return removed;
    });
  }

  /**
   * Writes a document's metadata (a user's correction) into its row, bumping the revision when
   * anything changed. A new title is carried into its clauses' citations, which begin with it.
   */
  setMetadata(id: string, meta: DocumentMetadata): boolean {
    return writeTransaction(this.db, () => {
      const row = this.documentRows('WHERE d.id = ?', id)[0];
      if (!row) return false;
      const others = (JSON.parse(row.jurisdictions) as Jurisdiction[]).slice(1).filter((j) => j.name !== meta.jurisdiction);
      const next: DocumentRow = {
        ...row,
        title: meta.title,
        issuer: meta.issuer,
        jurisdiction: meta.jurisdiction,
        level: meta.level,
        jurisdictions: JSON.stringify([{ name: meta.jurisdiction, level: meta.level }, ...others]),
        date: meta.date,
        doc_number: meta.docNumber,
        kind: meta.kind,
        valid_until: meta.validUntil,
      };
      const fields = ['title', 'issuer', 'jurisdiction', 'level', 'jurisdictions', 'date', 'doc_number', 'kind', 'valid_until'] as const;
      if (fields.every((f) => next[f] === row[f])) return false;
      this.db
        .prepare('UPDATE documents SET title = ?, issuer = ?, jurisdiction = ?, level = ?, jurisdictions = ?, date = ?, doc_number = ?, kind = ?, valid_until = ? WHERE id = ?')
        .run(...fields.map((f) => next[f]), id);
      if (next.title !== row.title) {
        this.db
          .prepare('UPDATE clauses SET citation = ? || substr(citation, ?) WHERE doc_id = ? AND substr(citation, 1, ?) = ?')
          .run(next.title, row.title.length + 1, id, row.title.length, row.title);
      }
      this.bumpRevision();
      return true;
    });
  }

  /**
   * Removes a document, answering what it held (its row, clauses and units) so that the removal
   * can be undone with restoreDocument; null when there is no such document.
   */
  takeDocument(id: string): RemovedDocument | null {
    return writeTransaction(this.db, () => {
      const doc = this.db.prepare<[string], Record<string, unknown>>('SELECT * FROM documents WHERE id = ?').get(id);
      if (!doc) return null;
      const clauses = this.db.prepare<[string], Record<string, unknown>>('SELECT * FROM clauses WHERE doc_id = ? ORDER BY ord').all(id);
      const units = this.db.prepare<[string], Record<string, unknown>>('SELECT u.* FROM clause_units u JOIN clauses c ON c.id = u.clause_id WHERE c.doc_id = ?').all(id);
      this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      this.bumpRevision();
      return { id, doc, clauses, units };
    });
  }

  /**
   * Puts a removed document back as it was, with its ids and its search entries. Refused (false)
   * when its file has left the library or a re-import brought the document back meanwhile.
   */
  restoreDocument(removed: RemovedDocument): boolean {
    const insert = (table: string, row: Record<string, unknown>, skip: string[] = []): void => {
      const cols = Object.keys(row).filter((c) => !skip.includes(c));
      this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
    };
    return writeTransaction(this.db, () => {
      if (this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(removed.id)) return false;
      if (!this.db.prepare('SELECT 1 FROM sources WHERE id = ?').get(removed.doc['source_id'])) return false;
      insert('documents', removed.doc);
      // New seqs, one after the other, as search's ranges need (search/scope.ts).
      for (const c of removed.clauses) insert('clauses', c, ['seq']);
      for (const u of removed.units) insert('clause_units', u);
      indexClauses(this.db, 'SELECT seq, text, heading FROM clauses WHERE doc_id = ?', removed.id);
      this.bumpRevision();
      return true;
    });
  }

  /** Every document, with where it stands among its versions when the library holds several. */
  listDocuments(today = new Date().toISOString().slice(0, 10)): DocumentSummary[] {
    const docs = this.documentRows('').map(toSummary);
    const versions = this.versionStatuses(today);
    return versions.size === 0 ? docs : docs.map((d) => {
      const version = versions.get(d.id);
      return version ? { ...d, version } : d;
    });
  }

  /** versionsOf for every document that has other versions, in one query: each one's status and how many versions. */
  private versionStatuses(today: string): Map<string, { status: VersionStatus; count: number }> {
    type Row = { id: string; title: string; date: string | null; effective: string | null; validUntil: string | null; versionOf: string };
    const rows = this.db
      .prepare<[], Row>(
        `SELECT id, title, date, effective, valid_until AS validUntil, version_key || char(10) || jurisdiction AS versionOf FROM documents
         WHERE version_key != '' AND (version_key, jurisdiction) IN (SELECT version_key, jurisdiction FROM documents WHERE version_key != '' GROUP BY 1, 2 HAVING count(*) > 1)`,
      )
      .all();
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const group = groups.get(r.versionOf);
      if (group) group.push(r);
      else groups.set(r.versionOf, [r]);
    }
    const out = new Map<string, { status: VersionStatus; count: number }>();
    for (const group of groups.values()) for (const v of rankVersions(group, today)) out.set(v.id, { status: v.status, count: group.length });
    return out;
  }

  documentCount(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()?.n ?? 0;
  }

  /** A document as the reader shows it: its summary and all its clauses in reading order, with their units. */
  documentView(id: string): DocumentView | null {
    const summary = this.document(id);
    if (!summary) return null;
    const rows = this.db
      .prepare<[string], Omit<ReaderClause, 'units' | 'table'> & { tableJson: string | null }>(
        'SELECT id, parent_id AS parentId, depth, kind, label, heading, text, citation, table_json AS tableJson FROM clauses WHERE doc_id = ? ORDER BY ord',
      )
      .all(id);
    const units = new Map<string, ResponsibleUnit[]>();
    const unitRows = this.db
      .prepare<[string], { clauseId: string; name: string; role: UnitRole }>(
        'SELECT u.clause_id AS clauseId, u.name, u.role FROM clause_units u JOIN clauses c ON c.id = u.clause_id WHERE c.doc_id = ? ORDER BY c.ord, u.ord',
      )
      .all(id);
    for (const u of unitRows) units.set(u.clauseId, [...(units.get(u.clauseId) ?? []), { name: u.name, role: u.role }]);
    const clauses = rows.map(({ tableJson, ...c }): ReaderClause => ({ ...c, units: units.get(c.id) ?? [], table: tableJson ? (JSON.parse(tableJson) as string[][]) : null }));
    const history = JSON.parse(this.db.prepare<[string], string>('SELECT history FROM documents WHERE id = ?').pluck().get(id) ?? '[]') as HistoryEvent[];
    return { summary, clauses, history, versions: this.versionsOf(id) };
  }

  /**
   * The versions of a document's text in the library (the same title and place), newest first,
   * with where each stands today; empty when there is no other.
   */
  versionsOf(id: string, today = new Date().toISOString().slice(0, 10)): DocumentVersion[] {
    const rows = this.db
      .prepare<[string], { id: string; title: string; date: string | null; effective: string | null; validUntil: string | null }>(
        `SELECT o.id, o.title, o.date, o.effective, o.valid_until AS validUntil FROM documents d
         JOIN documents o ON o.version_key = d.version_key AND o.jurisdiction = d.jurisdiction WHERE d.id = ? AND d.version_key != ''`,
      )
      .all(id);
    return rows.length > 1 ? rankVersions(rows, today) : [];
  }

  document(id: string): DocumentSummary | null {
    const row = this.documentRows('WHERE d.id = ?', id)[0];
    return row ? toSummary(row) : null;
  }

  private documentRows(where: string, ...params: string[]): DocumentRow[] {
    return this.db
      .prepare<string[], DocumentRow>(
        `SELECT d.id, d.title, d.issuer, d.jurisdiction, d.level, d.jurisdictions, d.date, d.doc_number, d.kind, d.valid_until, d.effective, d.clause_count, s.key AS source
         FROM documents d JOIN sources s ON s.id = d.source_id ${where} ORDER BY s.key, d.ord`,
      )
      .all(...params);
  }

  outline(docId: string): OutlineNode[] | null {
    if (!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(docId)) return null;
    const rows = this.db.prepare<[string], ClauseRow>('SELECT id, parent_id, kind, label, heading FROM clauses WHERE doc_id = ? ORDER BY ord').all(docId);
    const nodes = new Map<string, OutlineNode>();
    const roots: OutlineNode[] = [];
    for (const r of rows) {
      const node: OutlineNode = { id: r.id, label: r.label, heading: r.heading, kind: r.kind, children: [] };
      nodes.set(r.id, node);
      const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  clause(id: string): ClauseDetail | null {
    const r = this.db.prepare<[string], ClauseRow>('SELECT id, doc_id, parent_id, ord, kind, label, heading, text, citation FROM clauses WHERE id = ?').get(id);
    if (!r) return null;
    const units = this.db
      .prepare<[string], { name: string; role: UnitRole }>('SELECT name, role FROM clause_units WHERE clause_id = ? ORDER BY ord')
      .all(id)
      .map((u): ResponsibleUnit => ({ name: u.name, role: u.role }));
    return { id: r.id, docId: r.doc_id, label: r.label, heading: r.heading, kind: r.kind, text: r.text, citation: r.citation, units, parentId: r.parent_id, ord: r.ord };
  }

  /** Every clause whose own text contains `text` exactly, in library order. */
  find(text: string): FindHit[] {
    if (!text) return [];
    return this.db
      .prepare<[string], FindHit>(
        `SELECT c.id, c.doc_id AS docId, c.label, c.text FROM clauses c
         JOIN documents d ON d.id = c.doc_id JOIN sources s ON s.id = d.source_id
         WHERE instr(c.text, ?) > 0 ORDER BY s.key, d.ord, c.ord`,
      )
      .all(text);
  }
}
