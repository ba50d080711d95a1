// The library at scale, end to end (run.ts starts this file in a process of its own, after
// ui-bench): the seeds and the bench corpus imported by the command line into a fresh library,
// then the real renderer in Debian's Chromium against browser mode. Times from launch to the
// library shown, from the reader back to the library (the median of five), and a filter typed;
// the baseline is a static file from the same server. `node tests/e2e/library-bench.ts [CORPUS]`.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchChromium, startApp, stopApp } from './app.ts';
import type { UiRow } from '../bench/ui-types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function timeTo(action: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  await ready();
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function libraryBench(corpus: string | null): Promise<UiRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clauseway-library-bench-'));
  let browser: Browser | null = null;
  try {
    // As a user would: the command line imports the seeds, then the folder.
    const cli = (...args: string[]): void => void execFileSync(process.execPath, [join(ROOT, 'bin', 'clauseway.js'), '--data', dataDir, 'ingest', ...args], { stdio: 'ignore' });
    cli();
    if (corpus && existsSync(corpus)) cli(corpus);
    const app = await startApp(dataDir);
    await app.ready;
    const count = (await app.host.listDocuments()).length;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const rows: UiRow[] = [];
    // Timed in the page (from navigation start, from the click): the browser's own clock, not the
    // round trips of the test driver, which a loaded machine stretches.
    const appears = (selector: string): Promise<number> =>
      page.evaluate(
        (sel) =>
          new Promise<number>((resolve) => {
            const check = (): void => (document.querySelector(sel) ? resolve(performance.now()) : void requestAnimationFrame(check));
            check();
          }),
        selector,
      );
    await page.goto(`http://127.0.0.1:${app.server.port}/app.css`);
    const staticMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.duration ?? NaN);
    await page.goto(app.server.url);
    const shown = await appears('.doc-row');
    rows.push({ what: `launch → library shown, ${count} documents`, ms: shown, baseline: 'static file', ratio: shown / staticMs, target: '≤ 1000 ms', met: shown <= 1000 });

    const back: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('.doc-row .doc-title').nth(i).click();
      await page.locator('section.pane article').first().waitFor();
      back.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const button = [...document.querySelectorAll<HTMLButtonElement>('.nav-library')].find((b) => b.textContent === '文库');
              const t0 = performance.now();
              button?.click();
              const check = (): void => (document.querySelector('.doc-row') ? resolve(performance.now() - t0) : void requestAnimationFrame(check));
              check();
            }),
        ),
      );
    }
    const backMs = median(back);
    rows.push({ what: `reader → back to the library, ${count} documents (median of 5)`, ms: backMs, target: '≤ 200 ms', met: backMs <= 200 });

    const filter = page.getByRole('searchbox', { name: '按标题筛选' });
    const filtered = await timeTo(
      () => filter.fill('條例'),
      () => page.locator('.library-count', { hasText: ' / ' }).waitFor(),
    );
    rows.push({ what: `filter ${count} documents by 條例 (Traditional) → list shown`, ms: filtered });
    await stopApp(app);
    return rows;
  } finally {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  process.stdout.write(JSON.stringify(await libraryBench(process.argv[2] ?? null)) + '\n');
}
