// The types that cross between the renderer and the engine. The methods themselves are one table,
// api-table.ts; this file re-exports only its types and holds no runtime library, so that the
// preload and the renderer, which import this file and never the table, stay small.

import type { AnnotationKind, AnnotationStatus, Color, NoteJSON } from './anchoring/annotation.ts';
import type { SearchFilters } from './query.ts';
import type { DocKind, DocumentSummary, Level, ReaderClause } from './types.ts';

export type { ClausewayApi } from './api-table.ts';
export type { Annotation, AnnotationCounts, AnnotationKind, AnnotationStatus, AnnotationTarget, Color, NoteJSON } from './anchoring/annotation.ts';
export type { ReaderClause };

export interface DocumentView {
  summary: DocumentSummary;
  clauses: ReaderClause[];
}

export interface LibraryStatus {
  /** preparing: the bundled texts are being imported on first start. */
  state: 'ready' | 'preparing' | 'error';
  done: number;
  total: number;
  /** What is being imported now, or what went wrong. */
  message: string | null;
  documents: number;
  /** Changes whenever the library's documents change: a reader's cached documents are stale then. */
  revision: number;
  /** What the user must be told once: user data recovered from a backup, or upgraded. */
  notices: string[];
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters;
  count?: boolean;
}

/** One clause's part of a new highlight: the words as the clause prints them, at an offset. */
export interface TargetRef {
  clauseId: string;
  quote: string;
  /** The quote's offset in the clause's text; without it, its first occurrence. */
  at?: number;
}

interface AnnotationBody {
  /** A note in the note schema's ProseMirror JSON (shared/notes). */
  note?: NoteJSON | null;
  tags?: string[];
}

/** A new highlight (one target per clause it covers), a note on a clause, or on a document. */
export type AnnotationInput =
  | (AnnotationBody & { kind: 'highlight'; color: Color; targets: TargetRef[] })
  | (AnnotationBody & { kind: 'clause-note'; clauseId: string; color?: Color | null })
  | (AnnotationBody & { kind: 'doc-note'; docId: string; color?: Color | null });

export interface AnnotationChange {
  color?: Color | null;
  note?: NoteJSON | null;
  tags?: string[];
}

/** Which annotations to list; jurisdiction and years select by the documents they are on. */
export interface AnnotationQuery {
  docId?: string;
  clauseId?: string;
  tag?: string;
  color?: Color;
  status?: AnnotationStatus;
  kind?: AnnotationKind;
  /** true: the trash only. */
  trash?: boolean;
  jurisdiction?: string;
  yearFrom?: number;
  yearTo?: number;
  /** Words of the notes (Traditional and Simplified alike). */
  text?: string;
  limit?: number;
  offset?: number;
}

/** The one IPC channel of the contract: every call carries its method's name and its arguments. */
export const API_CHANNEL = 'clauseway:call';

/** What the preload gives the renderer (window.clauseway): one door, no ipcRenderer. */
export interface ClausewayBridge {
  call: (method: string, args: unknown[]) => Promise<unknown>;
  platform: 'electron';
}

/** A refused call: the message says which method and what was wrong, never more. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

// ---- links (issue 13): cross-links between related clauses, reuse diffs, comparing documents ----

/** citation: the clause cites the document; related: similar wording; reuse: a passage taken over; manual: a reader's link. */
export type LinkKind = 'citation' | 'related' | 'reuse' | 'manual';

/** A range of characters [start, end) in a clause's text as displayed. */
export type TextSpan = [number, number];

/** What a reader can check: the shared terms, and where they stand in each clause's text. */
export interface LinkEvidence {
  terms: string[];
  /** Spans in the text of the clause asked about. */
  here: TextSpan[];
  /** Spans in the linked clause's text (for a citation: empty). */
  there: TextSpan[];
}

export interface ClauseLink {
  kind: LinkKind;
  /** The linked clause; null when a citation names a whole document. */
  clauseId: string | null;
  docId: string;
  docTitle: string;
  /** The linked clause's path of labels (第三章/第二条/（一）); '' for a whole document. */
  label: string;
  /** The linked clause's citation as the reader shows it (title and labels). */
  citation: string;
  /** The linked clause's text (for a citation: the document's title), so spans can be marked at once. */
  text: string;
  jurisdiction: string;
  level: Level;
  docKind: DocKind;
  date: string | null;
  /** Best first, 0…1 (a manual link is 1). */
  score: number;
  evidence: LinkEvidence;
  /** reuse: which text came first, by the documents' dates (null when they do not tell). */
  direction?: 'here→there' | 'there→here' | null;
  /** manual: the link's id, the reader's reason, and whether the other side is still found. */
  manualId?: string;
  why?: string;
  status?: 'anchored' | 'orphan';
}

export interface ClauseLinksQuery {
  clauseId: string;
  /** How many computed links at most (default 10); manual links and citations always come. */
  limit?: number;
}

export interface ClauseLinksResponse {
  links: ClauseLink[];
}

export interface LinkCountsResponse {
  /** Links per clause of the document (clauses without any are left out). */
  counts: Record<string, number>;
}

export interface ReuseDiffResponse {
  /** The earlier clause (by its document's date; the first one asked for when dates do not tell). */
  from: string;
  to: string;
  direction: 'earlier→later';
  /** Character-level: same (both), added (only in the later), dropped (only in the earlier). */
  parts: { op: 'same' | 'added' | 'dropped'; text: string }[];
}

export interface ComparedPair {
  a: string;
  b: string;
  score: number;
}

export interface CompareResponse {
  /** Matched clauses, in A's reading order. */
  pairs: ComparedPair[];
  /** Clauses of A (of B) with text that nothing in the other matches, in reading order. */
  onlyA: string[];
  onlyB: string[];
}

export interface DocumentCitation {
  clauseId: string;
  kind: 'title' | 'number';
  /** As printed: 《…》 or 国办发〔2015〕46号. */
  text: string;
  at: TextSpan;
  /** The document it names, when the library holds it. */
  docId: string | null;
  docTitle: string | null;
}

export interface DocumentCitationsResponse {
  resolved: DocumentCitation[];
  /** Cited but not in the library: what the reader may want to import. */
  unresolved: DocumentCitation[];
  /** Clauses of other documents that cite this one. */
  citedBy: DocumentCitation[];
}

export interface NewLink {
  a: string;
  b: string;
  why?: string;
}
