// The engine as the app runs it: on the first start (or when the bundled seeds changed) a worker
// thread brings them into the library while `status()` reports progress; later starts open the
// library at once. Then every call goes to it.

import { Worker } from 'node:worker_threads';
import { ApiError, type LibraryStatus } from '../../../shared/api.ts';
import type { ApiMethod, ClausewayApi } from '../../../shared/api-table.ts';
import { seedsUpToDate } from '../ingest/ingest-files.ts';
import { linksUpToDate } from '../links/index.ts';
import { Corrections, openUserData, reconcileWithLibrary, type AnnotationStore } from '../annotations/index.ts';
import { Library } from '../store/library.ts';
import type { SeedWorkerData, SeedWorkerMessage } from '../worker/seed-worker.ts';
import { placeSeedLibrary } from '../worker/seed-library.ts';
import type { BriefOptions } from '../briefs/service.ts';
import { EngineApi } from './engine-api.ts';
import { callMethod, ForwardingApi } from './forward.ts';
import { workerRunner } from './imports.ts';
import { UploadInbox } from './uploads.ts';

type Language = Parameters<ClausewayApi['setLanguage']>[0];

export interface HostOptions {
  dataDir: string;
  seedsDir: string;
  /**
   * The seeds' library built with the app (worker/seed-library.ts): a first start copies it into
   * an empty data folder instead of importing the seeds. Without it, or when it is stale, the
   * worker imports them.
   */
  seedLibrary?: string;
  /** The worker script: the TypeScript source under Node, the bundled file in the packaged app. */
  workerUrl: URL | string;
  /** Told the reader's language (setLanguage): the desktop shell sets its menu by it. */
  onLanguage?: (lang: Language) => void;
  /** Briefs (issue 14): how exports link to clauses and print PDF (browser mode, Electron). */
  briefs?: BriefOptions;
  /** The import worker's script (worker/import-worker.ts or its bundle); without it, imports run in this thread. */
  importWorkerUrl?: URL | string;
  /** The desktop app's open dialog (chooseImportFiles). */
  choosePaths?: (mode: 'files' | 'folder') => Promise<string[] | null>;
}

/** Every method of the contract (ForwardingApi); all but two wait for the library. */
export class EngineHost extends ForwardingApi {
  private engine: EngineApi | null = null;
  private library: Library | null = null;
  private annotations: AnnotationStore | null = null;
  private progress: LibraryStatus = { state: 'preparing', done: 0, total: 1, message: null, documents: 0, revision: 0, notices: [] };
  private readonly options: HostOptions;
  /** Browser mode's uploads, received by the server before the library may be open. */
  readonly uploads = new UploadInbox();

  constructor(options: HostOptions) {
    super();
    this.options = options;
  }

  /** Answers at once: while the library is prepared, how far the import got or why it failed. */
  override status = (): Promise<LibraryStatus> => (this.engine ? this.engine.status() : Promise.resolve(this.progress));

  /** Answers at once: the engine speaks no language, the shell around it may listen. */
  override setLanguage = (lang: Language): Promise<void> => {
    this.options.onLanguage?.(lang);
    return Promise.resolve();
  };

  /** Every other method goes to the engine once it is open; before, it is refused, saying why. */
  protected override forward(method: ApiMethod, args: unknown[]): Promise<unknown> {
    if (this.engine) return callMethod(this.engine, method, args);
    const failed = this.progress.state === 'error';
    const why = failed ? `the library could not be opened: ${this.progress.message ?? ''}` : 'the library is still being prepared';
    return Promise.reject(new ApiError(why));
  }

  /** Resolves when the library is open; rejects (and status() says why) when it cannot be. */
  start(): Promise<void> {
    // A first start begins from the library built with the app, when there is one and no library yet.
    if (this.options.seedLibrary !== undefined) placeSeedLibrary(this.options.seedLibrary, this.options.dataDir);
    // Most starts find the seeds imported and every document's links computed: open at once, no worker.
    if (seedsUpToDate(this.options.dataDir, this.options.seedsDir) && linksUpToDate(this.options.dataDir)) {
      try {
        this.open();
        return Promise.resolve();
      } catch {
        // Let the worker try (it repairs what it can) and report what fails.
      }
    }
    const data: SeedWorkerData = { dataDir: this.options.dataDir, seedsDir: this.options.seedsDir };
    const worker = new Worker(this.options.workerUrl, { workerData: data });
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (message: string): void => {
        if (settled) return;
        settled = true;
        this.progress = { ...this.progress, state: 'error', message };
        reject(new Error(message));
      };
      worker.on('message', (m: SeedWorkerMessage) => {
        if (m.type === 'progress') this.progress = { state: 'preparing', done: m.done, total: m.total, message: m.current, documents: 0, revision: 0, notices: [] };
        else if (m.type === 'error') fail(m.message);
        else {
          try {
            this.open();
            settled = true;
            resolve();
          } catch (e) {
            fail((e as Error).message);
          }
        }
      });
      worker.on('error', (e) => {
        fail(e.message);
      });
      worker.on('exit', (code) => {
        if (code !== 0) fail(`the import stopped unexpectedly (exit code ${code})`);
      });
    });
  }

  private open(): void {
    const library = Library.open(this.options.dataDir);
    try {
      const { store, notices } = openUserData(this.options.dataDir);
      // The library may have changed since the last start (an import from the command line, a
      // rebuilt library): annotations are placed again on what it holds now.
      // Corrections first (a rebuilt library holds the heuristics' values), then the annotations;
      // the search index after them, so that it weighs the corrected titles.
      new Corrections(store).apply(library);
      reconcileWithLibrary(store, library);
      const searcher = library.openSearcher();
      this.library = library;
      this.annotations = store;
      const { importWorkerUrl, choosePaths } = this.options;
      this.engine = new EngineApi(library, searcher, store, {
        notices,
        uploads: this.uploads,
        ...(importWorkerUrl === undefined ? {} : { importRunner: workerRunner(this.options.dataDir, importWorkerUrl) }),
        ...(choosePaths === undefined ? {} : { choosePaths }),
        ...(this.options.briefs === undefined ? {} : { briefs: this.options.briefs }),
      });
    } catch (e) {
      library.close();
      throw e;
    }
  }

  close(): void {
    this.engine?.close();
    this.uploads.close();
    this.annotations?.close();
    this.library?.close();
    this.annotations = null;
    this.library = null;
    this.engine = null;
  }
}
