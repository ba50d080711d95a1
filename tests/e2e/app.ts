// The app under test, started the way browser mode starts it: a fresh library (the seeds' library
// that the build made, copied in, or the seeds imported by the host's worker when told so), the
// engine host, the loopback server; and Debian's Chromium. Used by the end-to-end fixtures and by
// the UI bench.

import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EngineHost } from '../../electron/core/api/engine-host.ts';
import { SEEDS_DIR } from '../../electron/core/ingest/ingest-files.ts';
import { startServer, type RunningServer } from '../../electron/core/server/http-server.ts';
import { BUILT_SEED_LIBRARY, importWorkerUrl, seedWorkerUrl } from '../../electron/core/server/serve.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Set to a folder (by `npm run screenshots`), the flow's screenshots are written there too. */
export const SCREENSHOTS_ENV = 'CLAUSEWAY_SCREENSHOTS';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-features=Translate,OptimizationHints,MediaRouter'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface AppServer {
  server: RunningServer;
  host: EngineHost;
  dataDir: string;
  /** Resolves when the library is open (a first start without the built library imports the seeds in a worker). */
  ready: Promise<void>;
}

export async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'clauseway-e2e-')), { builtLibrary = true } = {}): Promise<AppServer> {
  const host = new EngineHost({ dataDir, seedsDir: SEEDS_DIR, ...(builtLibrary ? { seedLibrary: BUILT_SEED_LIBRARY } : {}), workerUrl: seedWorkerUrl(), importWorkerUrl: importWorkerUrl() });
  const server = await startServer({ api: host, rendererDir: join(ROOT, 'out', 'renderer'), uploads: host.uploads });
  return { server, host, dataDir, ready: host.start() };
}

export async function stopApp(app: AppServer, { keepData = false } = {}): Promise<void> {
  await app.ready.catch(() => undefined);
  await app.server.close();
  app.host.close();
  if (!keepData) rmSync(app.dataDir, { recursive: true, force: true });
}

/** Every request must go to the app's own origin: anything else is aborted and recorded in `sink`. */
export async function guardNetwork(page: Page, origin: string, sink: string[]): Promise<void> {
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    sink.push(url);
    return route.abort();
  });
  page.on('websocket', (ws) => sink.push(ws.url()));
}
