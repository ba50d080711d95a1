// The types that cross between the renderer and the engine. The methods themselves are one table,
// api-table.ts; this file re-exports only its types and holds no runtime library, so that the
// preload and the renderer, which import this file and never the table, stay small.

import type { AnnotationKind, AnnotationStatus, Color, NoteJSON } from './anchoring/annotation.ts';
import type { SearchFilters } from './query.ts';
import type { DocKind, DocumentSummary, DocumentVersion, HistoryEvent, Level, MetadataField, ReaderClause, ResponsibleUnit, UnitRole } from './types.ts';

export type { ClausewayApi } from './api-table.ts';
export type { Annotation, AnnotationCounts, AnnotationKind, AnnotationStatus, AnnotationTarget, Color, NoteJSON } from './anchoring/annotation.ts';
export type { ReaderClause };

export interface DocumentView {
  summary: DocumentSummary;
  clauses: ReaderClause[];
  /** Its history lines as printed under the title (a law's adoption, amendments, taking effect). */
  history: HistoryEvent[];
  /** The versions of this text in the library, newest first, this one among them; empty when it has none. */
  versions: DocumentVersion[];
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
  /** Skips this many hits of the ranking: the next page starts at the hits already shown. */
  offset?: number;
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
  /** Where a file dropped onto the window is on disk (import, issue 15); '' when it is none. */
  pathForFile: (file: Blob) => string;
}

/** A refused call: the message says which method and what was wrong, never more. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

// ── briefs (issue 14) ───────────────────────────────────────────────────────────────────────────
// A brief: a title, an optional subtitle or addressee, and ordered sections (一、 headings) that
// hold excerpts of clauses, free text in the note editor's ProseMirror JSON, and （一） headings.

export type BriefFormat = 'docx' | 'pdf' | 'html' | 'md';
export type BriefGrouping = 'jurisdiction' | 'document';

/** Where an excerpt came from, as the library said when it was added: what every export cites. */
export interface BriefCitation {
  docId: string;
  docTitle: string;
  issuer: string | null;
  /** ISO date, as precise as the text says (2019-02-12, 2019-02, 2025). */
  date: string | null;
  docNumber: string | null;
  jurisdiction: string;
  level: Level;
  /** The clause's label path inside its document (第六章 第三节); '' for a whole document. */
  label: string;
  /** The clause's citation as the reader shows it: 粤港澳大湾区发展规划纲要 第六章 第三节. */
  text: string;
}

/**
 * How an excerpt stands against the library now. current: its clause still holds the quoted
 * words; moved: a re-import gave them to another clause (currentClauseId); changed: the clause
 * now reads otherwise; removed: the clause (or document) is gone. The quote is kept in every case.
 */
export type BriefExcerptStatus = 'current' | 'moved' | 'changed' | 'removed';

export interface BriefExcerpt {
  kind: 'excerpt';
  id: string;
  /** null for a note on a whole document. */
  clauseId: string | null;
  /** The highlight or note it was made from, when it was. */
  annotationId: string | null;
  /** The words quoted, as they read when added ('' for a note on a whole document). */
  quote: string;
  /** The whole clause was quoted, not a selection of its words. */
  wholeClause: boolean;
  color: Color | null;
  /** The excerpt's own note (copied from its annotation when added; editable in the brief). */
  note: NoteJSON | null;
  citation: BriefCitation;
  /** The deep link an export writes: clauseway://c/ID, or the browser-mode address. */
  link: string;
  status: BriefExcerptStatus;
  /** The clause that holds the quote now, when it is not clauseId (status moved). */
  currentClauseId: string | null;
  added: string;
}

export interface BriefText {
  kind: 'text';
  id: string;
  note: NoteJSON;
}

export interface BriefHeading {
  kind: 'heading';
  id: string;
  text: string;
}

export type BriefItem = BriefExcerpt | BriefText | BriefHeading;

export interface BriefSection {
  id: string;
  /** Printed as 一、HEADING; '' prints no heading (a brief of one untitled section). */
  heading: string;
  items: BriefItem[];
}

export interface BriefSummary {
  id: string;
  title: string;
  /** A subtitle or the addressee (主送), printed under the title. */
  subtitle: string | null;
  sectionCount: number;
  excerptCount: number;
  created: string;
  updated: string;
  /** In the trash since then; null when it is not. */
  deleted: string | null;
}

export interface Brief extends BriefSummary {
  sections: BriefSection[];
}

/** What can be added to a brief. */
export type BriefItemInput =
  /** A clause, or the words `quote` of it (at offset `at`, else their first occurrence). */
  | { kind: 'clause'; clauseId: string; quote?: string; at?: number; color?: Color | null; note?: NoteJSON | null }
  /** A highlight or a note, with its words, colour and note. */
  | { kind: 'annotation'; annotationId: string }
  /** Every annotation a filter selects, in the order listAnnotations gives them. */
  | { kind: 'annotations'; query: AnnotationQuery }
  | { kind: 'text'; note: NoteJSON }
  | { kind: 'heading'; text: string };

/** Where in a brief: a section (default the last) and an index in it (default its end). */
export interface BriefPlace {
  sectionId?: string;
  index?: number;
}

export interface BriefChange {
  title?: string;
  subtitle?: string | null;
}

/** An item's editable parts: a text's or an excerpt's note, a heading's text, an excerpt's colour. */
export interface BriefItemChange {
  note?: NoteJSON | null;
  text?: string;
  color?: Color | null;
}

export interface BriefAddResult {
  brief: Brief;
  /** The new items' ids, in order (an undo removes them). */
  added: string[];
}

export interface BriefExportRequest {
  id: string;
  format: BriefFormat;
  /** An absolute path ending in the format's extension; without it the bytes come back. */
  path?: string;
}

export interface BriefExportResult {
  format: BriefFormat;
  /** Where it was written; null when the bytes came back instead. */
  path: string | null;
  /** A file name for a download: the title and the extension. */
  fileName: string;
  mime: string;
  size: number;
  /** The file, base64, when no path was given (browser mode downloads it). */
  base64: string | null;
}

// ---- import (issue 15): importing files from the app, correcting metadata, removing documents ----

/** What an import may read: text, Markdown, HTML and Word files (a folder's others are skipped). */
export const IMPORTABLE_FILE = /\.(txt|text|md|markdown|html?|xhtml|docx)$/i;

/** The upload route of browser mode: one file a request, its name (URI-encoded) in this header. */
export const UPLOAD_PATH = '/upload';
export const UPLOAD_NAME_HEADER = 'x-clauseway-name';

export type ImportItemStatus = 'added' | 'updated' | 'unchanged' | 'duplicate' | 'refused';

/** What became of one file of an import. */
export interface ImportItem {
  /** The file as the user named it (a path, or a folder-relative name when uploaded). */
  name: string;
  status: ImportItemStatus;
  documents: number;
  clauses: number;
  /** Why it was refused; or, for a duplicate, the file already holding its text. */
  reason: string | null;
  warnings: string[];
  /** The documents stored from it. */
  docIds: string[];
  /** `reason` as a code and its values, for the window to say in its language (`reason` is English). */
  why?: ImportReason | null;
}

/**
 * Why a file was refused (or is a duplicate), as the engine knows it: the window renders the code in
 * its language (shared/i18n.ts, importing.reasons), the command line keeps the English sentence.
 */
export const IMPORT_REASONS = [
  'empty', 'blank', 'binary', 'not-text-format', 'bad-bom', 'mixed-encodings', 'encoding-unknown', 'too-large',
  'missing', 'denied', 'link-loop', 'not-a-file', 'unreadable', 'no-text', 'no-document',
  'not-word', 'word-unreadable', 'word-no-text', 'duplicate', 'upload-missing', 'other',
] as const;
export type ImportReasonCode = (typeof IMPORT_REASONS)[number];
export interface ImportReason {
  code: ImportReasonCode;
  /** The values the sentence names: {format}, {encoding}, {line}, {mb}, {limitMb}, {errno}, {of}. */
  params: Record<string, string | number>;
}

export interface ImportSummary {
  items: ImportItem[];
  counts: Record<ImportItemStatus, number>;
}

/** An import running in the engine's worker, or finished: poll importProgress until it is done. */
export interface ImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** The file being read now. */
  current: string | null;
  /** Set when done. */
  summary: ImportSummary | null;
  /** Why it failed as a whole (a file that fails is only refused). */
  error: string | null;
}

/** A correction of a document's metadata: a value sets a field (null clears it), `reset` gives fields back to the heuristics. */
export interface MetadataChange {
  title?: string;
  issuer?: string | null;
  jurisdiction?: string;
  level?: Level;
  date?: string | null;
  docNumber?: string | null;
  kind?: DocKind;
  validUntil?: string | null;
  reset?: MetadataField[];
}

/** A removed document, kept for the session so that the removal can be undone. */
export interface Removal {
  docId: string;
  title: string;
  /** Annotations on it: they stay, as orphans, and come back placed when it is restored. */
  annotations: number;
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

// search-daily: responsible units as a view (electron/core/store/units-view.ts).

/** A unit the library's clauses name, with how many clauses name it (tasks), by role. */
export interface UnitSummary {
  name: string;
  tasks: number;
  documents: number;
  roles: Partial<Record<UnitRole, number>>;
}

/** One clause that names the unit: where it stands, what it says, and every unit it names. */
export interface UnitTask {
  clauseId: string;
  labelPath: string;
  heading: string | null;
  text: string;
  citation: string;
  /** The unit's role in this clause. */
  role: UnitRole;
  units: ResponsibleUnit[];
}

export interface UnitDocument {
  docId: string;
  title: string;
  tasks: UnitTask[];
}

/** A unit's tasks across the library, grouped by document in library order. */
export interface UnitTasks {
  name: string;
  documents: UnitDocument[];
}
