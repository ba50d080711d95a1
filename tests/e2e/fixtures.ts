// Fixtures: a fresh library and browser-mode server per worker, Debian's Chromium, and a guard
// that fails the test on any request to a host other than the app's own.

import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { guardNetwork, launchChromium, startApp, stopApp, type AppServer } from './app.ts';

export { ROOT } from './app.ts';

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
