// Export and import as W3C Web Annotation JSON-LD. An export is one AnnotationCollection with its
// page embedded; an import also takes an AnnotationPage, a plain array of Annotations or a single
// one. Ids are kept (urn:uuid:…), so importing the same file twice changes nothing the second
// time. What the model has no term for is kept under `clauseway:` keys, an IRI scheme of our own:
// the colour, the kind, the note's ProseMirror JSON, the snapshots of citation and title.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { ANNOTATION_KINDS, isColor, type Annotation, type AnnotationKind, type AnnotationTarget } from '../../../shared/anchoring/annotation.ts';
import { noteFromJSON, noteFromText, noteToHTML } from '../../../shared/notes/note.ts';
import { clauseUri } from '../../../shared/notes/schema.ts';
import { replaceAtomically, writeAll } from './atomic.ts';
import { BRIEFS_KEY, briefsToJSON, importBriefs, type BriefImportReport } from './brief-json.ts';
import { AnnotationError } from './errors.ts';
import { isLinkItem, linkFromWebAnnotation, linkToWebAnnotation, ManualLinks, putImportedLink, type ManualLink } from './links.ts';
import { checkNote, checkTags, type AnnotationRow, type AnnotationStore } from './store.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const DOC_URI = 'clauseway://d/';
const CLAUSE_URI = clauseUri('');

type Json = Record<string, unknown>;

function targetJSON(t: AnnotationTarget): Json {
  return {
    type: 'SpecificResource',
    source: clauseUri(t.clauseId),
    selector: [t.quote, t.position],
    'clauseway:docId': t.docId,
    'clauseway:citation': t.citation,
    'clauseway:status': t.status,
  };
}

export function toWebAnnotation(a: Annotation): Json {
  const body: Json[] = [];
  if (a.note !== null) {
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: noteToHTML(noteFromJSON(a.note)), 'clauseway:note': a.note, 'clauseway:text': a.noteText });
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.kind === 'highlight' ? 'highlighting' : 'commenting',
    created: a.created,
    modified: a.updated,
    body,
    target: a.kind === 'doc-note' ? [{ source: `${DOC_URI}${a.docId}` }] : a.targets.map(targetJSON),
    'clauseway:kind': a.kind,
    'clauseway:color': a.color,
    'clauseway:status': a.status,
    'clauseway:docId': a.docId,
    'clauseway:docTitle': a.docTitle,
    'clauseway:deleted': a.deleted,
  };
}

/** Writes `data` to `file` through a temporary file, fsync and rename: all of it or nothing. */
export function writeFileAtomic(file: string, data: string): void {
  replaceAtomically(file, (temp) => writeAll(temp, new TextEncoder().encode(data)), {
    fail: (e) => new AnnotationError(`${file}: the export could not be written (${(e as Error).message}); no file was changed`),
  });
}

/** Every annotation, the trash included (a round trip loses nothing), and every manual link, as one collection. */
export function exportAnnotations(store: AnnotationStore, file: string, now = new Date()): { file: string; count: number } {
  const items = [...[...store.list(), ...store.list({ trash: true })].map(toWebAnnotation), ...new ManualLinks(store).list().map(linkToWebAnnotation)];
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Clauseway annotations',
    generator: 'Clauseway',
    generated: now.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    // Briefs (issue 14): the user's other data, so that one file carries all of it.
    [BRIEFS_KEY]: briefsToJSON(store),
  };
  writeFileAtomic(file, `${JSON.stringify(collection, null, 2)}\n`);
  return { file, count: items.length };
}

export interface ImportReport {
  file: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Annotations left out, each with why. */
  skipped: { index: number; id: string | null; problem: string }[];
  /** Documents whose annotations the caller should re-anchor against the library now. */
  docIds: string[];
  /** The briefs the file carried (issue 14). */
  briefs: BriefImportReport;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) throw new Error('it holds neither an annotation collection, a page nor a list of annotations');
  const types = asArray(json['type']);
  if (types.includes('AnnotationCollection')) {
    const first = json['first'];
    if (!isObject(first)) throw new Error('its collection does not embed its first page (pages given by address cannot be read offline)');
    return [...asArray(first['items']), ...(isObject(first['next']) ? itemsOf(first['next']) : [])];
  }
  if (types.includes('AnnotationPage')) return [...asArray(json['items']), ...(isObject(json['next']) ? itemsOf(json['next']) : [])];
  if (types.includes('Annotation')) return [json];
  throw new Error('it holds neither an annotation collection, a page nor a list of annotations');
}

/** A UUID for any id: ours are kept, others map to a stable name-based one (same id → same UUID). */
function uuidOf(id: string | null, item: Json): string {
  const own = id?.match(/^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)?.[1];
  if (own) return own.toLowerCase();
  const h = createHash('sha256').update(id ?? JSON.stringify([item['target'], item['body']])).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

function htmlText(html: string): string {
  let text = '';
  const parser = new Parser({
    ontext: (t) => { text += t; },
    onopentag: (name) => { if (name === 'br') text += '\n'; },
    onclosetag: (name) => { if (/^(p|li|div|h[1-6])$/.test(name)) text += '\n'; },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return text.replace(/\n+$/, '');
}

interface Parsed {
  row: AnnotationRow;
  /** Whether the item said when it was last modified; one that does not never replaces a copy. */
  dated: boolean;
  targets: AnnotationTarget[];
  tags: string[];
}

function parseTarget(raw: unknown, i: number): AnnotationTarget {
  // A target may be given by its address alone.
  const t = typeof raw === 'string' ? { source: raw } : raw;
  if (!isObject(t)) throw new Error(`target ${i + 1} is neither an address nor an object`);
  const source = str(t['source']) ?? '';
  if (!source.startsWith(CLAUSE_URI)) throw new Error(`target ${i + 1} is not a Clauseway clause (${JSON.stringify(source)}; expected ${CLAUSE_URI}CLAUSE_ID)`);
  const selectors = asArray(t['selector']).filter(isObject);
  const quote = selectors.find((s) => s['type'] === 'TextQuoteSelector');
  const position = selectors.find((s) => s['type'] === 'TextPositionSelector');
  const exact = str(quote?.['exact']) ?? '';
  if (exact === '') throw new Error(`target ${i + 1} has no TextQuoteSelector with an exact quote`);
  const docId = str(t['clauseway:docId']);
  if (docId === null) throw new Error(`target ${i + 1} does not say its document (clauseway:docId)`);
  const start = position?.['start'];
  const end = position?.['end'];
  const placed = Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) > (start as number);
  return {
    clauseId: source.slice(CLAUSE_URI.length),
    docId,
    citation: str(t['clauseway:citation']) ?? '',
    // Without a position the target waits, as an orphan, for the re-anchoring after the import.
    status: placed && t['clauseway:status'] !== 'orphan' ? 'anchored' : 'orphan',
    quote: { type: 'TextQuoteSelector', exact, prefix: str(quote?.['prefix']) ?? '', suffix: str(quote?.['suffix']) ?? '' },
    position: { type: 'TextPositionSelector', start: placed ? (start as number) : 0, end: placed ? (end as number) : exact.length },
  };
}

function parseItem(item: unknown, now: string): Parsed {
  if (!isObject(item)) throw new Error('it is not an object');
  if (!asArray(item['type']).includes('Annotation')) throw new Error('its type is not Annotation');
  const bodies = asArray(item['body']).filter(isObject);
  const tags = checkTags(bodies.filter((b) => b['purpose'] === 'tagging').map((b) => b['value']));
  const text = bodies.find((b) => b['purpose'] !== 'tagging' && (b['type'] === 'TextualBody' || b['value'] !== undefined));
  let note: { json: string; text: string } | null = null;
  if (text) {
    const value = str(text['value']) ?? '';
    note = checkNote(text['clauseway:note'] ?? noteFromText(text['format'] === 'text/html' ? htmlText(value) : value).toJSON());
  }
  const rawTargets = asArray(item['target']);
  const docTarget = rawTargets.length === 1 && isObject(rawTargets[0]) ? str(rawTargets[0]['source']) : null;
  const declared = str(item['clauseway:kind']);
  let kind: AnnotationKind;
  let targets: AnnotationTarget[] = [];
  let docId: string;
  if (docTarget?.startsWith(DOC_URI)) {
    kind = 'doc-note';
    docId = docTarget.slice(DOC_URI.length);
  } else {
    targets = rawTargets.map(parseTarget);
    if (targets.length === 0) throw new Error('it has no target');
    kind = declared === 'clause-note' ? 'clause-note' : 'highlight';
    docId = str(item['clauseway:docId']) ?? targets[0]?.docId ?? '';
  }
  if (declared !== null && !(ANNOTATION_KINDS as readonly string[]).includes(declared)) throw new Error(`its kind ${JSON.stringify(declared)} is unknown`);
  const color = item['clauseway:color'] ?? (kind === 'highlight' ? 'yellow' : null);
  if (color !== null && !isColor(color)) throw new Error(`its colour ${JSON.stringify(color)} is not one of the six`);
  const created = str(item['created']) ?? now;
  const row: AnnotationRow = {
    id: uuidOf(str(item['id']), item),
    kind,
    color,
    status: targets.every((t) => t.status === 'anchored') && item['clauseway:status'] !== 'orphan' ? 'anchored' : 'orphan',
    doc_id: docId,
    doc_title: str(item['clauseway:docTitle']) ?? '',
    note_json: note?.json ?? null,
    note_text: note?.text ?? '',
    created,
    updated: str(item['modified']) ?? created,
    deleted: str(item['clauseway:deleted']),
  };
  return { row, dated: str(item['modified'] ?? item['created']) !== null, targets, tags };
}

export function importAnnotations(store: AnnotationStore, file: string, now = new Date()): ImportReport {
  let items: unknown[];
  let briefs: unknown;
  try {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    briefs = isObject(json) ? json[BRIEFS_KEY] : undefined;
    items = itemsOf(json);
  } catch (e) {
    const why = e instanceof SyntaxError ? `it is not JSON (${e.message})` : (e as Error).message;
    throw new AnnotationError(`${file}: cannot be imported because ${why}; nothing was changed`);
  }
  const report: ImportReport = { file, added: 0, updated: 0, unchanged: 0, skipped: [], docIds: [], briefs: { added: 0, updated: 0, unchanged: 0, skipped: [] } };
  const parsed: Parsed[] = [];
  const links: { link: ManualLink; dated: boolean }[] = [];
  items.forEach((item, index) => {
    try {
      if (isObject(item) && isLinkItem(item)) links.push({ link: linkFromWebAnnotation(item, uuidOf(str(item['id']), item), now.toISOString()), dated: str(item['modified'] ?? item['created']) !== null });
      else parsed.push(parseItem(item, now.toISOString()));
    } catch (e) {
      report.skipped.push({ index, id: isObject(item) ? str(item['id']) : null, problem: (e as Error).message });
    }
  });
  const docs = new Set<string>();
  store.write(`the import of ${file}`, () => {
    for (const p of parsed) {
      const existing = store.sql('SELECT updated FROM annotations WHERE id = ?').get(p.row.id) as { updated: string } | undefined;
      if (existing && (!p.dated || existing.updated >= p.row.updated)) {
        report.unchanged++;
        continue;
      }
      if (existing) store.sql('DELETE FROM annotations WHERE id = ?').run(p.row.id);
      store.insert(p.row, p.targets, p.tags);
      if (existing) report.updated++;
      else report.added++;
      docs.add(p.row.doc_id);
      for (const t of p.targets) docs.add(t.docId);
    }
    report.briefs = importBriefs(store, briefs, now.toISOString());
    for (const { link, dated } of links) {
      const outcome = putImportedLink(store, link, dated);
      report[outcome]++;
      if (outcome !== 'unchanged') for (const e of link.ends) docs.add(e.docId);
    }
  });
  report.docIds = [...docs].sort();
  return report;
}
