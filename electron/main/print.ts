// The menu's 打印 and 另存为 PDF. The reading pane draws only the clauses on screen, so the page is
// first asked to lay out the whole document for print (renderer/reader/print.ts: printToPDF fires
// no `beforeprint`), then printed or saved, then told it is done. The PDF is written atomically.

import { dialog, type BrowserWindow, type WebContents } from 'electron';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MESSAGES, type Lang } from '../../shared/i18n.ts';

/** Asks the page to lay the focused document out for print: its title, or null when none is open. */
async function prepare(wc: WebContents): Promise<string | null> {
  const ready: unknown = await wc.executeJavaScript('window.clausewayPrint ? window.clausewayPrint.prepare() : false', true);
  if (ready !== true) return null;
  const title: unknown = await wc.executeJavaScript("document.querySelector('.print-view h1')?.textContent ?? ''", true);
  return typeof title === 'string' ? title : '';
}

const done = (wc: WebContents): void => void wc.executeJavaScript('window.clausewayPrint && window.clausewayPrint.done()', true);

function nothingOpen(window: BrowserWindow, lang: Lang): void {
  void dialog.showMessageBox(window, { message: MESSAGES[lang].daily.nothingToPrint });
}

export async function printDocument(window: BrowserWindow, lang: Lang): Promise<void> {
  const wc = window.webContents;
  if ((await prepare(wc)) === null) {
    nothingOpen(window, lang);
    return;
  }
  wc.print({ printBackground: true }, () => done(wc));
}

/** Writes through a temporary file, fsync and rename: the whole PDF or no file at all. */
function writeAtomic(file: string, data: Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

export async function saveAsPdf(window: BrowserWindow, lang: Lang): Promise<void> {
  const wc = window.webContents;
  const title = await prepare(wc);
  if (title === null) {
    nothingOpen(window, lang);
    return;
  }
  try {
    const name = `${title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 120) || 'clauseway'}.pdf`;
    const chosen = await dialog.showSaveDialog(window, { title: MESSAGES[lang].daily.savePdf, defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (chosen.canceled || !chosen.filePath) return;
    const pdf = await wc.printToPDF({ preferCSSPageSize: true, printBackground: true });
    try {
      writeAtomic(chosen.filePath, pdf);
    } catch (e) {
      dialog.showErrorBox('条文通 Clauseway', `${chosen.filePath}: ${MESSAGES[lang].daily.pdfFailed} (${(e as Error).message})`);
    }
  } finally {
    done(wc);
  }
}
