// `npm run serve [-- --data DIR --port N]`: browser mode. The engine and its API over HTTP on
// 127.0.0.1 with a random token; prints the address to open.

import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EngineHost } from '../api/engine-host.ts';
import { SEEDS_DIR } from '../ingest/ingest-files.ts';
import { SEED_LIBRARY_FILE } from '../worker/seed-library.ts';
import { defaultDataDir } from '../paths.ts';
import { startServer } from './http-server.ts';

const RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');
const BUNDLED_WORKER = resolve(import.meta.dirname, '../../../out/electron/seed-worker.mjs');
const BUNDLED_IMPORT_WORKER = resolve(import.meta.dirname, '../../../out/electron/import-worker.mjs');
/** The seeds' library that `npm run build` writes (worker/seed-library.ts). */
export const BUILT_SEED_LIBRARY = resolve(import.meta.dirname, '../../../out', SEED_LIBRARY_FILE);

/** The import worker: its bundle when built (it starts in two thirds of the time), else its source. */
export function seedWorkerUrl(): URL {
  return existsSync(BUNDLED_WORKER) ? pathToFileURL(BUNDLED_WORKER) : new URL('../worker/seed-worker.ts', import.meta.url);
}

/** The worker of imports from the app, the same way. */
export function importWorkerUrl(): URL {
  return existsSync(BUNDLED_IMPORT_WORKER) ? pathToFileURL(BUNDLED_IMPORT_WORKER) : new URL('../worker/import-worker.ts', import.meta.url);
}

export async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port ?? ''}"`);
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) throw new Error(`the renderer is not built (${RENDERER_DIR}); run npm run build first`);
  // Exported briefs link to their clauses at this server's address (briefs, issue 14).
  let origin = '';
  const briefs = { linkOf: (clauseId: string): string => `${origin}/#/c/${clauseId}` };
  const host = new EngineHost({ dataDir: values.data ?? defaultDataDir(), seedsDir: SEEDS_DIR, seedLibrary: BUILT_SEED_LIBRARY, workerUrl: seedWorkerUrl(), importWorkerUrl: importWorkerUrl(), briefs });
  const server = await startServer({ api: host, rendererDir: RENDERER_DIR, port, uploads: host.uploads });
  origin = `http://127.0.0.1:${server.port}`;
  process.stdout.write(`Clauseway (browser mode) is running. Open:\n\n  ${server.url}\n\nThe address carries this session's key; the server answers on 127.0.0.1 only. Ctrl+C stops it.\n`);
  const stop = (): void => {
    void server.close().then(() => {
      host.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await host.start().catch((e: unknown) => {
    process.stderr.write(`clauseway: the library could not be prepared: ${(e as Error).message}\n`);
  });
}

if (import.meta.main) {
  serve(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`clauseway: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
