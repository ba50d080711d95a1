// Briefs (issue 14): PDF in the desktop app with Electron's own printToPDF, from the same print
// HTML the other exports use. The page is loaded from a temporary file into a hidden window with
// no script and no Node, and the window is destroyed when the PDF is made.

import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function electronPrintToPdf(): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'clauseway-pdf-'));
    const page = join(dir, 'brief.html');
    writeFileSync(page, html);
    const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    try {
      await window.loadFile(page);
      // The page's @page rule sets A4, the GB/T 9704 margins and the "— 1 —" page numbers.
      const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
