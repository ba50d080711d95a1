// The engine behind the API contract: the library and its search, for one process.

import type { ClausewayApi, DocumentView, LibraryStatus, SearchOptions } from '../../../shared/api.ts';
import type { Library } from '../store/library.ts';
import type { Searcher } from '../search/searcher.ts';

export class EngineApi implements ClausewayApi {
  private readonly library: Library;
  private readonly searcher: Searcher;

  constructor(library: Library, searcher: Searcher) {
    this.library = library;
    this.searcher = searcher;
  }

  status(): Promise<LibraryStatus> {
    const n = this.library.documentCount();
    return Promise.resolve({ state: 'ready', done: n, total: n, message: null, documents: n, revision: this.library.revision() });
  }

  listDocuments(): Promise<ReturnType<Library['listDocuments']>> {
    return Promise.resolve(this.library.listDocuments());
  }

  getDocument(docId: string): Promise<DocumentView | null> {
    return Promise.resolve(this.library.documentView(docId));
  }

  /** A retired id (a re-import changed the document) answers with its successor, saying so. */
  getClause(clauseId: string): ReturnType<ClausewayApi['getClause']> {
    return Promise.resolve(this.library.clauseFollowingAliases(clauseId));
  }

  search(query: string, options: SearchOptions = {}): ReturnType<ClausewayApi['search']> {
    return Promise.resolve(this.searcher.search(query, options));
  }

  /** The engine speaks no language of its own; the desktop shell listens for this (main.ts). */
  setLanguage(): Promise<void> {
    return Promise.resolve();
  }
}
