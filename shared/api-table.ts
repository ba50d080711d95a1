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
import type { ClauseDetail, DocumentSummary, SearchResponse } from './types.ts';

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
