// Imports the bundled seeds off the main thread (first start, or a new app version with new seeds),
// builds the search indexes and computes the links of what has none yet (links/update.ts),
// reporting each step. This is the only writer while it runs.

import { parentPort, workerData } from 'node:worker_threads';
import { ingestSeeds } from '../ingest/ingest-files.ts';
import { updateLinks } from '../links/index.ts';
import { Library } from '../store/library.ts';
import type { WorkerMessage } from './messages.ts';

export interface SeedWorkerData {
  dataDir: string;
  seedsDir: string;
}

export type SeedWorkerMessage = WorkerMessage<{ documents: number }>;

const post = (m: SeedWorkerMessage): void => parentPort?.postMessage(m);
const { dataDir, seedsDir } = workerData as SeedWorkerData;

try {
  const library = Library.open(dataDir);
  try {
    let total = 0;
    ingestSeeds(library, seedsDir, (name, i, n) => {
      total = n + 2;
      post({ type: 'progress', done: i, total, current: name });
    });
    post({ type: 'progress', done: total - 2, total, current: 'search' });
    library.openSearcher();
    post({ type: 'progress', done: total - 1, total, current: 'links' });
    updateLinks(library);
    post({ type: 'done', documents: library.listDocuments().length });
  } finally {
    library.close();
  }
} catch (e) {
  post({ type: 'error', message: (e as Error).message });
}
