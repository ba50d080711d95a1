// A user's corrections of document metadata (title, issuer, jurisdiction and level, date, number,
// kind, validity). They are user data, in user.db by document id, and the source of truth: the
// library's rows carry the corrected values (written after every import and at every start), so
// that listing, filtering and searching need no join across the two files. A re-import writes the
// heuristics' values into the rows again; `apply` then puts the corrections back on top and keeps
// the heuristics' value as the field's `original`, which a reset restores.

import type { MetadataChange } from '../../../shared/api.ts';
import { METADATA_FIELDS, type DocumentSummary, type MetadataField } from '../../../shared/types.ts';
import type { DocumentMetadata, Library } from '../store/library.ts';
import { AnnotationError } from './errors.ts';
import type { AnnotationStore } from './store.ts';

type Value = string | null;

interface CorrectionRow {
  doc_id: string;
  field: MetadataField;
  value: Value;
  original: Value;
}

const LEVELS = ['national', 'province', 'sar', 'city', 'district'];
const KINDS = ['policy', 'notice', 'news'];
/** As precise as the text says: 2024, 2024-01 or 2024-01-09. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function validDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The value a field may take, tidied; throws saying what is wrong. */
function checked(field: MetadataField, raw: Value): Value {
  const value = raw === null ? null : raw.trim();
  const fail = (why: string): never => {
    throw new AnnotationError(`${field}: ${why}`);
  };
  const required = field === 'title' || field === 'jurisdiction' || field === 'level' || field === 'kind';
  if (value === null || value === '') return required ? fail('this field cannot be empty') : null;
  if ((field === 'date' || field === 'validUntil') && !validDate(value)) fail(`"${value}" is not a date (write 2024-01-09, 2024-01 or 2024)`);
  if (field === 'level' && !LEVELS.includes(value)) fail(`"${value}" is not one of ${LEVELS.join(', ')}`);
  if (field === 'kind' && !KINDS.includes(value)) fail(`"${value}" is not one of ${KINDS.join(', ')}`);
  const max = field === 'title' ? 300 : field === 'issuer' ? 200 : 100;
  if (value.length > max) fail(`at most ${max} characters`);
  return value;
}

const metadataOf = (d: DocumentSummary): DocumentMetadata => ({
  title: d.title, issuer: d.issuer, jurisdiction: d.jurisdiction, level: d.level, date: d.date, docNumber: d.docNumber, kind: d.kind, validUntil: d.validUntil,
});

/** The document's metadata with `values` on top (every value has passed `checked`). */
function overlay(d: DocumentSummary, values: ReadonlyMap<MetadataField, Value>): DocumentMetadata {
  return { ...metadataOf(d), ...(Object.fromEntries(values) as Partial<DocumentMetadata>) };
}

export class Corrections {
  private readonly store: AnnotationStore;

  constructor(store: AnnotationStore) {
    this.store = store;
  }

  private rows(docId?: string): CorrectionRow[] {
    const where = docId === undefined ? '' : 'WHERE doc_id = ?';
    const stmt = this.store.sql(`SELECT doc_id, field, value, original FROM corrections ${where} ORDER BY doc_id, field`);
    return (docId === undefined ? stmt.all() : stmt.all(docId)) as CorrectionRow[];
  }

  /** The corrected fields of every corrected document, in the order of METADATA_FIELDS. */
  fieldsByDocument(): Map<string, MetadataField[]> {
    const out = new Map<string, MetadataField[]>();
    for (const r of this.rows()) out.set(r.doc_id, [...(out.get(r.doc_id) ?? []), r.field]);
    for (const [id, fields] of out) out.set(id, METADATA_FIELDS.filter((f) => fields.includes(f)));
    return out;
  }

  /** A document as the API shows it: `corrected` names the user's fields. */
  mark(d: DocumentSummary, fields = this.fieldsByDocument().get(d.id)): DocumentSummary {
    return fields && fields.length > 0 ? { ...d, corrected: fields } : d;
  }

  /**
   * Records a correction and writes it into the library. A field given a value is the user's from
   * now on, across re-imports; a field in `reset` goes back to what the heuristics said.
   */
  correct(library: Library, docId: string, change: MetadataChange, now = new Date()): DocumentSummary {
    const doc = library.document(docId);
    if (!doc) throw new AnnotationError(`no document with id ${docId} is in the library (see: clauseway docs)`);
    const { reset = [], ...set } = change;
    const values = new Map<MetadataField, Value>();
    for (const field of METADATA_FIELDS) {
      const v = set[field];
      if (v !== undefined) values.set(field, checked(field, v));
    }
    const both = reset.filter((f) => values.has(f));
    if (both.length > 0) throw new AnnotationError(`${both.join(', ')}: a field cannot be set and reset at once`);
    const restored = new Map<MetadataField, Value>();
    this.store.write(`the correction of ${docId}`, () => {
      const existing = new Map(this.rows(docId).map((r) => [r.field, r]));
      const put = this.store.sql('INSERT OR REPLACE INTO corrections (doc_id, field, value, original, updated) VALUES (?, ?, ?, ?, ?)');
      const current = metadataOf(doc);
      for (const [field, value] of values) {
        const original = existing.has(field) ? (existing.get(field)?.original ?? null) : current[field];
        put.run(docId, field, value, original, now.toISOString());
      }
      const drop = this.store.sql('DELETE FROM corrections WHERE doc_id = ? AND field = ?');
      for (const field of reset) {
        const row = existing.get(field);
        if (!row) continue;
        restored.set(field, row.original);
        drop.run(docId, field);
      }
    });
    library.setMetadata(docId, overlay(doc, new Map([...restored, ...values])));
    const after = library.document(docId);
    if (!after) throw new AnnotationError(`the document ${docId} left the library while it was corrected`);
    return this.mark(after);
  }

  /**
   * Puts the corrections back on top of the library's rows (after an import, at a start, after a
   * rebuilt library); all corrected documents when `docIds` is not given. A row whose value is no
   * longer the user's was written by the heuristics: it becomes the field's original. Answers the
   * documents whose rows changed.
   */
  apply(library: Library, docIds?: Iterable<string>): string[] {
    const wanted = docIds === undefined ? null : new Set(docIds);
    const byDoc = new Map<string, CorrectionRow[]>();
    for (const r of this.rows()) if (!wanted || wanted.has(r.doc_id)) byDoc.set(r.doc_id, [...(byDoc.get(r.doc_id) ?? []), r]);
    const changed: string[] = [];
    const refresh = this.store.sql('UPDATE corrections SET original = ? WHERE doc_id = ? AND field = ?');
    for (const [docId, rows] of byDoc) {
      const doc = library.document(docId);
      if (!doc) continue; // not in the library (now): the correction waits for it
      const current = metadataOf(doc);
      const stale = rows.filter((r) => current[r.field] !== r.value && current[r.field] !== r.original);
      if (stale.length > 0) this.store.write(`the corrections of ${docId}`, () => {
        for (const r of stale) refresh.run(current[r.field], docId, r.field);
      });
      if (library.setMetadata(docId, overlay(doc, new Map(rows.map((r) => [r.field, r.value]))))) changed.push(docId);
    }
    return changed;
  }
}
