// The same flow in the desktop app, through Playwright's Electron driver. It runs wherever an
// Electron binary is installed; on machines that cannot download one it is skipped, saying why.

import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../build/start.ts';
import { ROOT } from './fixtures.ts';
import { jumpThroughTheOutline, libraryIsShown, openTheOutline, searchAndOpenAHit, sideBySide, switchLanguage } from './flow.ts';

const binary = electronBinary();

test('the desktop app: library, the Outline, side by side, search, language; the security settings hold', async () => {
  if (binary === null) {
    const why = 'no Electron binary is installed (node_modules/electron/dist is missing: it cannot be downloaded on this machine); the same flow runs in browser mode in reader.spec.ts';
    console.log(`skipped: ${why}`);
    test.skip(true, why);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'clauseway-electron-'));
  const app = await electron.launch({ executablePath: binary ?? '', args: [ROOT], env: { ...process.env, CLAUSEWAY_DATA: dataDir } });
  try {
    const page = await app.firstWindow();
    await libraryIsShown(page);
    await openTheOutline(page);
    await jumpThroughTheOutline(page);
    await sideBySide(page);
    await searchAndOpenAHit(page);
    await switchLanguage(page);

    // No Node in the page, and only the frozen bridge from the isolated preload.
    const exposed = await page.evaluate(() => {
      const w = window as unknown as { require?: unknown; process?: unknown; clauseway?: object };
      return { require: typeof w.require, process: typeof w.process, bridgeFrozen: w.clauseway ? Object.isFrozen(w.clauseway) : false };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridgeFrozen: true });
    expect(page.url()).toMatch(/^app:\/\/clauseway\//);
    // window.open and navigation away are refused.
    await page.evaluate(() => window.open('https://example.org/'));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
