// Manual links: a reader's link between two clauses, and why. User data, in user.db beside the
// annotations (backed up, exported and imported with them). Each end is placed again after the
// library changes, by the same clause-id continuity the highlights use: the id itself, else the
// clause a re-import moved its text to, else a clause of the document with the very same text;
// an end that cannot be found is an orphan, kept with what it was made on, never deleted.

import { randomUUID } from 'node:crypto';
import type { AnnotationStatus } from '../../../shared/anchoring/annotation.ts';
import { clauseUri } from '../../../shared/notes/schema.ts';
import { AnnotationError } from './errors.ts';
import type { AnnotationStore, ClauseSnapshot } from './store.ts';

export interface ManualLinkEnd {
  clauseId: string;
  docId: string;
  docTitle: string;
  citation: string;
  /** The clause's text when it was last found. */
  text: string;
  status: AnnotationStatus;
}

export interface ManualLink {
  id: string;
  why: string;
  status: AnnotationStatus;
  created: string;
  updated: string;
  ends: [ManualLinkEnd, ManualLinkEnd];
}

/** Where a clause id leads now (Library.resolveClause). */
export type ResolveClause = (id: string) => { id: string; redirect: 'moved' | 'removed' | null } | null;

export const MAX_WHY = 2000;

interface LinkRow {
  id: string;
  why: string;
  status: AnnotationStatus;
  created: string;
  updated: string;
}

interface EndRow {
  link_id: string;
  ord: number;
  clause_id: string;
  doc_id: string;
  doc_title: string;
  citation: string;
  text: string;
  status: AnnotationStatus;
}

export class ManualLinks {
  private readonly store: AnnotationStore;

  constructor(store: AnnotationStore) {
    this.store = store;
  }

  /** Links two clauses; the same two again (either way round) is the same link, its reason updated when one is given. */
  create(a: ClauseSnapshot, b: ClauseSnapshot, why = '', options: { id?: string; now?: Date } = {}): ManualLink {
    if (a.id === b.id) throw new AnnotationError(`a clause cannot be linked to itself (${a.id})`);
    const reason = why.trim();
    if (reason.length > MAX_WHY) throw new AnnotationError(`the reason given is ${reason.length} characters; a link's reason may have up to ${MAX_WHY}`);
    const now = (options.now ?? new Date()).toISOString();
    const id = this.store.write('the link', () => {
      const existing = this.store
        .sql(`SELECT e0.link_id AS id FROM manual_link_ends e0 JOIN manual_link_ends e1 ON e1.link_id = e0.link_id AND e1.ord = 1
              WHERE e0.ord = 0 AND ((e0.clause_id = ? AND e1.clause_id = ?) OR (e0.clause_id = ? AND e1.clause_id = ?))`)
        .pluck()
        .get(a.id, b.id, b.id, a.id) as string | undefined;
      if (existing) {
        if (reason) this.store.sql('UPDATE manual_links SET why = ?, updated = ? WHERE id = ?').run(reason, now, existing);
        return existing;
      }
      const newId = options.id ?? randomUUID();
      if (this.store.sql('SELECT 1 FROM manual_links WHERE id = ?').get(newId)) throw new AnnotationError(`a link with id ${newId} already exists`);
      this.store.sql("INSERT INTO manual_links (id, why, status, created, updated) VALUES (?, ?, 'anchored', ?, ?)").run(newId, reason, now, now);
      const end = this.store.sql("INSERT INTO manual_link_ends (link_id, ord, clause_id, doc_id, doc_title, citation, text, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'anchored')");
      [a, b].forEach((c, ord) => end.run(newId, ord, c.id, c.docId, c.docTitle, c.citation, c.text));
      return newId;
    });
    return this.require(id);
  }

  /** Deletes a link for good; false when there is none with that id. */
  delete(id: string): boolean {
    return this.store.write('the deletion of the link', () => this.store.sql('DELETE FROM manual_links WHERE id = ?').run(id).changes > 0);
  }

  get(id: string): ManualLink | null {
    const row = this.store.sql('SELECT * FROM manual_links WHERE id = ?').get(id) as LinkRow | undefined;
    return row ? this.view(row) : null;
  }

  /** Every link, oldest first. */
  list(): ManualLink[] {
    return (this.store.sql('SELECT * FROM manual_links ORDER BY created, id').all() as LinkRow[]).map((r) => this.view(r));
  }

  /** The links with an end on this clause. */
  ofClause(clauseId: string): ManualLink[] {
    const rows = this.store
      .sql('SELECT DISTINCT l.* FROM manual_links l JOIN manual_link_ends e ON e.link_id = l.id WHERE e.clause_id = ? ORDER BY l.created, l.id')
      .all(clauseId) as LinkRow[];
    return rows.map((r) => this.view(r));
  }

  /** Links per clause of a document (ends found there). */
  counts(docId: string): Map<string, number> {
    const rows = this.store
      .sql("SELECT clause_id AS id, count(*) AS n FROM manual_link_ends WHERE doc_id = ? AND status = 'anchored' GROUP BY clause_id")
      .all(docId) as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  documentIds(): string[] {
    return (this.store.sql('SELECT DISTINCT doc_id AS id FROM manual_link_ends').all() as { id: string }[]).map((r) => r.id);
  }

  /** Places again every end on a document from its clauses as the library holds them now. */
  reanchor(docId: string, docTitle: string | null, clauses: readonly { id: string; text: string; citation: string }[], resolve: ResolveClause): { moved: number; orphaned: number; recovered: number } {
    const report = { moved: 0, orphaned: 0, recovered: 0 };
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const byText = new Map<string, { id: string; text: string; citation: string }>();
    for (const c of clauses) if (!byText.has(c.text)) byText.set(c.text, c);
    this.store.write(`re-placing the links of ${docId}`, () => {
      const ends = this.store.sql('SELECT * FROM manual_link_ends WHERE doc_id = ?').all(docId) as EndRow[];
      const place = this.store.sql("UPDATE manual_link_ends SET clause_id = ?, doc_title = ?, citation = ?, text = ?, status = 'anchored' WHERE link_id = ? AND ord = ?");
      const orphan = this.store.sql("UPDATE manual_link_ends SET status = 'orphan' WHERE link_id = ? AND ord = ?");
      for (const e of ends) {
        const to = resolve(e.clause_id);
        const found = byId.get(e.clause_id) ?? (to?.redirect === 'moved' ? byId.get(to.id) : undefined) ?? byText.get(e.text);
        if (found) {
          if (e.status === 'orphan') report.recovered++;
          else if (found.id !== e.clause_id) report.moved++;
          place.run(found.id, docTitle ?? e.doc_title, found.citation, found.text, e.link_id, e.ord);
        } else if (e.status !== 'orphan') {
          report.orphaned++;
          orphan.run(e.link_id, e.ord);
        }
      }
      this.store
        .sql(`UPDATE manual_links SET status = CASE WHEN EXISTS (SELECT 1 FROM manual_link_ends e WHERE e.link_id = manual_links.id AND e.status = 'orphan') THEN 'orphan' ELSE 'anchored' END
              WHERE id IN (SELECT link_id FROM manual_link_ends WHERE doc_id = ?)`)
        .run(docId);
    });
    return report;
  }

  private view(row: LinkRow): ManualLink {
    const ends = (this.store.sql('SELECT * FROM manual_link_ends WHERE link_id = ? ORDER BY ord').all(row.id) as EndRow[]).map(
      (e): ManualLinkEnd => ({ clauseId: e.clause_id, docId: e.doc_id, docTitle: e.doc_title, citation: e.citation, text: e.text, status: e.status }),
    );
    const [a, b] = ends;
    if (!a || !b) throw new AnnotationError(`the link ${row.id} has lost an end; the user data may be damaged`);
    return { id: row.id, why: row.why, status: row.status, created: row.created, updated: row.updated, ends: [a, b] };
  }

  private require(id: string): ManualLink {
    const link = this.get(id);
    if (!link) throw new AnnotationError(`no link with id ${id}`);
    return link;
  }
}

// ---- in the annotations' JSON-LD (jsonld.ts): a link is an Annotation motivated by linking ----

type Json = Record<string, unknown>;
const CLAUSE_URI = clauseUri('');

/** A link as a W3C Web Annotation: its two clauses as targets, its reason as the body. */
export function linkToWebAnnotation(link: ManualLink): Json {
  return {
    id: `urn:uuid:${link.id}`,
    type: 'Annotation',
    motivation: 'linking',
    created: link.created,
    modified: link.updated,
    body: link.why ? [{ type: 'TextualBody', purpose: 'describing', value: link.why }] : [],
    target: link.ends.map((e) => ({
      type: 'SpecificResource',
      source: clauseUri(e.clauseId),
      'clauseway:docId': e.docId,
      'clauseway:docTitle': e.docTitle,
      'clauseway:citation': e.citation,
      'clauseway:text': e.text,
      'clauseway:status': e.status,
    })),
    'clauseway:kind': 'link',
    'clauseway:status': link.status,
  };
}

/** Whether an exported item is a link (rather than a highlight or a note). */
export function isLinkItem(item: Json): boolean {
  return item['clauseway:kind'] === 'link' || item['motivation'] === 'linking';
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A link read back from its Web Annotation; throws, saying what is wrong, when it cannot be. */
export function linkFromWebAnnotation(item: Json, id: string, now: string): ManualLink {
  const targets = Array.isArray(item['target']) ? (item['target'] as unknown[]) : [];
  const ends = targets.map((t, i): ManualLinkEnd => {
    const o = typeof t === 'object' && t !== null ? (t as Json) : {};
    const source = text(o['source']) ?? '';
    if (!source.startsWith(CLAUSE_URI)) throw new Error(`link target ${i + 1} is not a Clauseway clause (expected ${CLAUSE_URI}CLAUSE_ID)`);
    const docId = text(o['clauseway:docId']);
    if (docId === null) throw new Error(`link target ${i + 1} does not say its document (clauseway:docId)`);
    return {
      clauseId: source.slice(CLAUSE_URI.length),
      docId,
      docTitle: text(o['clauseway:docTitle']) ?? '',
      citation: text(o['clauseway:citation']) ?? '',
      text: text(o['clauseway:text']) ?? '',
      status: o['clauseway:status'] === 'orphan' ? 'orphan' : 'anchored',
    };
  });
  const [a, b] = ends;
  if (ends.length !== 2 || !a || !b) throw new Error(`a link has two targets, this one ${ends.length}`);
  const bodies = Array.isArray(item['body']) ? (item['body'] as unknown[]) : item['body'] ? [item['body']] : [];
  const why = bodies.map((x) => (typeof x === 'object' && x !== null ? text((x as Json)['value']) : null)).find((v) => v !== null) ?? '';
  if (why.length > MAX_WHY) throw new Error(`its reason is ${why.length} characters; a link's reason may have up to ${MAX_WHY}`);
  const created = text(item['created']) ?? now;
  return { id, why, status: a.status === 'orphan' || b.status === 'orphan' ? 'orphan' : 'anchored', created, updated: text(item['modified']) ?? created, ends: [a, b] };
}

/**
 * Stores an imported link inside the caller's transaction: added, or replacing an older copy of
 * the same id; the same or a newer copy already here is left as it is.
 */
export function putImportedLink(store: AnnotationStore, link: ManualLink, dated: boolean): 'added' | 'updated' | 'unchanged' {
  const existing = store.sql('SELECT updated FROM manual_links WHERE id = ?').get(link.id) as { updated: string } | undefined;
  if (existing && (!dated || existing.updated >= link.updated)) return 'unchanged';
  if (existing) store.sql('DELETE FROM manual_links WHERE id = ?').run(link.id);
  store.sql('INSERT INTO manual_links (id, why, status, created, updated) VALUES (?, ?, ?, ?, ?)').run(link.id, link.why, link.status, link.created, link.updated);
  const end = store.sql('INSERT INTO manual_link_ends (link_id, ord, clause_id, doc_id, doc_title, citation, text, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  link.ends.forEach((e, ord) => end.run(link.id, ord, e.clauseId, e.docId, e.docTitle, e.citation, e.text, e.status));
  return existing ? 'updated' : 'added';
}
