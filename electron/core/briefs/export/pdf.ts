// PDF from the print HTML. The desktop app passes Electron's printToPDF (electron/main); the
// command line and browser mode print with a headless Chromium or Chrome when one is installed,
// and say what to install when none is.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportError } from './write.ts';

/** Prints a self-contained HTML page to PDF bytes. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

const CANDIDATES: Record<string, readonly string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

export const NO_CHROMIUM = 'a PDF is printed by Chromium or Google Chrome, and neither was found: install one (Debian or Ubuntu: apt-get install chromium fonts-noto-cjk; macOS or Windows: Google Chrome) or set CLAUSEWAY_CHROMIUM to its program; meanwhile export the brief as DOCX or HTML and print that';

/** The browser to print with: $CLAUSEWAY_CHROMIUM, else the usual places; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env['CLAUSEWAY_CHROMIUM'];
  if (own !== undefined && own !== '') return existsSync(own) ? own : null;
  return (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p)) ?? null;
}

/** Headless Chromium's --print-to-pdf of the page, in a throwaway profile. */
export function chromiumPdf(env: NodeJS.ProcessEnv = process.env): PrintToPdf {
  return (html) => {
    const program = findChromium(env);
    if (program === null) return Promise.reject(new ExportError(NO_CHROMIUM));
    const dir = mkdtempSync(join(tmpdir(), 'clauseway-pdf-'));
    const page = join(dir, 'brief.html');
    const out = join(dir, 'brief.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-pdf-header-footer', '--disable-extensions',
      `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${out}`, pathToFileURL(page).href,
    ];
    return new Promise<Uint8Array>((resolve, reject) => {
      execFile(program, args, { timeout: 120_000, windowsHide: true }, (error, _stdout, stderr) => {
        try {
          if (error !== null || !existsSync(out)) {
            const why = error?.killed === true ? 'it took longer than two minutes' : (stderr.trim().split('\n').at(-1) ?? error?.message ?? 'it wrote no file');
            reject(new ExportError(`${program} could not print the brief to PDF (${why})`));
            return;
          }
          resolve(readFileSync(out));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  };
}
