// Fixtures: a fresh library and browser-mode server per worker, Debian's Chromium, and a guard
// that fails the test on any request to a host other than the app's own.

import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EngineHost } from '../../electron/core/api/engine-host.ts';
import { SEEDS_DIR } from '../../electron/core/ingest/ingest-files.ts';
import { startServer, type RunningServer } from '../../electron/core/server/http-server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-features=Translate,OptimizationHints,MediaRouter'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface AppServer {
  server: RunningServer;
  host: EngineHost;
  dataDir: string;
  /** Resolves when the library is open (the first start imports the seeds in a worker). */
  ready: Promise<void>;
}

export async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'clauseway-e2e-'))): Promise<AppServer> {
  const host = new EngineHost({ dataDir, seedsDir: SEEDS_DIR, workerUrl: new URL('../../electron/core/worker/seed-worker.ts', import.meta.url) });
  const server = await startServer({ api: host, rendererDir: join(ROOT, 'out', 'renderer') });
  return { server, host, dataDir, ready: host.start() };
}

export async function stopApp(app: AppServer): Promise<void> {
  await app.ready.catch(() => undefined);
  await app.server.close();
  app.host.close();
  rmSync(app.dataDir, { recursive: true, force: true });
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

export const test = base.extend<{ page: Page }, { app: AppServer; chromiumBrowser: Browser }>({
  app: [
    async ({}, use) => {
      const app = await startApp();
      await use(app);
      await stopApp(app);
    },
    { scope: 'worker' },
  ],
  chromiumBrowser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ chromiumBrowser, app }, use) => {
    const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    await guardNetwork(page, `http://127.0.0.1:${app.server.port}`, foreign);
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    await context.close();
    expect(foreign, 'no request may leave the app').toEqual([]);
    expect(errors, 'no script error in the page').toEqual([]);
  },
});

export { expect };
