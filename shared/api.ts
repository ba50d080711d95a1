// The one contract between the renderer and the engine. The preload exposes it over IPC, the
// browser mode serves it over HTTP; both check every call against the schemas of api-schemas.ts
// before the engine sees it. Add a method to `ClausewayApi`, to `API_METHODS` and to
// `API_SCHEMAS`, and every end type-checks. This file holds no runtime library, so that the
// preload and the renderer stay small.

import type { SearchFilters } from './query.ts';
import type { ClauseDetail, DocumentSummary, ReaderClause, SearchResponse } from './types.ts';

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
}

export interface SearchOptions {
  limit?: number;
  filters?: SearchFilters;
  count?: boolean;
}

export interface ClausewayApi {
  status(): Promise<LibraryStatus>;
  listDocuments(): Promise<DocumentSummary[]>;
  getDocument(docId: string): Promise<DocumentView | null>;
  getClause(clauseId: string): Promise<ClauseDetail | null>;
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** The reader's language, for what the shell around the renderer says (the desktop menu). */
  setLanguage(lang: 'zh' | 'en'): Promise<void>;
}

export type ApiMethod = keyof ClausewayApi;

export const API_METHODS = ['status', 'listDocuments', 'getDocument', 'getClause', 'search', 'setLanguage'] as const satisfies readonly ApiMethod[];

// Every method of the interface is listed: a missing one makes the argument `false` and this fail.
type Assert<T extends true> = T;
export type EveryMethodListed = Assert<Exclude<ApiMethod, (typeof API_METHODS)[number]> extends never ? true : false>;

/** The IPC channel of a method. */
export const channelOf = (method: ApiMethod): string => `clauseway:${method}`;

/** A refused call: the message says which method and what was wrong, never more. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}
