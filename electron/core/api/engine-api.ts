// The engine behind the API contract: the library and its search, for one process.

import type { ClausewayApi, DocumentView, LibraryStatus, ReaderClause, SearchOptions } from '../../../shared/api.ts';
import type { ClauseKind, ResponsibleUnit, UnitRole } from '../../../shared/types.ts';
import type { Library } from '../store/library.ts';
import type { Searcher } from '../search/searcher.ts';

interface ClauseRow {
  id: string;
  parent_id: string | null;
  depth: number;
  kind: ClauseKind;
  label: string;
  heading: string | null;
  text: string;
  citation: string;
  table_json: string | null;
}

export class EngineApi implements ClausewayApi {
  private readonly library: Library;
  private readonly searcher: Searcher;

  constructor(library: Library, searcher: Searcher) {
    this.library = library;
    this.searcher = searcher;
  }

  status(): Promise<LibraryStatus> {
    const n = this.library.listDocuments().length;
    return Promise.resolve({ state: 'ready', done: n, total: n, message: null, documents: n });
  }

  listDocuments(): Promise<ReturnType<Library['listDocuments']>> {
    return Promise.resolve(this.library.listDocuments());
  }

  getDocument(docId: string): Promise<DocumentView | null> {
    const summary = this.library.document(docId);
    if (!summary) return Promise.resolve(null);
    const db = this.library.db;
    const rows = db.prepare<[string], ClauseRow>('SELECT id, parent_id, depth, kind, label, heading, text, citation, table_json FROM clauses WHERE doc_id = ? ORDER BY ord').all(docId);
    const units = new Map<string, ResponsibleUnit[]>();
    for (const u of db
      .prepare<[string], { clause_id: string; name: string; role: UnitRole }>('SELECT u.clause_id, u.name, u.role FROM clause_units u JOIN clauses c ON c.id = u.clause_id WHERE c.doc_id = ? ORDER BY c.ord, u.ord')
      .all(docId)) {
      const list = units.get(u.clause_id) ?? [];
      list.push({ name: u.name, role: u.role });
      units.set(u.clause_id, list);
    }
    const clauses = rows.map(
      (r): ReaderClause => ({
        id: r.id,
        parentId: r.parent_id,
        depth: r.depth,
        kind: r.kind,
        label: r.label,
        heading: r.heading,
        text: r.text,
        citation: r.citation,
        units: units.get(r.id) ?? [],
        table: r.table_json ? (JSON.parse(r.table_json) as string[][]) : null,
      }),
    );
    return Promise.resolve({ summary, clauses });
  }

  getClause(clauseId: string): ReturnType<ClausewayApi['getClause']> {
    return Promise.resolve(this.library.clause(clauseId));
  }

  search(query: string, options: SearchOptions = {}): ReturnType<ClausewayApi['search']> {
    return Promise.resolve(this.searcher.search(query, options));
  }

  /** The engine speaks no language of its own; the desktop shell listens for this (main.ts). */
  setLanguage(): Promise<void> {
    return Promise.resolve();
  }
}
