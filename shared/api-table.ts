// The API contract, one entry per method: its signature, written once with its parameter names,
// and the schema its arguments must fit (checked against the signature when it compiles).
// Everything else derives from this table: the ClausewayApi type, the IPC handler, the preload's
// bridge, the browser-mode route, the engine host's forwarding, the renderer's client and the
// reachability test. To add a method: its entry here, its handler in EngineApi
// (electron/core/api/engine-api.ts). Only the engine imports this file at run time (zod is large);
// the preload and the renderer import its types alone, through api.ts.

import { z } from 'zod';
import { COLORS, type Annotation, type AnnotationCounts } from './anchoring/annotation.ts';
import { ApiError, type AnnotationChange, type AnnotationInput, type AnnotationQuery, type DocumentView, type TargetRef, type LibraryStatus, type SearchOptions, type UnitSummary, type UnitTasks } from './api.ts';
import type { Brief, BriefAddResult, BriefChange, BriefExportRequest, BriefExportResult, BriefGrouping, BriefItemChange, BriefItemInput, BriefPlace, BriefSection, BriefSummary, ImportJob, MetadataChange, Removal } from './api.ts';
import type { ClauseLinksQuery, ClauseLinksResponse, CompareResponse, DocumentCitationsResponse, LinkCountsResponse, NewLink, ReuseDiffResponse } from './api.ts';
import { METADATA_FIELDS, type ClauseDetail, type DocumentSummary, type SearchResponse } from './types.ts';

type AnyMethod = (...args: never[]) => Promise<unknown>;

/** One method: the schema of its arguments, and (as a type only) its signature F. */
export interface MethodSpec<F extends AnyMethod> {
  readonly args: z.ZodType<Parameters<F>>;
  /** Never set: carries the signature to the type of ClausewayApi. */
  readonly signature?: F;
}

/** `method<signature>().args(schema)`: the schema must accept only what the signature allows. */
const method = <F extends AnyMethod>() => ({
  args: (schema: z.ZodType<Parameters<F>>): MethodSpec<F> => ({ args: schema }),
});

const docId = z.string().regex(/^[0-9a-f]{12}$/, 'a document id is 12 hexadecimal characters');
const clauseId = z
  .string()
  .regex(/^[0-9a-f]{12}-[0-9a-f]{10}$/, 'a clause id is a document id, a dash and 10 hexadecimal characters');
const filters = z
  .object({
    jurisdiction: z.string().max(40).optional(),
    level: z.enum(['national', 'province', 'sar', 'city', 'district']).optional(),
    kind: z.enum(['policy', 'notice', 'news']).optional(),
    yearFrom: z.number().int().min(1900).max(2100).optional(),
    yearTo: z.number().int().min(1900).max(2100).optional(),
    docId: docId.optional(),
    unit: z.string().max(100).optional(),
  })
  .strict();
const searchOptions = z
  .object({
    limit: z.number().int().min(1).max(5000).optional(),
    offset: z.number().int().min(0).max(4999).optional(),
    filters: filters.optional(),
    count: z.boolean().optional(),
  })
  .strict();

const annotationId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an annotation id is a UUID');
const color = z.enum(COLORS);
// The engine checks a note against the note schema and its size (shared/notes); here, its shape.
const note = z.record(z.string(), z.unknown()).nullable();
const tags = z.array(z.string().max(64)).max(50);
const targets = z
  .array(z.object({ clauseId, quote: z.string().min(1).max(20_000), at: z.number().int().min(0).optional() }).strict())
  .min(1)
  .max(500);
const annotationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('highlight'), color, targets, note: note.optional(), tags: tags.optional() }).strict(),
  z.object({ kind: z.literal('clause-note'), clauseId, color: color.nullable().optional(), note: note.optional(), tags: tags.optional() }).strict(),
  z.object({ kind: z.literal('doc-note'), docId, color: color.nullable().optional(), note: note.optional(), tags: tags.optional() }).strict(),
]);
const annotationChange = z.object({ color: color.nullable().optional(), note: note.optional(), tags: tags.optional() }).strict();
const annotationQuery = z
  .object({
    docId: docId.optional(),
    clauseId: clauseId.optional(),
    tag: z.string().max(64).optional(),
    color: color.optional(),
    status: z.enum(['anchored', 'orphan']).optional(),
    kind: z.enum(['highlight', 'clause-note', 'doc-note']).optional(),
    trash: z.boolean().optional(),
    jurisdiction: z.string().max(40).optional(),
    yearFrom: z.number().int().min(1900).max(2100).optional(),
    yearTo: z.number().int().min(1900).max(2100).optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

// ── briefs (issue 14) ──
const briefId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a brief id is a UUID');
const briefPartId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a section or item id is a UUID');
const briefTitle = z.string().trim().min(1, 'a brief needs a title').max(200);
const briefSubtitle = z.string().max(400).nullable();
const briefHeading = z.string().max(200);
const briefPlace = z.object({ sectionId: briefPartId.optional(), index: z.number().int().min(0).optional() }).strict();
const briefNote = z.record(z.string(), z.unknown());
const briefItemInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clause'), clauseId, quote: z.string().min(1).max(20_000).optional(), at: z.number().int().min(0).optional(), color: color.nullable().optional(), note: note.optional() }).strict(),
  z.object({ kind: z.literal('annotation'), annotationId }).strict(),
  z.object({ kind: z.literal('annotations'), query: annotationQuery }).strict(),
  z.object({ kind: z.literal('text'), note: briefNote }).strict(),
  z.object({ kind: z.literal('heading'), text: briefHeading.trim().min(1, 'a heading needs words') }).strict(),
]);
const briefItemChange = z.object({ note: note.optional(), text: briefHeading.optional(), color: color.nullable().optional() }).strict();
const briefExport = z
  .object({ id: briefId, format: z.enum(['docx', 'pdf', 'html', 'md']), path: z.string().min(1).max(4096).optional() })
  .strict();
const BRIEF_API = {
  /** Briefs, last changed first; `trash: true` lists the trash. */
  listBriefs: method<(query?: { trash?: boolean }) => Promise<BriefSummary[]>>().args(z.tuple([z.object({ trash: z.boolean().optional() }).strict().optional()])),
  /** A brief with its sections and items; each excerpt says how it stands against the library now. */
  getBrief: method<(id: string) => Promise<Brief | null>>().args(z.tuple([briefId])),
  createBrief: method<(input: { title: string; subtitle?: string | null }) => Promise<Brief>>().args(
    z.tuple([z.object({ title: briefTitle, subtitle: briefSubtitle.optional() }).strict()]),
  ),
  updateBrief: method<(id: string, change: BriefChange) => Promise<Brief>>().args(
    z.tuple([briefId, z.object({ title: briefTitle.optional(), subtitle: briefSubtitle.optional() }).strict()]),
  ),
  /** To the trash; restoreBrief brings it back. */
  deleteBrief: method<(id: string) => Promise<BriefSummary>>().args(z.tuple([briefId])),
  restoreBrief: method<(id: string) => Promise<Brief>>().args(z.tuple([briefId])),
  /** Deletes the briefs in the trash for good; answers how many. */
  emptyBriefTrash: method<() => Promise<number>>().args(z.tuple([])),
  /** Clauses, words of clauses, annotations, a filter's annotations, free text, headings: at a place. */
  addToBrief: method<(id: string, items: BriefItemInput[], place?: BriefPlace) => Promise<BriefAddResult>>().args(
    z.tuple([briefId, z.array(briefItemInput).min(1).max(500), briefPlace.optional()]),
  ),
  updateBriefItem: method<(id: string, itemId: string, change: BriefItemChange) => Promise<Brief>>().args(z.tuple([briefId, briefPartId, briefItemChange])),
  /** To another place, in its section or another (index counted without the item itself). */
  moveBriefItem: method<(id: string, itemId: string, to: BriefPlace) => Promise<Brief>>().args(z.tuple([briefId, briefPartId, briefPlace])),
  /** An item that is no longer there (a second click) leaves the brief as it is. */
  removeBriefItem: method<(id: string, itemId: string) => Promise<Brief>>().args(z.tuple([briefId, briefPartId])),
  /** A new section (一、HEADING) at `index` (default: the end); answers the new section. */
  addBriefSection: method<(id: string, heading: string, index?: number) => Promise<BriefSection>>().args(
    z.tuple([briefId, briefHeading, z.number().int().min(0).optional()]),
  ),
  updateBriefSection: method<(id: string, sectionId: string, heading: string) => Promise<Brief>>().args(z.tuple([briefId, briefPartId, briefHeading])),
  moveBriefSection: method<(id: string, sectionId: string, index: number) => Promise<Brief>>().args(z.tuple([briefId, briefPartId, z.number().int().min(0)])),
  /** Removes a section; its items join the section before it (the one after, for the first). A section no longer there leaves the brief as it is. */
  removeBriefSection: method<(id: string, sectionId: string) => Promise<Brief>>().args(z.tuple([briefId, briefPartId])),
  /**
   * Sections by jurisdiction (national, province, SAR, city, district) or by document; each
   * excerpt takes the free text and headings that follow it; what comes before the first stays first.
   */
  groupBrief: method<(id: string, by: BriefGrouping) => Promise<Brief>>().args(z.tuple([briefId, z.enum(['jurisdiction', 'document'])])),
  /** The brief as it prints: the self-contained HTML the PDF is made from. */
  previewBrief: method<(id: string) => Promise<string>>().args(z.tuple([briefId])),
  /** Writes the brief atomically at `path`, or returns its bytes (base64) when no path is given. */
  exportBrief: method<(request: BriefExportRequest) => Promise<BriefExportResult>>().args(z.tuple([briefExport])),
};
// ---- import (issue 15) ----
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'an id is a UUID');
// The engine checks what a value means (a real date, a known level); here, its shape.
const metadataChange = z
  .object({
    title: z.string().min(1).max(300).optional(),
    issuer: z.string().max(200).nullable().optional(),
    jurisdiction: z.string().min(1).max(40).optional(),
    level: z.enum(['national', 'province', 'sar', 'city', 'district']).optional(),
    date: z.string().max(10).nullable().optional(),
    docNumber: z.string().max(100).nullable().optional(),
    kind: z.enum(['policy', 'notice', 'news']).optional(),
    validUntil: z.string().max(10).nullable().optional(),
    reset: z.array(z.enum(METADATA_FIELDS)).max(METADATA_FIELDS.length).optional(),
  })
  .strict();

export const API = {
  /** Where the library stands: preparing (first start), ready or failed; `revision` moves with its documents. */
  status: method<() => Promise<LibraryStatus>>().args(z.tuple([])),
  listDocuments: method<() => Promise<DocumentSummary[]>>().args(z.tuple([])),
  getDocument: method<(docId: string) => Promise<DocumentView | null>>().args(z.tuple([docId])),
  getClause: method<(clauseId: string) => Promise<ClauseDetail | null>>().args(z.tuple([clauseId])),
  search: method<(query: string, options?: SearchOptions) => Promise<SearchResponse>>().args(
    z.tuple([z.string().max(500), searchOptions.optional()]),
  ),
  /** The reader's language, for what the shell around the renderer says (the desktop menu). */
  setLanguage: method<(lang: 'zh' | 'en') => Promise<void>>().args(z.tuple([z.enum(['zh', 'en'])])),

  /** Annotations (user data, kept apart from the library) in the order they were made; with `text`, the notes holding it, last changed first. */
  listAnnotations: method<(query?: AnnotationQuery) => Promise<Annotation[]>>().args(z.tuple([annotationQuery.optional()])),
  /** Counts by status, colour and tag, for the same query. */
  countAnnotations: method<(query?: AnnotationQuery) => Promise<AnnotationCounts>>().args(z.tuple([annotationQuery.optional()])),
  /** A highlight, or a note on a clause or a document; the quote must occur in its clause. */
  createAnnotation: method<(input: AnnotationInput) => Promise<Annotation>>().args(z.tuple([annotationInput])),
  updateAnnotation: method<(id: string, change: AnnotationChange) => Promise<Annotation>>().args(z.tuple([annotationId, annotationChange])),
  /** Places a highlight (an orphan, say) on a new selection, keeping its note, tags and colour. */
  reattachAnnotation: method<(id: string, targets: TargetRef[]) => Promise<Annotation>>().args(z.tuple([annotationId, targets])),
  /** To the trash; restoreAnnotation brings it back (undo). */
  deleteAnnotation: method<(id: string) => Promise<Annotation>>().args(z.tuple([annotationId])),
  restoreAnnotation: method<(id: string) => Promise<Annotation>>().args(z.tuple([annotationId])),
  /** Deletes what is in the trash for good; answers how many. */
  emptyTrash: method<() => Promise<number>>().args(z.tuple([])),

  // ── briefs (issue 14) ──
  ...BRIEF_API,
  // ---- import (issue 15): import from the app, metadata corrections, removal ----
  /** Imports files, and folders (their importable files at any depth), in the worker: poll importProgress. */
  importPaths: method<(paths: string[]) => Promise<ImportJob>>().args(z.tuple([z.array(z.string().min(1).max(4096)).min(1).max(10_000)])),
  /** Browser mode: imports the files uploaded to POST /upload, by the ids it answered. */
  importUploads: method<(uploadIds: string[]) => Promise<ImportJob>>().args(z.tuple([z.array(uuid).min(1).max(10_000)])),
  /** The desktop app's open dialog (several files, or a folder), then their import; null when nothing was chosen or there is no dialog (browser mode). */
  chooseImportFiles: method<(mode: 'files' | 'folder') => Promise<ImportJob | null>>().args(z.tuple([z.enum(['files', 'folder'])])),
  /** How far an import got; its summary once done. */
  importProgress: method<(jobId: string) => Promise<ImportJob | null>>().args(z.tuple([uuid])),
  /** Corrects a document's metadata (user data, kept across re-imports); answers it with `corrected` naming the user's fields. */
  correctDocument: method<(docId: string, change: MetadataChange) => Promise<DocumentSummary>>().args(z.tuple([docId, metadataChange])),
  /** Removes a document from the library; its annotations stay, as orphans. restoreDocument undoes it (this session). */
  removeDocument: method<(docId: string) => Promise<Removal>>().args(z.tuple([docId])),
  restoreDocument: method<(docId: string) => Promise<DocumentSummary>>().args(z.tuple([docId])),
  // ---- links (issue 13) ----
  /** The links of one clause, best first: manual links, citations, then reuse and related clauses of other documents. */
  clauseLinks: method<(query: ClauseLinksQuery) => Promise<ClauseLinksResponse>>().args(
    z.tuple([z.object({ clauseId, limit: z.number().int().min(1).max(100).optional() }).strict()]),
  ),
  /** How many links each clause of a document has (for a badge). */
  linkCounts: method<(query: { docId: string }) => Promise<LinkCountsResponse>>().args(z.tuple([z.object({ docId }).strict()])),
  /** A character-level diff of two clauses, the earlier document's first. */
  reuseDiff: method<(query: { from: string; to: string }) => Promise<ReuseDiffResponse>>().args(z.tuple([z.object({ from: clauseId, to: clauseId }).strict()])),
  /** Two documents aligned clause by clause: matched pairs, and what each has that the other lacks. */
  compareDocuments: method<(query: { a: string; b: string }) => Promise<CompareResponse>>().args(z.tuple([z.object({ a: docId, b: docId }).strict()])),
  /** What a document cites (found in the library or not), and who cites it. */
  documentCitations: method<(query: { docId: string }) => Promise<DocumentCitationsResponse>>().args(z.tuple([z.object({ docId }).strict()])),
  /** A reader's link between two clauses (user data, beside the annotations). */
  createLink: method<(link: NewLink) => Promise<{ id: string }>>().args(
    z.tuple([z.object({ a: clauseId, b: clauseId, why: z.string().max(2000).optional() }).strict()]),
  ),
  /** Deletes a reader's link; `deleted` is false when there was none with that id (deleting twice is harmless). */
  deleteLink: method<(query: { id: string }) => Promise<{ id: string; deleted: boolean }>>().args(z.tuple([z.object({ id: annotationId }).strict()])),
  // search-daily: responsible units as a view.
  /** Every responsible unit the library names, most tasks first. */
  listUnits: method<() => Promise<UnitSummary[]>>().args(z.tuple([])),
  /** Every clause a unit (by its name as printed) leads, cooperates on or supports, grouped by document. */
  unitTasks: method<(name: string) => Promise<UnitTasks>>().args(z.tuple([z.string().min(1).max(100)])),
};

type Signature<S> = S extends MethodSpec<infer F> ? F : never;

/** The contract between the renderer and the engine, as the table above states it. */
export type ClausewayApi = { [K in keyof typeof API]: Signature<(typeof API)[K]> };

export type ApiMethod = keyof ClausewayApi;

export const API_METHODS = Object.keys(API) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

/** Checks a call's arguments against the table; throws ApiError when they do not fit. */
export function checkArgs<M extends ApiMethod>(method: M, args: unknown): Parameters<ClausewayApi[M]> {
  const result = (API[method].args as z.ZodType).safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    const what = issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'unexpected shape';
    throw new ApiError(`${method}: invalid arguments (${what})`);
  }
  return result.data as Parameters<ClausewayApi[M]>;
}
