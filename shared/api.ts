// The types that cross between the renderer and the engine. The methods themselves are one table,
// api-table.ts; this file re-exports only its types and holds no runtime library, so that the
// preload and the renderer, which import this file and never the table, stay small.

import type { AnnotationKind, AnnotationStatus, Color, NoteJSON } from './anchoring/annotation.ts';
import type { SearchFilters } from './query.ts';
import type { DocumentSummary, ReaderClause, ResponsibleUnit, UnitRole } from './types.ts';

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
}

/** A refused call: the message says which method and what was wrong, never more. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
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
