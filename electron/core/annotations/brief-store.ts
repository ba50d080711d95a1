// Briefs as user data, in user.db beside the annotations and on the same connection: every change
// is one write transaction (write.ts), and a backup or a restore of user.db carries them. This
// store keeps what it is given; the clauses and citations come from the library through the
// caller (electron/core/briefs/), as an annotation's ClauseSnapshot does.

import { randomUUID } from 'node:crypto';
import type { Color, NoteJSON } from '../../../shared/anchoring/annotation.ts';
import type { BriefCitation, BriefExcerpt, BriefHeading, BriefPlace, BriefSummary, BriefText } from '../../../shared/api.ts';
import { AnnotationError } from './errors.ts';
import { checkColor, checkNote, type AnnotationStore } from './store.ts';

const MAX_BRIEF_TITLE = 200;
const MAX_BRIEF_HEADING = 200;

/** One item's row, from an ItemRow's named fields (the store and the import both write it). */
export const INSERT_ITEM = `INSERT INTO brief_items (id, section_id, ord, kind, clause_id, annotation_id, quote, whole_clause, color, note_json, heading, citation_json, added)
  VALUES (@id, @section_id, @ord, @kind, @clause_id, @annotation_id, @quote, @whole_clause, @color, @note_json, @heading, @citation_json, @added)`;

/**
 * An excerpt as stored: what it quoted and from where, as the library said when it was added. Its
 * link, status and present clause are worked out when a brief is read (briefs/briefs.ts).
 */
export type StoredExcerpt = Omit<BriefExcerpt, 'link' | 'status' | 'currentClauseId'>;

export type StoredItem = StoredExcerpt | BriefText | BriefHeading;

export interface StoredSection {
  id: string;
  heading: string;
  items: StoredItem[];
}

export interface StoredBrief extends BriefSummary {
  sections: StoredSection[];
}

/** A new item: an excerpt with its snapshot, free text (a note document) or a heading. */
export type NewBriefItem =
  | Omit<StoredExcerpt, 'id' | 'added'>
  | { kind: 'text'; note: unknown }
  | { kind: 'heading'; text: string };

export interface BriefItemPatch {
  note?: unknown;
  text?: string;
  color?: Color | null;
}

interface BriefRow {
  id: string;
  title: string;
  subtitle: string | null;
  created: string;
  updated: string;
  deleted: string | null;
}

interface SectionRow {
  id: string;
  brief_id: string;
  ord: number;
  heading: string;
}

export interface ItemRow {
  id: string;
  section_id: string;
  ord: number;
  kind: StoredItem['kind'];
  clause_id: string | null;
  annotation_id: string | null;
  quote: string;
  whole_clause: number;
  color: Color | null;
  note_json: string | null;
  heading: string;
  citation_json: string | null;
  added: string;
}

export function checkTitle(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  if (t === '') throw new AnnotationError('a brief needs a title');
  if (t.length > MAX_BRIEF_TITLE) throw new AnnotationError(`the title is ${t.length} characters; a brief's title may have up to ${MAX_BRIEF_TITLE}`);
  return t;
}

function checkHeading(heading: string, what: string): string {
  const h = heading.trim().replace(/\s+/g, ' ');
  if (h.length > MAX_BRIEF_HEADING) throw new AnnotationError(`the ${what} is ${h.length} characters; it may have up to ${MAX_BRIEF_HEADING}`);
  return h;
}

function itemOf(r: ItemRow): StoredItem {
  const note = r.note_json === null ? null : (JSON.parse(r.note_json) as NoteJSON);
  if (r.kind === 'heading') return { kind: 'heading', id: r.id, text: r.heading };
  if (r.kind === 'text') return { kind: 'text', id: r.id, note: note ?? { type: 'doc', content: [{ type: 'paragraph' }] } };
  return {
    kind: 'excerpt',
    id: r.id,
    clauseId: r.clause_id,
    annotationId: r.annotation_id,
    quote: r.quote,
    wholeClause: r.whole_clause === 1,
    color: r.color,
    note,
    citation: JSON.parse(r.citation_json ?? '{}') as BriefCitation,
    added: r.added,
  };
}

/** The row of a new item, its input checked (a bad note or colour is refused, naming it). */
function rowOf(item: NewBriefItem, id: string, sectionId: string, ord: number, added: string): ItemRow {
  const base = { id, section_id: sectionId, ord, clause_id: null, annotation_id: null, quote: '', whole_clause: 0, color: null, note_json: null, heading: '', citation_json: null, added };
  if (item.kind === 'heading') {
    const text = checkHeading(item.text, 'heading');
    if (text === '') throw new AnnotationError('a heading needs words');
    return { ...base, kind: 'heading', heading: text };
  }
  if (item.kind === 'text') {
    const note = checkNote(item.note);
    if (note === null) throw new AnnotationError('free text needs a note document');
    return { ...base, kind: 'text', note_json: note.json };
  }
  return {
    ...base,
    kind: 'excerpt',
    clause_id: item.clauseId,
    annotation_id: item.annotationId,
    quote: item.quote,
    whole_clause: item.wholeClause ? 1 : 0,
    color: item.color === null ? null : checkColor(item.color),
    note_json: checkNote(item.note)?.json ?? null,
    citation_json: JSON.stringify(item.citation),
  };
}

/** Where `index` falls in a list of `length` (the end when absent or past it). */
const clampIndex = (index: number | undefined, length: number): number => Math.max(0, Math.min(index ?? length, length));

export class BriefStore {
  private readonly store: AnnotationStore;

  constructor(store: AnnotationStore) {
    this.store = store;
  }

  private write<T>(what: string, fn: () => T): T {
    return this.store.write(what, fn);
  }

  private sql(text: string): ReturnType<AnnotationStore['sql']> {
    return this.store.sql(text);
  }

  list(options: { trash?: boolean } = {}): BriefSummary[] {
    const rows = this
      .sql(`SELECT b.*, (SELECT count(*) FROM brief_sections s WHERE s.brief_id = b.id) AS sections,
                   (SELECT count(*) FROM brief_items i JOIN brief_sections s ON s.id = i.section_id WHERE s.brief_id = b.id AND i.kind = 'excerpt') AS excerpts
            FROM briefs b WHERE ${options.trash === true ? 'b.deleted IS NOT NULL' : 'b.deleted IS NULL'} ORDER BY b.updated DESC, b.id`)
      .all() as (BriefRow & { sections: number; excerpts: number })[];
    return rows.map((r) => ({ ...summaryOf(r), sectionCount: r.sections, excerptCount: r.excerpts }));
  }

  get(id: string): StoredBrief | null {
    const row = this.sql('SELECT * FROM briefs WHERE id = ?').get(id) as BriefRow | undefined;
    if (!row) return null;
    const sections = this.sql('SELECT * FROM brief_sections WHERE brief_id = ? ORDER BY ord').all(id) as SectionRow[];
    const items = this
      .sql('SELECT i.* FROM brief_items i JOIN brief_sections s ON s.id = i.section_id WHERE s.brief_id = ? ORDER BY s.ord, i.ord')
      .all(id) as ItemRow[];
    const bySection = new Map<string, StoredItem[]>(sections.map((s) => [s.id, []]));
    for (const r of items) bySection.get(r.section_id)?.push(itemOf(r));
    const out = sections.map((s) => ({ id: s.id, heading: s.heading, items: bySection.get(s.id) ?? [] }));
    const excerptCount = items.filter((r) => r.kind === 'excerpt').length;
    return { ...summaryOf(row), sectionCount: out.length, excerptCount, sections: out };
  }

  require(id: string): StoredBrief {
    const b = this.get(id);
    if (!b) throw new AnnotationError(`no brief has the id ${id} (see: clauseway brief list)`);
    return b;
  }

  /** A new brief with one untitled section, ready to take excerpts. */
  create(input: { title: string; subtitle?: string | null; id?: string }, now = new Date()): StoredBrief {
    const title = checkTitle(input.title);
    const subtitle = input.subtitle === undefined || input.subtitle === null ? null : input.subtitle.trim() || null;
    const id = input.id ?? randomUUID();
    const stamp = now.toISOString();
    this.write('the new brief', () => {
      this.sql('INSERT INTO briefs (id, title, subtitle, created, updated, deleted) VALUES (?, ?, ?, ?, ?, NULL)').run(id, title, subtitle, stamp, stamp);
      this.sql('INSERT INTO brief_sections (id, brief_id, ord, heading) VALUES (?, ?, 0, ?)').run(randomUUID(), id, '');
    });
    return this.require(id);
  }

  update(id: string, change: { title?: string; subtitle?: string | null }, now = new Date()): StoredBrief {
    const current = this.require(id);
    const title = change.title === undefined ? current.title : checkTitle(change.title);
    const subtitle = change.subtitle === undefined ? current.subtitle : change.subtitle === null ? null : change.subtitle.trim() || null;
    this.write('the change to the brief', () => this.sql('UPDATE briefs SET title = ?, subtitle = ?, updated = ? WHERE id = ?').run(title, subtitle, now.toISOString(), id));
    return this.require(id);
  }

  delete(id: string, now = new Date()): BriefSummary {
    this.require(id);
    this.write('the deletion of the brief', () => this.sql('UPDATE briefs SET deleted = ? WHERE id = ? AND deleted IS NULL').run(now.toISOString(), id));
    return this.require(id);
  }

  restore(id: string): StoredBrief {
    this.require(id);
    this.write('the restore of the brief', () => this.sql('UPDATE briefs SET deleted = NULL WHERE id = ?').run(id));
    return this.require(id);
  }

  emptyTrash(): number {
    return this.write('emptying the trash of briefs', () => this.sql('DELETE FROM briefs WHERE deleted IS NOT NULL').run().changes);
  }

  /** Adds items at a place (default: the end of the last section); returns their ids in order. */
  add(id: string, items: readonly NewBriefItem[], place: BriefPlace = {}, now = new Date()): string[] {
    const brief = this.require(id);
    const section = this.sectionOf(brief, place.sectionId);
    const stamp = now.toISOString();
    const ids = items.map(() => randomUUID());
    const rows = items.map((item, i) => rowOf(item, ids[i] ?? randomUUID(), section.id, 0, stamp));
    const order = section.items.map((x) => x.id);
    order.splice(clampIndex(place.index, order.length), 0, ...ids);
    this.write('the addition to the brief', () => {
      const insert = this.sql(INSERT_ITEM);
      for (const r of rows) insert.run(r);
      this.renumber(section.id, order);
      this.touch(id, stamp);
    });
    return ids;
  }

  updateItem(id: string, itemId: string, patch: BriefItemPatch, now = new Date()): StoredBrief {
    const item = this.itemIn(this.require(id), itemId).item;
    const sets: string[] = [];
    const params: (string | null)[] = [];
    if (patch.text !== undefined) {
      if (item.kind !== 'heading') throw new AnnotationError('only a heading has text of its own; change the note of free text or of an excerpt');
      const text = checkHeading(patch.text, 'heading');
      if (text === '') throw new AnnotationError('a heading needs words; remove it instead');
      sets.push('heading = ?');
      params.push(text);
    }
    if (patch.note !== undefined) {
      if (item.kind === 'heading') throw new AnnotationError('a heading has no note; change its text');
      const note = checkNote(patch.note);
      if (item.kind === 'text' && note === null) throw new AnnotationError('free text needs a note document; remove the item instead');
      sets.push('note_json = ?');
      params.push(note?.json ?? null);
    }
    if (patch.color !== undefined) {
      if (item.kind !== 'excerpt') throw new AnnotationError('only an excerpt has a colour');
      sets.push('color = ?');
      params.push(patch.color === null ? null : checkColor(patch.color));
    }
    if (sets.length > 0) {
      this.write('the change to the brief', () => {
        this.sql(`UPDATE brief_items SET ${sets.join(', ')} WHERE id = ?`).run(...params, itemId);
        this.touch(id, now.toISOString());
      });
    }
    return this.require(id);
  }

  /** Moves an item to a place; the index counts the items of the target section without it. */
  moveItem(id: string, itemId: string, to: BriefPlace, now = new Date()): StoredBrief {
    const brief = this.require(id);
    const { section: from } = this.itemIn(brief, itemId);
    const target = to.sectionId === undefined ? from : this.sectionOf(brief, to.sectionId);
    const fromOrder = from.items.map((x) => x.id).filter((x) => x !== itemId);
    const toOrder = target.id === from.id ? fromOrder : target.items.map((x) => x.id);
    toOrder.splice(clampIndex(to.index, toOrder.length), 0, itemId);
    this.write('the move in the brief', () => {
      this.sql('UPDATE brief_items SET section_id = ? WHERE id = ?').run(target.id, itemId);
      if (target.id !== from.id) this.renumber(from.id, fromOrder);
      this.renumber(target.id, toOrder);
      this.touch(id, now.toISOString());
    });
    return this.require(id);
  }

  /** Removes an item; one that is not there (removed already) changes nothing. */
  removeItem(id: string, itemId: string, now = new Date()): StoredBrief {
    const brief = this.require(id);
    if (!brief.sections.some((s) => s.items.some((x) => x.id === itemId))) return brief;
    this.write('the removal from the brief', () => {
      this.sql('DELETE FROM brief_items WHERE id = ?').run(itemId);
      this.touch(id, now.toISOString());
    });
    return this.require(id);
  }

  /** Adds a section; returns its id. */
  addSection(id: string, heading: string, index?: number, now = new Date()): string {
    const brief = this.require(id);
    const h = checkHeading(heading, 'section heading');
    const order = brief.sections.map((s) => s.id);
    const sectionId = randomUUID();
    order.splice(clampIndex(index, order.length), 0, sectionId);
    this.write('the new section', () => {
      this.sql('INSERT INTO brief_sections (id, brief_id, ord, heading) VALUES (?, ?, ?, ?)').run(sectionId, id, order.length, h);
      this.renumberSections(order);
      this.touch(id, now.toISOString());
    });
    return sectionId;
  }

  updateSection(id: string, sectionId: string, heading: string, now = new Date()): StoredBrief {
    this.sectionOf(this.require(id), sectionId);
    const h = checkHeading(heading, 'section heading');
    this.write('the section heading', () => {
      this.sql('UPDATE brief_sections SET heading = ? WHERE id = ?').run(h, sectionId);
      this.touch(id, now.toISOString());
    });
    return this.require(id);
  }

  moveSection(id: string, sectionId: string, index: number, now = new Date()): StoredBrief {
    const brief = this.require(id);
    this.sectionOf(brief, sectionId);
    const order = brief.sections.map((s) => s.id).filter((s) => s !== sectionId);
    order.splice(clampIndex(index, order.length), 0, sectionId);
    this.write('the move of the section', () => {
      this.renumberSections(order);
      this.touch(id, now.toISOString());
    });
    return this.require(id);
  }

  /** Removes a section; its items join the section before it (after it, for the first). */
  removeSection(id: string, sectionId: string, now = new Date()): StoredBrief {
    const brief = this.require(id);
    const at = brief.sections.findIndex((s) => s.id === sectionId);
    const section = brief.sections[at];
    if (!section) return brief;
    if (brief.sections.length === 1) throw new AnnotationError('a brief keeps at least one section; clear its heading instead');
    const heir = at === 0 ? brief.sections[1] : brief.sections[at - 1];
    if (!heir) throw new AnnotationError(`the section ${sectionId} has no neighbour to take its items`);
    const moved = section.items.map((x) => x.id);
    const order = at === 0 ? [...moved, ...heir.items.map((x) => x.id)] : [...heir.items.map((x) => x.id), ...moved];
    this.write('the removal of the section', () => {
      for (const itemId of moved) this.sql('UPDATE brief_items SET section_id = ? WHERE id = ?').run(heir.id, itemId);
      this.renumber(heir.id, order);
      this.sql('DELETE FROM brief_sections WHERE id = ?').run(sectionId);
      this.touch(id, now.toISOString());
    });
    return this.require(id);
  }

  /** Lays the brief's items out anew in these sections (grouping); every item must be placed once. */
  replaceSections(id: string, sections: readonly { heading: string; itemIds: readonly string[] }[], now = new Date()): StoredBrief {
    const brief = this.require(id);
    const all = new Set(brief.sections.flatMap((s) => s.items.map((x) => x.id)));
    const placed = sections.flatMap((s) => s.itemIds);
    if (placed.length !== all.size || placed.some((x) => !all.has(x)) || new Set(placed).size !== placed.length) {
      throw new AnnotationError('the new sections must hold every item of the brief once');
    }
    this.write('the regrouping of the brief', () => {
      const ids = sections.map(() => randomUUID());
      const insert = this.sql('INSERT INTO brief_sections (id, brief_id, ord, heading) VALUES (?, ?, ?, ?)');
      sections.forEach((s, i) => insert.run(ids[i], id, i, checkHeading(s.heading, 'section heading')));
      const move = this.sql('UPDATE brief_items SET section_id = ?, ord = ? WHERE id = ?');
      sections.forEach((s, i) => s.itemIds.forEach((itemId, ord) => move.run(ids[i], ord, itemId)));
      this.sql('DELETE FROM brief_sections WHERE brief_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(id, JSON.stringify(ids));
      this.touch(id, now.toISOString());
    });
    return this.require(id);
  }

  private sectionOf(brief: StoredBrief, sectionId: string | undefined): StoredSection {
    const section = sectionId === undefined ? brief.sections.at(-1) : brief.sections.find((s) => s.id === sectionId);
    if (!section) throw new AnnotationError(`the brief "${brief.title}" has no section ${sectionId ?? ''}`.trim());
    return section;
  }

  private itemIn(brief: StoredBrief, itemId: string): { section: StoredSection; item: StoredItem } {
    for (const section of brief.sections) {
      const item = section.items.find((x) => x.id === itemId);
      if (item) return { section, item };
    }
    throw new AnnotationError(`the brief "${brief.title}" has no item ${itemId}`);
  }

  private renumber(sectionId: string, order: readonly string[]): void {
    const set = this.sql('UPDATE brief_items SET ord = ? WHERE id = ? AND section_id = ?');
    order.forEach((itemId, ord) => set.run(ord, itemId, sectionId));
  }

  private renumberSections(order: readonly string[]): void {
    const set = this.sql('UPDATE brief_sections SET ord = ? WHERE id = ?');
    order.forEach((sectionId, ord) => set.run(ord, sectionId));
  }

  private touch(id: string, stamp: string): void {
    this.sql('UPDATE briefs SET updated = ? WHERE id = ?').run(stamp, id);
  }
}

function summaryOf(r: BriefRow): Omit<BriefSummary, 'sectionCount' | 'excerptCount'> {
  return { id: r.id, title: r.title, subtitle: r.subtitle, created: r.created, updated: r.updated, deleted: r.deleted };
}
