// The user-data store: highlights, notes on clauses and documents, tags and the trash, in their
// own SQLite file (user.db) beside the library (clauseway.db), so that the corpus can be deleted
// and rebuilt without touching them. Clause and document ids are kept as plain text.

import { randomUUID } from 'node:crypto';
import { COLORS, isColor, type Annotation, type AnnotationCounts, type AnnotationKind, type AnnotationStatus, type AnnotationTarget, type Color, type NoteJSON } from '../../../shared/anchoring/annotation.ts';
import { clauseHead, targetOf } from '../../../shared/anchoring/anchor.ts';
import { fold } from '../../../shared/fold.ts';
import { NoteError, noteFromJSON, noteText } from '../../../shared/notes/note.ts';
import type { Statement } from 'better-sqlite3';
import type { AnnotationQuery } from '../../../shared/api.ts';
import type { DB } from '../store/database.ts';
import { AnnotationError } from './errors.ts';
import { writeTransaction } from './write.ts';

/** What the caller knows of a clause from the library when an annotation is made. */
export interface ClauseSnapshot {
  id: string;
  docId: string;
  text: string;
  citation: string;
  docTitle: string;
}

export interface TargetInput {
  clause: ClauseSnapshot;
  quote: string;
  /** The quote's offset in the clause text; without it, its first occurrence. */
  at?: number;
}

interface Common {
  /** A UUID; a new one when absent. */
  id?: string;
  note?: unknown;
  tags?: readonly string[];
}

export type NewAnnotation =
  | (Common & { kind: 'highlight'; color: Color; targets: readonly TargetInput[] })
  | (Common & { kind: 'clause-note'; color?: Color | null; clause: ClauseSnapshot })
  | (Common & { kind: 'doc-note'; color?: Color | null; doc: { id: string; title: string } });

export interface AnnotationPatch {
  color?: Color | null;
  note?: unknown;
  tags?: readonly string[];
}

/**
 * Which annotations a query of the store selects: the API's query (shared/api.ts) but for what
 * needs the library (jurisdiction and years become `docIds`; note words go to searchNotes).
 */
export type AnnotationFilter = Omit<AnnotationQuery, 'jurisdiction' | 'yearFrom' | 'yearTo' | 'text'> & {
  /** Annotations of any of these documents (the caller turns a jurisdiction into its documents). */
  docIds?: readonly string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TAG_LENGTH = 64;

interface AnnotationRow {
  id: string;
  kind: AnnotationKind;
  color: Color | null;
  status: AnnotationStatus;
  doc_id: string;
  doc_title: string;
  note_json: string | null;
  note_text: string;
  created: string;
  updated: string;
  deleted: string | null;
}

export interface TargetRow {
  annotation_id: string;
  ord: number;
  clause_id: string;
  doc_id: string;
  citation: string;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  status: AnnotationStatus;
}

export function checkColor(color: unknown): Color {
  if (!isColor(color)) throw new AnnotationError(`${JSON.stringify(color)} is not a highlight colour; use one of ${COLORS.join(', ')}`);
  return color;
}

export function checkTags(tags: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    if (typeof t !== 'string') throw new AnnotationError(`a tag must be text, not ${JSON.stringify(t)}`);
    const name = t.trim().replace(/\s+/g, ' ');
    if (name === '') throw new AnnotationError('a tag cannot be empty');
    if (name.length > MAX_TAG_LENGTH) throw new AnnotationError(`the tag "${name.slice(0, 20)}…" is ${name.length} characters; a tag may have up to ${MAX_TAG_LENGTH}`);
    out.add(name);
  }
  return [...out];
}

/** The note as stored: checked JSON and its plain text; null for no note. */
export function checkNote(note: unknown): { json: string; text: string } | null {
  if (note === null || note === undefined) return null;
  try {
    const node = noteFromJSON(note);
    return { json: JSON.stringify(node.toJSON()), text: noteText(node) };
  } catch (e) {
    if (e instanceof NoteError) throw new AnnotationError(e.message);
    throw e;
  }
}

function checkId(id: string | undefined): string {
  if (id === undefined) return randomUUID();
  if (!UUID.test(id)) throw new AnnotationError(`an annotation id must be a lower-case UUID, not ${JSON.stringify(id)}`);
  return id;
}

function placeQuote(input: TargetInput): AnnotationTarget {
  const { clause, quote, at } = input;
  const where = `clause ${clause.id} (${clause.citation})`;
  if (quote.length === 0) throw new AnnotationError(`the quote is empty: select some text of ${where}`);
  let start: number;
  if (at !== undefined) {
    if (!Number.isInteger(at) || at < 0 || clause.text.slice(at, at + quote.length) !== quote) {
      throw new AnnotationError(`the quote "${quote.slice(0, 40)}" does not occur at offset ${String(at)} of ${where}`);
    }
    start = at;
  } else {
    start = clause.text.indexOf(quote);
    if (start === -1) throw new AnnotationError(`the quote "${quote.slice(0, 40)}" does not occur in ${where}`);
  }
  const target = targetOf(clause, start, start + quote.length);
  return { ...target, docId: clause.docId, citation: clause.citation, status: 'anchored' };
}

function clauseTarget(clause: ClauseSnapshot): AnnotationTarget {
  return { ...clauseHead(clause), docId: clause.docId, citation: clause.citation, status: 'anchored' };
}

export class AnnotationStore {
  readonly db: DB;
  readonly file: string;

  private readonly statements = new Map<string, Statement>();

  constructor(db: DB, file: string) {
    this.db = db;
    this.file = file;
  }

  /** A prepared statement, prepared once per connection: preparing costs more than running. */
  sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  close(): void {
    this.db.close();
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Runs `fn` as one write transaction, waiting for the write lock (see write.ts). */
  write<T>(what: string, fn: () => T): T {
    return writeTransaction(this.db, this.file, what, fn);
  }

  create(input: NewAnnotation, now = new Date()): Annotation {
    const id = checkId(input.id);
    const note = checkNote(input.note);
    const tags = checkTags(input.tags ?? []);
    let color: Color | null;
    let targets: AnnotationTarget[];
    let doc: { id: string; title: string };
    if (input.kind === 'highlight') {
      color = checkColor(input.color);
      if (input.targets.length === 0) throw new AnnotationError('a highlight needs at least one quote of a clause');
      targets = input.targets.map(placeQuote);
      const first = input.targets[0]?.clause;
      doc = { id: first?.docId ?? '', title: first?.docTitle ?? '' };
    } else if (input.kind === 'clause-note') {
      color = input.color === undefined || input.color === null ? null : checkColor(input.color);
      targets = [clauseTarget(input.clause)];
      doc = { id: input.clause.docId, title: input.clause.docTitle };
    } else {
      color = input.color === undefined || input.color === null ? null : checkColor(input.color);
      targets = [];
      doc = input.doc;
    }
    const stamp = now.toISOString();
    const row: AnnotationRow = { id, kind: input.kind, color, status: 'anchored', doc_id: doc.id, doc_title: doc.title, note_json: note?.json ?? null, note_text: note?.text ?? '', created: stamp, updated: stamp, deleted: null };
    this.write('the annotation', () => {
      if (this.sql('SELECT 1 FROM annotations WHERE id = ?').get(id)) throw new AnnotationError(`an annotation with id ${id} already exists`);
      this.insert(row, targets, tags);
    });
    return this.require(id);
  }

  /** Stores rows as given (create and import): the caller has checked them. Inside a write. */
  insert(row: AnnotationRow, targets: readonly AnnotationTarget[], tags: readonly string[]): void {
    this
      .sql(`INSERT INTO annotations (id, kind, color, status, doc_id, doc_title, note_json, note_text, note_folded, created, updated, deleted)
                VALUES (@id, @kind, @color, @status, @doc_id, @doc_title, @note_json, @note_text, @note_folded, @created, @updated, @deleted)`)
      .run({ ...row, note_folded: fold(row.note_text) });
    this.insertTargets(row.id, targets);
    this.setTags(row.id, tags);
  }

  private insertTargets(id: string, targets: readonly AnnotationTarget[]): void {
    const insertTarget = this.sql(`INSERT INTO targets (annotation_id, ord, clause_id, doc_id, citation, exact, prefix, suffix, start_offset, end_offset, status)
                                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    targets.forEach((t, ord) => {
      insertTarget.run(id, ord, t.clauseId, t.docId, t.citation, t.quote.exact, t.quote.prefix, t.quote.suffix, t.position.start, t.position.end, t.status);
    });
  }

  private setTags(id: string, tags: readonly string[]): void {
    this.sql('DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
    const upsert = this.sql('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id');
    const link = this.sql('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const name of tags) link.run(id, (upsert.get(name) as { id: number }).id);
    this.sql('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM annotation_tags)').run();
  }

  update(id: string, patch: AnnotationPatch, now = new Date()): Annotation {
    const current = this.require(id);
    const color = patch.color === undefined ? current.color : patch.color === null ? null : checkColor(patch.color);
    if (current.kind === 'highlight' && color === null) throw new AnnotationError('a highlight keeps a colour; delete it to remove it');
    const note = patch.note === undefined ? undefined : checkNote(patch.note);
    const tags = patch.tags === undefined ? undefined : checkTags(patch.tags);
    this.write('the change', () => {
      this.sql('UPDATE annotations SET color = ?, updated = ? WHERE id = ?').run(color, now.toISOString(), id);
      if (note !== undefined) {
        this.sql('UPDATE annotations SET note_json = ?, note_text = ?, note_folded = ? WHERE id = ?').run(note?.json ?? null, note?.text ?? '', fold(note?.text ?? ''), id);
      }
      if (tags !== undefined) this.setTags(id, tags);
    });
    return this.require(id);
  }

  /**
   * Places a highlight (typically an orphan) on a new selection: its targets are replaced, it is
   * anchored again, and its note, tags and colour stay as they were.
   */
  reattach(id: string, targets: readonly TargetInput[], now = new Date()): Annotation {
    const current = this.require(id);
    if (current.kind !== 'highlight') throw new AnnotationError('only a highlight is re-attached to a selection; a note on a clause or a document stays where it is');
    if (targets.length === 0) throw new AnnotationError('a highlight needs at least one quote of a clause');
    const placed = targets.map(placeQuote);
    const first = targets[0]?.clause;
    this.write('the re-attachment', () => {
      this.sql('DELETE FROM targets WHERE annotation_id = ?').run(id);
      this.insertTargets(id, placed);
      this.sql("UPDATE annotations SET status = 'anchored', doc_id = ?, doc_title = ?, updated = ? WHERE id = ?").run(first?.docId ?? current.docId, first?.docTitle ?? current.docTitle, now.toISOString(), id);
    });
    return this.require(id);
  }

  /** Moves an annotation to the trash; `restore` brings it back (undo). */
  delete(id: string, now = new Date()): Annotation {
    this.require(id);
    this.write('the deletion', () => this.sql('UPDATE annotations SET deleted = ? WHERE id = ? AND deleted IS NULL').run(now.toISOString(), id));
    return this.require(id);
  }

  restore(id: string): Annotation {
    const a = this.require(id);
    if (a.deleted === null) return a;
    this.write('the restore', () => this.sql('UPDATE annotations SET deleted = NULL WHERE id = ?').run(id));
    return this.require(id);
  }

  /** Every document some annotation (or one of its targets) is on, in the trash or not. */
  documentIds(): string[] {
    return (this.sql('SELECT doc_id AS id FROM annotations UNION SELECT doc_id FROM targets').all() as { id: string }[]).map((r) => r.id);
  }

  /** Deletes for good what is in the trash; returns how many. */
  emptyTrash(): number {
    return this.write('emptying the trash', () => {
      const n = this.sql('DELETE FROM annotations WHERE deleted IS NOT NULL').run().changes;
      this.sql('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM annotation_tags)').run();
      return n;
    });
  }

  get(id: string): Annotation | null {
    const row = this.sql('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
    return row ? this.view([row])[0] ?? null : null;
  }

  private require(id: string): Annotation {
    const a = this.get(id);
    if (!a) throw new AnnotationError(`no annotation has the id ${id}`);
    return a;
  }

  list(filter: AnnotationFilter = {}): Annotation[] {
    const { where, params } = whereOf(filter);
    const limit = filter.limit ?? -1;
    const rows = this.sql(`SELECT a.* FROM annotations a WHERE ${where} ORDER BY a.created, a.id LIMIT ? OFFSET ?`).all(...params, limit, filter.offset ?? 0) as AnnotationRow[];
    return this.view(rows);
  }

  counts(filter: AnnotationFilter = {}): AnnotationCounts {
    const { where, params } = whereOf({ ...filter, trash: false, status: undefined, color: undefined });
    const byStatus = this.sql(`SELECT status, count(*) AS n FROM annotations a WHERE ${where} GROUP BY status`).all(...params) as { status: AnnotationStatus; n: number }[];
    const byColorRows = this.sql(`SELECT color, count(*) AS n FROM annotations a WHERE ${where} AND color IS NOT NULL GROUP BY color`).all(...params) as { color: Color; n: number }[];
    const byTag = this
      .sql(`SELECT t.name AS tag, count(*) AS count FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id JOIN tags t ON t.id = at.tag_id
                WHERE ${where} GROUP BY t.name ORDER BY count DESC, t.name`)
      .all(...params) as { tag: string; count: number }[];
    const trash = (this.sql('SELECT count(*) AS n FROM annotations WHERE deleted IS NOT NULL').get() as { n: number }).n;
    const anchored = byStatus.find((r) => r.status === 'anchored')?.n ?? 0;
    const orphan = byStatus.find((r) => r.status === 'orphan')?.n ?? 0;
    const byColor = Object.fromEntries(COLORS.map((c) => [c, byColorRows.find((r) => r.color === c)?.n ?? 0])) as Record<Color, number>;
    return { total: anchored + orphan, anchored, orphan, trash, byColor, byTag };
  }

  /**
   * Annotations whose note holds the query, folded as search folds (Traditional = Simplified,
   * full = half width, case). A scan of note_folded with instr(): no index, linear in the notes.
   */
  searchNotes(query: string, filter: AnnotationFilter = {}): Annotation[] {
    const q = fold(query.trim());
    if (q === '') return [];
    const { where, params } = whereOf(filter);
    const rows = this.sql(`SELECT a.* FROM annotations a WHERE ${where} AND instr(a.note_folded, ?) > 0 ORDER BY a.updated DESC LIMIT ?`).all(...params, q, filter.limit ?? 100) as AnnotationRow[];
    return this.view(rows);
  }

  /** Tags in use outside the trash, with how many annotations carry each. */
  tags(): { tag: string; count: number }[] {
    return this.counts().byTag;
  }

  /** The targets of these annotations, in order, read in one query. */
  targetsOf(ids: readonly string[]): Map<string, TargetRow[]> {
    const out = new Map<string, TargetRow[]>(ids.map((id) => [id, []]));
    const rows = this.sql('SELECT * FROM targets WHERE annotation_id IN (SELECT value FROM json_each(?)) ORDER BY annotation_id, ord').all(JSON.stringify(ids)) as TargetRow[];
    for (const t of rows) out.get(t.annotation_id)?.push(t);
    return out;
  }

  private tagsOf(ids: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    const rows = this
      .sql('SELECT at.annotation_id AS id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id IN (SELECT value FROM json_each(?)) ORDER BY t.name')
      .all(JSON.stringify(ids)) as { id: string; name: string }[];
    for (const r of rows) out.get(r.id)?.push(r.name);
    return out;
  }

  private view(rows: readonly AnnotationRow[]): Annotation[] {
    const ids = rows.map((r) => r.id);
    const targets = this.targetsOf(ids);
    const tags = this.tagsOf(ids);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      color: r.color,
      status: r.status,
      docId: r.doc_id,
      docTitle: r.doc_title,
      targets: (targets.get(r.id) ?? []).map(targetView),
      note: r.note_json === null ? null : (JSON.parse(r.note_json) as NoteJSON),
      noteText: r.note_text,
      tags: tags.get(r.id) ?? [],
      created: r.created,
      updated: r.updated,
      deleted: r.deleted,
    }));
  }
}

export type { AnnotationRow };

export function targetView(t: TargetRow): AnnotationTarget {
  return {
    clauseId: t.clause_id,
    docId: t.doc_id,
    citation: t.citation,
    status: t.status,
    quote: { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    position: { type: 'TextPositionSelector', start: t.start_offset, end: t.end_offset },
  };
}

function whereOf(f: AnnotationFilter): { where: string; params: (string | number)[] } {
  const parts: string[] = [f.trash === true ? 'a.deleted IS NOT NULL' : 'a.deleted IS NULL'];
  const params: (string | number)[] = [];
  // A document's annotations: those made in it, and those with a target in it.
  const inDocs = (ids: readonly string[]): void => {
    const marks = ids.map(() => '?').join(', ');
    parts.push(ids.length === 0 ? '0' : `(a.doc_id IN (${marks}) OR a.id IN (SELECT annotation_id FROM targets WHERE doc_id IN (${marks})))`);
    params.push(...ids, ...ids);
  };
  if (f.docId !== undefined) inDocs([f.docId]);
  if (f.docIds !== undefined) inDocs(f.docIds);
  if (f.clauseId !== undefined) {
    parts.push('a.id IN (SELECT annotation_id FROM targets WHERE clause_id = ?)');
    params.push(f.clauseId);
  }
  if (f.tag !== undefined) {
    parts.push('a.id IN (SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)');
    params.push(f.tag);
  }
  if (f.color !== undefined) {
    parts.push('a.color = ?');
    params.push(checkColor(f.color));
  }
  if (f.status !== undefined) {
    parts.push('a.status = ?');
    params.push(f.status);
  }
  if (f.kind !== undefined) {
    parts.push('a.kind = ?');
    params.push(f.kind);
  }
  return { where: parts.join(' AND '), params };
}
