// The engine behind the API contract: the library and its search, and the user data beside it,
// for one process.

import type { Annotation, AnnotationChange, AnnotationCounts, AnnotationInput, AnnotationQuery, ClausewayApi, DocumentView, ImportJob, ImportSummary, LibraryStatus, MetadataChange, Removal, SearchOptions, TargetRef, UnitSummary, UnitTasks } from '../../../shared/api.ts';
import type { ClauseLinksQuery, ClauseLinksResponse, CompareResponse, DocumentCitationsResponse, LinkCountsResponse, NewLink, ReuseDiffResponse } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/api.ts';
import type { DocumentSummary } from '../../../shared/types.ts';
import { AnnotationError, clauseSnapshot, Corrections, ManualLinks, reanchorDocuments, type AnnotationFilter, type AnnotationStore } from '../annotations/index.ts';
import { expandPaths } from '../ingest/ingest-files.ts';
import { LinkReader, updateLinks } from '../links/index.ts';
import { writeTransaction } from '../store/database.ts';
import type { Library, RemovedDocument } from '../store/library.ts';
import type { Searcher } from '../search/searcher.ts';
import type { Brief, BriefAddResult, BriefChange, BriefExportRequest, BriefExportResult, BriefGrouping, BriefItemChange, BriefItemInput, BriefPlace, BriefSection, BriefSummary } from '../../../shared/api.ts';
import { BriefService, type BriefOptions } from '../briefs/service.ts';
import { ImportJobs, inProcessRunner, type ImportRunner } from './imports.ts';
import { UploadInbox } from './uploads.ts';

/** What the engine is given beyond the library and the user data (the host's import worker, the desktop's dialog). */
export interface EngineOptions {
  notices?: string[];
  /** Runs imports; in this thread when not given. */
  importRunner?: ImportRunner;
  /** Where browser mode's uploads wait for their import. */
  uploads?: UploadInbox;
  /** The desktop app's open dialog: the paths chosen, or null. */
  choosePaths?: (mode: 'files' | 'folder') => Promise<string[] | null>;
  /** Briefs (issue 14): how exports link to clauses and print PDF where the defaults do not fit (browser mode, Electron). */
  briefs?: BriefOptions;
}
import { listUnits, unitTasks } from '../store/units-view.ts';

export class EngineApi implements ClausewayApi {
  private readonly library: Library;
  private readonly searcher: Searcher;
  private readonly annotations: AnnotationStore;
  private readonly notices: string[];
  private readonly briefs: BriefService;
  private readonly corrections: Corrections;
  private readonly imports: ImportJobs;
  private readonly uploads: UploadInbox;
  private readonly choosePaths: EngineOptions['choosePaths'];
  /** Documents removed in this session, kept so that the removal can be undone. */
  private readonly removed = new Map<string, { taken: RemovedDocument; removal: Removal }>();
  private readonly links: LinkReader;
  private readonly manual: ManualLinks;

  /** `options.notices`: what opening the user data had to tell (a recovery, an upgrade). */
  constructor(library: Library, searcher: Searcher, annotations: AnnotationStore, options: EngineOptions = {}) {
    this.library = library;
    this.searcher = searcher;
    this.annotations = annotations;
    this.notices = options.notices ?? [];
    this.corrections = new Corrections(annotations);
    this.imports = new ImportJobs(options.importRunner ?? inProcessRunner(library), (summary) => {
      this.afterImport(summary);
    });
    this.uploads = options.uploads ?? new UploadInbox();
    this.choosePaths = options.choosePaths;
    this.briefs = new BriefService(library, annotations, (q) => this.listedAnnotations(q), options.briefs ?? {});
    this.links = new LinkReader(library);
    this.manual = new ManualLinks(annotations);
  }

  status(): Promise<LibraryStatus> {
    const n = this.library.documentCount();
    return Promise.resolve({ state: 'ready', done: n, total: n, message: null, documents: n, revision: this.library.revision(), notices: this.notices });
  }

  listDocuments(): Promise<ReturnType<Library['listDocuments']>> {
    const corrected = this.corrections.fieldsByDocument();
    return Promise.resolve(this.library.listDocuments().map((d) => this.corrections.mark(d, corrected.get(d.id))));
  }

  getDocument(docId: string): Promise<DocumentView | null> {
    const view = this.library.documentView(docId);
    return Promise.resolve(view && { ...view, summary: this.corrections.mark(view.summary) });
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

  // ---- import (issue 15) ----

  importPaths(paths: string[]): Promise<ImportJob> {
    return Promise.resolve(this.imports.start(expandPaths(paths).map((path) => ({ path, name: path }))));
  }

  importUploads(uploadIds: string[]): Promise<ImportJob> {
    return call(() => {
      const { files, release } = this.uploads.take(uploadIds);
      return this.imports.start(files, release);
    });
  }

  async chooseImportFiles(mode: 'files' | 'folder'): Promise<ImportJob | null> {
    const paths = this.choosePaths ? await this.choosePaths(mode) : null;
    return paths && paths.length > 0 ? this.importPaths(paths) : null;
  }

  importProgress(jobId: string): Promise<ImportJob | null> {
    return Promise.resolve(this.imports.get(jobId));
  }

  correctDocument(docId: string, change: MetadataChange): Promise<DocumentSummary> {
    return call(() => {
      const doc = this.corrections.correct(this.library, docId, change);
      // Citations begin with the title: the annotations' copies follow a new one, and the document
      // index weighs the new title.
      reanchorDocuments(this.annotations, this.library, [docId]);
      this.reindexTitles();
      return doc;
    });
  }

  /** Removing a document removed already (a call sent twice) answers the same removal. */
  removeDocument(docId: string): Promise<Removal> {
    return call(() => {
      const before = this.removed.get(docId);
      if (before && !this.library.document(docId)) return before.removal;
      const taken = this.library.takeDocument(docId);
      if (!taken) throw new AnnotationError(`no document with id ${docId} is in the library`);
      reanchorDocuments(this.annotations, this.library, [docId]);
      this.refreshSearch();
      const removal: Removal = { docId, title: String(taken.doc['title']), annotations: this.annotations.list({ docId }).length };
      this.removed.set(docId, { taken, removal });
      return removal;
    });
  }

  /** Restoring a document that is in the library (restored already, or imported again) answers it as it is. */
  restoreDocument(docId: string): Promise<DocumentSummary> {
    return call(() => {
      const there = this.library.document(docId);
      if (there) {
        this.removed.delete(docId);
        return this.corrections.mark(there);
      }
      const before = this.removed.get(docId);
      if (!before) throw new AnnotationError(`the document ${docId} was not removed in this session; import its file again to bring it back`);
      if (!this.library.restoreDocument(before.taken)) throw new AnnotationError(`the document ${docId} cannot be put back: its file has left the library; import the file again`);
      this.removed.delete(docId);
      this.corrections.apply(this.library, [docId]);
      reanchorDocuments(this.annotations, this.library, [docId]);
      this.refreshSearch();
      const doc = this.library.document(docId);
      if (!doc) throw new AnnotationError(`the document ${docId} left the library while it was put back`);
      return this.corrections.mark(doc);
    });
  }

  /** Resolves when every import started so far has ended. */
  importsIdle(): Promise<void> {
    return this.imports.idle();
  }

  close(): void {
    this.uploads.close();
  }

  /** After an import: corrections back on top of what it rewrote, annotations placed again. */
  private afterImport(summary: ImportSummary): void {
    const touched = summary.items.flatMap((i) => i.docIds);
    // The worker indexed the heuristics' titles: corrected ones are weighed again.
    if (this.corrections.apply(this.library, touched).length > 0) this.reindexTitles();
    reanchorDocuments(this.annotations, this.library, touched);
  }

  /** The document index brought in line with the library's titles (a no-op when none changed). */
  private reindexTitles(): void {
    writeTransaction(this.library.db, () => this.searcher.open());
  }

  /** The links and the stored document index, brought in line with the library after a removal or a restore. */
  private refreshSearch(): void {
    updateLinks(this.library);
    writeTransaction(this.library.db, () => this.searcher.open());
  }

  // ---- links (issue 13) ----
  clauseLinks({ clauseId, limit }: ClauseLinksQuery): Promise<ClauseLinksResponse> {
    return call(() => ({ links: this.links.allLinks(clauseId, this.manual, limit) ?? missing(`no clause with id ${clauseId} is in the library`) }));
  }

  linkCounts({ docId }: { docId: string }): Promise<LinkCountsResponse> {
    return call(() => {
      const counts = this.links.counts(docId);
      for (const [id, n] of this.manual.counts(docId)) counts.set(id, (counts.get(id) ?? 0) + n);
      return { counts: Object.fromEntries(counts) };
    });
  }

  reuseDiff({ from, to }: { from: string; to: string }): Promise<ReuseDiffResponse> {
    return call(() => this.links.reuseDiff(from, to) ?? missing(`no clause with id ${this.links.clause(from) ? to : from} is in the library`));
  }

  compareDocuments({ a, b }: { a: string; b: string }): Promise<CompareResponse> {
    return call(() => this.links.compare(a, b) ?? missing(`no document with id ${this.library.document(a) ? b : a} is in the library`));
  }

  documentCitations({ docId }: { docId: string }): Promise<DocumentCitationsResponse> {
    return call(() => this.links.documentCitations(docId) ?? missing(`no document with id ${docId} is in the library`));
  }

  createLink({ a, b, why }: NewLink): Promise<{ id: string }> {
    return call(() => ({ id: this.manual.create(clauseSnapshot(this.library, a), clauseSnapshot(this.library, b), why).id }));
  }

  deleteLink({ id }: { id: string }): Promise<{ id: string; deleted: boolean }> {
    return call(() => ({ id, deleted: this.manual.delete(id) }));
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

function missing(message: string): never {
  throw new ApiError(message);
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
