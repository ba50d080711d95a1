// The engine behind the API contract: the library and its search, and the user data beside it,
// for one process.

import type { Annotation, AnnotationChange, AnnotationCounts, AnnotationInput, AnnotationQuery, ClausewayApi, DocumentView, LibraryStatus, SearchOptions, TargetRef, UnitSummary, UnitTasks } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/api.ts';
import { AnnotationError, clauseSnapshot, type AnnotationFilter, type AnnotationStore } from '../annotations/index.ts';
import type { Library } from '../store/library.ts';
import type { Searcher } from '../search/searcher.ts';
import { listUnits, unitTasks } from '../store/units-view.ts';

export class EngineApi implements ClausewayApi {
  private readonly library: Library;
  private readonly searcher: Searcher;
  private readonly annotations: AnnotationStore;
  private readonly notices: string[];

  /** `notices`: what opening the user data had to tell (a recovery, an upgrade). */
  constructor(library: Library, searcher: Searcher, annotations: AnnotationStore, notices: string[] = []) {
    this.library = library;
    this.searcher = searcher;
    this.annotations = annotations;
    this.notices = notices;
  }

  status(): Promise<LibraryStatus> {
    const n = this.library.documentCount();
    return Promise.resolve({ state: 'ready', done: n, total: n, message: null, documents: n, revision: this.library.revision(), notices: this.notices });
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

  listAnnotations(query: AnnotationQuery = {}): Promise<Annotation[]> {
    return call(() => {
      const filter = this.filterOf(query);
      return query.text ? this.annotations.searchNotes(query.text, filter) : this.annotations.list(filter);
    });
  }

  countAnnotations(query: AnnotationQuery = {}): Promise<AnnotationCounts> {
    return call(() => this.annotations.counts(this.filterOf(query)));
  }

  createAnnotation(input: AnnotationInput): Promise<Annotation> {
    return call(() => {
      const { note, tags } = input;
      if (input.kind === 'highlight') return this.annotations.create({ kind: 'highlight', color: input.color, targets: this.targetsOf(input.targets), note, tags });
      if (input.kind === 'clause-note') return this.annotations.create({ kind: 'clause-note', color: input.color, clause: clauseSnapshot(this.library, input.clauseId), note, tags });
      const doc = this.library.document(input.docId);
      if (!doc) throw new AnnotationError(`no document with id ${input.docId} is in the library`);
      return this.annotations.create({ kind: 'doc-note', color: input.color, doc: { id: doc.id, title: doc.title }, note, tags });
    });
  }

  updateAnnotation(id: string, change: AnnotationChange): Promise<Annotation> {
    return call(() => this.annotations.update(id, change));
  }

  reattachAnnotation(id: string, targets: TargetRef[]): Promise<Annotation> {
    return call(() => this.annotations.reattach(id, this.targetsOf(targets)));
  }

  deleteAnnotation(id: string): Promise<Annotation> {
    return call(() => this.annotations.delete(id));
  }

  restoreAnnotation(id: string): Promise<Annotation> {
    return call(() => this.annotations.restore(id));
  }

  emptyTrash(): Promise<number> {
    return call(() => this.annotations.emptyTrash());
  }

  // search-daily: responsible units as a view.
  listUnits(): Promise<UnitSummary[]> {
    return Promise.resolve(listUnits(this.library.db));
  }

  unitTasks(name: string): Promise<UnitTasks> {
    return Promise.resolve(unitTasks(this.library.db, name));
  }

  private targetsOf(targets: readonly TargetRef[]): { clause: ReturnType<typeof clauseSnapshot>; quote: string; at?: number }[] {
    return targets.map((t) => ({ clause: clauseSnapshot(this.library, t.clauseId), quote: t.quote, ...(t.at === undefined ? {} : { at: t.at }) }));
  }

  /** The store's filter; a jurisdiction or years select the documents they name. */
  private filterOf(q: AnnotationQuery): AnnotationFilter {
    const { jurisdiction, yearFrom, yearTo, docId, clauseId, tag, color, status, kind, trash, limit, offset } = q;
    const rest: AnnotationFilter = { docId, clauseId, tag, color, status, kind, trash, limit, offset };
    if (jurisdiction === undefined && yearFrom === undefined && yearTo === undefined) return rest;
    const year = (date: string | null): number | null => (date ? Number(date.slice(0, 4)) : null);
    const docIds = this.library
      .listDocuments()
      .filter((d) => jurisdiction === undefined || d.jurisdictions.some((j) => j.name === jurisdiction) || d.jurisdiction === jurisdiction)
      .filter((d) => {
        const y = year(d.date);
        return (yearFrom === undefined || (y !== null && y >= yearFrom)) && (yearTo === undefined || (y !== null && y <= yearTo));
      })
      .map((d) => d.id);
    return { ...rest, docIds };
  }
}

/** A store call as a promise: a refusal (a bad colour, a quote not in its clause) is an ApiError. */
function call<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e instanceof AnnotationError ? new ApiError(e.message) : e instanceof Error ? e : new Error(String(e)));
  }
}
