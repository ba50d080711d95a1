// The types that cross between the renderer and the engine. The methods themselves are one table,
// api-table.ts; this file re-exports only its types and holds no runtime library, so that the
// preload and the renderer, which import this file and never the table, stay small.

import type { SearchFilters } from './query.ts';
import type { DocumentSummary, ReaderClause } from './types.ts';

export type { ClausewayApi } from './api-table.ts';
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
