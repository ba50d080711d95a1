// Imports the bundled seeds off the main thread (first start, or a new app version with new seeds),
// builds the search indexes and computes the links of what has none yet (links/update.ts),
// reporting each step. This is the only writer while it runs.

import { parentPort, workerData } from 'node:worker_threads';
import { Library } from '../store/library.ts';
import type { WorkerMessage } from './messages.ts';
import { prepareSeeds } from './seed-library.ts';

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
    prepareSeeds(library, seedsDir, (current, done, total) => post({ type: 'progress', done, total, current }));
    post({ type: 'done', documents: library.listDocuments().length });
  } finally {
    library.close();
  }
} catch (e) {
  post({ type: 'error', message: (e as Error).message });
}
