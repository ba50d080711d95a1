// Imports a user's files off the window's thread and off the engine's: parse, store and the search
// indexes, reporting each file before it starts. The engine places annotations and corrections on
// the result when it is done (api/imports.ts).

import { parentPort, workerData } from 'node:worker_threads';
import type { ImportSummary } from '../../../shared/api.ts';
import { importBatch, type ImportFile } from '../ingest/import-batch.ts';
import { updateLinks } from '../links/index.ts';
import { Library } from '../store/library.ts';
import type { WorkerMessage } from './messages.ts';

export interface ImportWorkerData {
  dataDir: string;
  files: ImportFile[];
}

export type ImportWorkerMessage = WorkerMessage<{ summary: ImportSummary }>;

const post = (m: ImportWorkerMessage): void => parentPort?.postMessage(m);
const { dataDir, files } = workerData as ImportWorkerData;

async function run(): Promise<void> {
  const library = Library.open(dataDir);
  try {
    const summary = await importBatch(library, files, (done, total, current) => {
      post({ type: 'progress', done, total, current });
    });
    post({ type: 'progress', done: files.length, total: files.length, current: 'search' });
    // The links of what arrived (computed here, off the window's thread), then the search index.
    updateLinks(library);
    library.openSearcher();
    post({ type: 'done', summary });
  } finally {
    library.close();
  }
}

run().catch((e: unknown) => {
  post({ type: 'error', message: (e as Error).message });
});
