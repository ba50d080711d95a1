// Imports started from the app: each one a job with an id that the renderer polls for its
// progress and, at the end, its summary. Jobs run one after another, in the worker thread in the
// app (workerRunner), or in this thread where there is no worker to start (tests, the engine
// alone). When a job ends, `after` places annotations and corrections on what it changed.

import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportSummary } from '../../../shared/api.ts';
import { importBatch, type ImportFile } from '../ingest/import-batch.ts';
import { updateLinks } from '../links/index.ts';
import type { Library } from '../store/library.ts';
import type { ImportWorkerData, ImportWorkerMessage } from '../worker/import-worker.ts';

export type Progress = (done: number, total: number, current: string) => void;
export type ImportRunner = (files: ImportFile[], progress: Progress) => Promise<ImportSummary>;

/** In this thread: for the engine without its host. */
export function inProcessRunner(library: Library): ImportRunner {
  return async (files, progress) => {
    const summary = await importBatch(library, files, progress);
    updateLinks(library);
    library.openSearcher();
    return summary;
  };
}

/** In a worker thread (import-worker.ts), as the app runs it. */
export function workerRunner(dataDir: string, workerUrl: URL | string): ImportRunner {
  return (files, progress) =>
    new Promise<ImportSummary>((resolve, reject) => {
      const data: ImportWorkerData = { dataDir, files };
      const worker = new Worker(workerUrl, { workerData: data });
      let summary: ImportSummary | null = null;
      worker.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'progress') progress(m.done, m.total, m.current);
        else if (m.type === 'error') reject(new Error(m.message));
        else summary = m.summary;
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (summary) resolve(summary);
        else reject(new Error(`the import stopped unexpectedly (exit code ${code})`));
      });
    });
}

/** Finished jobs kept for polling; older ones are forgotten. */
const KEPT = 20;

export class ImportJobs {
  private readonly runner: ImportRunner;
  private readonly after: (summary: ImportSummary) => void;
  private readonly jobs = new Map<string, ImportJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(runner: ImportRunner, after: (summary: ImportSummary) => void) {
    this.runner = runner;
    this.after = after;
  }

  /** Queues an import and answers its job at once; `cleanup` runs when it has ended, however. */
  start(files: ImportFile[], cleanup?: () => void): ImportJob {
    const job: ImportJob = { id: randomUUID(), state: 'running', done: 0, total: files.length, current: null, summary: null, error: null };
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEPT))) this.jobs.delete(id);
    const update = (patch: Partial<ImportJob>): void => {
      this.jobs.set(job.id, { ...(this.jobs.get(job.id) ?? job), ...patch });
    };
    this.queue = this.queue.then(async () => {
      try {
        const summary = await this.runner(files, (done, total, current) => {
          update({ done, total, current });
        });
        this.after(summary);
        update({ state: 'done', done: files.length, current: null, summary });
      } catch (e) {
        update({ state: 'failed', current: null, error: (e as Error).message });
      } finally {
        cleanup?.();
      }
    });
    return { ...job };
  }

  get(id: string): ImportJob | null {
    const job = this.jobs.get(id);
    return job ? { ...job } : null;
  }

  /** Resolves when every queued import has ended (the host waits for it before closing). */
  idle(): Promise<void> {
    return this.queue;
  }
}
