// The engine behind the API contract: the library and its search, and the user data beside it,
// for one process.

import type { Annotation, AnnotationChange, AnnotationCounts, AnnotationInput, AnnotationQuery, ClausewayApi, DocumentView, LibraryStatus, SearchOptions, TargetRef } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/api.ts';
import { AnnotationError, clauseSnapshot, type AnnotationFilter, type AnnotationStore } from '../annotations/index.ts';
import type { Library } from '../store/library.ts';
import type { Searcher } from '../search/searcher.ts';
import type { Brief, BriefAddResult, BriefChange, BriefExportRequest, BriefExportResult, BriefGrouping, BriefItemChange, BriefItemInput, BriefPlace, BriefSection, BriefSummary } from '../../../shared/api.ts';
import { BriefService, type BriefOptions } from '../briefs/service.ts';

export class EngineApi implements ClausewayApi {
  private readonly library: Library;
  private readonly searcher: Searcher;
  private readonly annotations: AnnotationStore;
  private readonly notices: string[];
  private readonly briefs: BriefService;

  /**
   * `notices`: what opening the user data had to tell (a recovery, an upgrade); `briefs`: how
   * exports link to clauses and print PDF where the defaults do not fit (browser mode, Electron).
   */
  constructor(library: Library, searcher: Searcher, annotations: AnnotationStore, notices: string[] = [], briefs: BriefOptions = {}) {
    this.library = library;
    this.searcher = searcher;
    this.annotations = annotations;
    this.notices = notices;
    this.briefs = new BriefService(library, annotations, (q) => this.listedAnnotations(q), briefs);
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
    return call(() => this.listedAnnotations(query));
  }

  private listedAnnotations(query: AnnotationQuery): Annotation[] {
    const filter = this.filterOf(query);
    return query.text ? this.annotations.searchNotes(query.text, filter) : this.annotations.list(filter);
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

  // ── briefs (issue 14) ──
  listBriefs(query: { trash?: boolean } = {}): Promise<BriefSummary[]> {
    return call(() => this.briefs.list(query));
  }

  getBrief(id: string): Promise<Brief | null> {
    return call(() => this.briefs.get(id));
  }

  createBrief(input: { title: string; subtitle?: string | null }): Promise<Brief> {
    return call(() => this.briefs.create(input));
  }

  updateBrief(id: string, change: BriefChange): Promise<Brief> {
    return call(() => this.briefs.update(id, change));
  }

  deleteBrief(id: string): Promise<BriefSummary> {
    return call(() => this.briefs.delete(id));
  }

  restoreBrief(id: string): Promise<Brief> {
    return call(() => this.briefs.restore(id));
  }

  emptyBriefTrash(): Promise<number> {
    return call(() => this.briefs.emptyTrash());
  }

  addToBrief(id: string, items: BriefItemInput[], place: BriefPlace = {}): Promise<BriefAddResult> {
    return call(() => this.briefs.add(id, items, place));
  }

  updateBriefItem(id: string, itemId: string, change: BriefItemChange): Promise<Brief> {
    return call(() => this.briefs.updateItem(id, itemId, change));
  }

  moveBriefItem(id: string, itemId: string, to: BriefPlace): Promise<Brief> {
    return call(() => this.briefs.moveItem(id, itemId, to));
  }

  removeBriefItem(id: string, itemId: string): Promise<Brief> {
    return call(() => this.briefs.removeItem(id, itemId));
  }

  addBriefSection(id: string, heading: string, index?: number): Promise<BriefSection> {
    return call(() => this.briefs.addSection(id, heading, index));
  }

  updateBriefSection(id: string, sectionId: string, heading: string): Promise<Brief> {
    return call(() => this.briefs.updateSection(id, sectionId, heading));
  }

  moveBriefSection(id: string, sectionId: string, index: number): Promise<Brief> {
    return call(() => this.briefs.moveSection(id, sectionId, index));
  }

  removeBriefSection(id: string, sectionId: string): Promise<Brief> {
    return call(() => this.briefs.removeSection(id, sectionId));
  }

  groupBrief(id: string, by: BriefGrouping): Promise<Brief> {
    return call(() => this.briefs.group(id, by));
  }

  previewBrief(id: string): Promise<string> {
    return call(() => this.briefs.preview(id));
  }

  exportBrief(request: BriefExportRequest): Promise<BriefExportResult> {
    return this.briefs.export(request).catch((e: unknown) => Promise.reject(refusal(e)));
  }
}

/** A store call as a promise: a refusal (a bad colour, a quote not in its clause) is an ApiError. */
function call<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(refusal(e));
  }
}

function refusal(e: unknown): Error {
  return e instanceof AnnotationError ? new ApiError(e.message) : e instanceof Error ? e : new Error(String(e));
}
