// Briefs in the annotations' JSON-LD export (under `clauseway:briefs`, beside the annotations), so
// that one file carries all the user data, and read back from it: ids are kept, so importing the
// same file again changes nothing, and a brief changed since the export is replaced only by a
// newer copy. Each brief is checked whole; one that does not fit is skipped, saying why.

import { isColor } from '../../../shared/anchoring/annotation.ts';
import type { BriefCitation } from '../../../shared/api.ts';
import type { Level } from '../../../shared/types.ts';
import { BriefStore, checkTitle, INSERT_ITEM, type ItemRow, type StoredBrief, type StoredItem } from './brief-store.ts';
import { checkNote, type AnnotationStore } from './store.ts';

export const BRIEFS_KEY = 'clauseway:briefs';

export interface BriefImportReport {
  added: number;
  updated: number;
  unchanged: number;
  skipped: { index: number; id: string | null; problem: string }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LEVELS: readonly Level[] = ['national', 'province', 'sar', 'city', 'district'];

/** Every brief, the trash included, as the export writes them. */
export function briefsToJSON(store: AnnotationStore): StoredBrief[] {
  const briefs = new BriefStore(store);
  const ids = (store.sql('SELECT id FROM briefs ORDER BY created, id').all() as { id: string }[]).map((r) => r.id);
  return ids.flatMap((id) => briefs.get(id) ?? []);
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new Error(`its ${what} is not text`);
  return v;
}

const optionalText = (v: unknown, what: string): string | null => (v === null || v === undefined ? null : text(v, what));

function uuid(v: unknown, what: string): string {
  if (typeof v !== 'string' || !UUID.test(v)) throw new Error(`its ${what} is not a lower-case UUID`);
  return v;
}

function citationOf(v: unknown): BriefCitation {
  if (!isObject(v)) throw new Error('an excerpt has no citation');
  const level = v['level'];
  return {
    docId: text(v['docId'], 'citation docId'),
    docTitle: text(v['docTitle'], 'citation title'),
    issuer: optionalText(v['issuer'], 'citation issuer'),
    date: optionalText(v['date'], 'citation date'),
    docNumber: optionalText(v['docNumber'], 'citation document number'),
    jurisdiction: text(v['jurisdiction'] ?? '', 'citation jurisdiction'),
    level: LEVELS.includes(level as Level) ? (level as Level) : 'national',
    label: text(v['label'] ?? '', 'citation label'),
    text: text(v['text'], 'citation text'),
  };
}

function itemOf(v: unknown, now: string): StoredItem {
  if (!isObject(v)) throw new Error('an item is not an object');
  const id = uuid(v['id'], 'item id');
  const note = (raw: unknown): Json | null => {
    const checked = checkNote(raw);
    return checked === null ? null : (JSON.parse(checked.json) as Json);
  };
  switch (v['kind']) {
    case 'heading': return { kind: 'heading', id, text: text(v['text'], 'heading') };
    case 'text': {
      const n = note(v['note']);
      if (n === null) throw new Error('a free text has no note');
      return { kind: 'text', id, note: n };
    }
    case 'excerpt': {
      const color = v['color'] ?? null;
      if (color !== null && !isColor(color)) throw new Error(`an excerpt's colour ${JSON.stringify(color)} is not one of the six`);
      return {
        kind: 'excerpt', id,
        clauseId: optionalText(v['clauseId'], 'clause id'),
        annotationId: optionalText(v['annotationId'], 'annotation id'),
        quote: text(v['quote'] ?? '', 'quote'),
        wholeClause: v['wholeClause'] === true,
        color,
        note: note(v['note']),
        citation: citationOf(v['citation']),
        added: optionalText(v['added'], 'date added') ?? now,
      };
    }
    default: throw new Error(`an item's kind ${JSON.stringify(v['kind'])} is not excerpt, text or heading`);
  }
}

function briefOf(v: unknown, now: string): StoredBrief {
  if (!isObject(v)) throw new Error('it is not an object');
  if (!Array.isArray(v['sections']) || v['sections'].length === 0) throw new Error('it has no sections');
  const sections = v['sections'].map((s) => {
    if (!isObject(s) || !Array.isArray(s['items'])) throw new Error('a section has no items list');
    return { id: uuid(s['id'], 'section id'), heading: text(s['heading'] ?? '', 'section heading'), items: s['items'].map((x) => itemOf(x, now)) };
  });
  const created = optionalText(v['created'], 'creation date') ?? now;
  return {
    id: uuid(v['id'], 'id'),
    title: checkTitle(text(v['title'], 'title')),
    subtitle: optionalText(v['subtitle'], 'subtitle'),
    created,
    updated: optionalText(v['updated'], 'modification date') ?? created,
    deleted: optionalText(v['deleted'], 'deletion date'),
    sectionCount: sections.length,
    excerptCount: sections.reduce((n, s) => n + s.items.filter((x) => x.kind === 'excerpt').length, 0),
    sections,
  };
}

function insertBrief(store: AnnotationStore, b: StoredBrief): void {
  store.sql('INSERT INTO briefs (id, title, subtitle, created, updated, deleted) VALUES (?, ?, ?, ?, ?, ?)').run(b.id, b.title, b.subtitle, b.created, b.updated, b.deleted);
  const section = store.sql('INSERT INTO brief_sections (id, brief_id, ord, heading) VALUES (?, ?, ?, ?)');
  const item = store.sql(INSERT_ITEM);
  b.sections.forEach((s, ord) => {
    section.run(s.id, b.id, ord, s.heading);
    s.items.forEach((x, i) => {
      const base: ItemRow = { id: x.id, section_id: s.id, ord: i, kind: x.kind, clause_id: null, annotation_id: null, quote: '', whole_clause: 0, color: null, note_json: null, heading: '', citation_json: null, added: b.created };
      if (x.kind === 'heading') item.run({ ...base, heading: x.text });
      else if (x.kind === 'text') item.run({ ...base, note_json: JSON.stringify(x.note) });
      else {
        item.run({
          ...base, clause_id: x.clauseId, annotation_id: x.annotationId, quote: x.quote, whole_clause: x.wholeClause ? 1 : 0, color: x.color,
          note_json: x.note === null ? null : JSON.stringify(x.note), citation_json: JSON.stringify(x.citation), added: x.added,
        });
      }
    });
  });
}

/** Reads the briefs of an export into the store; call inside the import's write transaction. */
export function importBriefs(store: AnnotationStore, raw: unknown, now: string): BriefImportReport {
  const report: BriefImportReport = { added: 0, updated: 0, unchanged: 0, skipped: [] };
  if (raw === undefined || raw === null) return report;
  const list = Array.isArray(raw) ? raw : [raw];
  list.forEach((v, index) => {
    let b: StoredBrief;
    try {
      b = briefOf(v, now);
    } catch (e) {
      report.skipped.push({ index, id: isObject(v) && typeof v['id'] === 'string' ? v['id'] : null, problem: (e as Error).message });
      return;
    }
    const existing = store.sql('SELECT updated FROM briefs WHERE id = ?').get(b.id) as { updated: string } | undefined;
    if (existing && existing.updated >= b.updated) {
      report.unchanged++;
      return;
    }
    const ids = [...b.sections.map((s) => s.id), ...b.sections.flatMap((s) => s.items.map((x) => x.id))];
    const clash = store
      .sql(`SELECT 1 FROM brief_sections WHERE id IN (SELECT value FROM json_each(?)) AND brief_id <> ?
            UNION ALL SELECT 1 FROM brief_items i JOIN brief_sections s ON s.id = i.section_id WHERE i.id IN (SELECT value FROM json_each(?)) AND s.brief_id <> ?`)
      .get(JSON.stringify(ids), b.id, JSON.stringify(ids), b.id);
    if (clash) {
      report.skipped.push({ index, id: b.id, problem: 'its sections or items have the ids of another brief\'s' });
      return;
    }
    if (existing) store.sql('DELETE FROM briefs WHERE id = ?').run(b.id);
    insertBrief(store, b);
    if (existing) report.updated++;
    else report.added++;
  });
  return report;
}
