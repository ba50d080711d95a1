// The Electron main process: one instance, one window showing the renderer from app://, the
// engine behind IPC, the library in the user-data folder. The Electron security checklist, in
// order: context isolation, sandbox, no Node in the renderer, a strict CSP (protocol.ts), a custom
// protocol instead of file://, navigation, new windows and permission requests denied, webviews
// refused, every IPC call checked for its sender and its arguments (ipc.ts).

import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type OpenDialogOptions } from 'electron';
import { MESSAGES, type Lang } from '../../shared/i18n.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EngineHost } from '../core/api/engine-host.ts';
import { SEED_LIBRARY_FILE } from '../core/worker/seed-library.ts';
import { APP_ORIGIN, isAppUrl, registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { electronPrintToPdf } from './print-pdf.ts';
import { printDocument, saveAsPdf } from './print.ts';
import { registerScheme, serveRenderer } from './protocol.ts';

const DEEP_LINK_SCHEME = 'clauseway';
const HERE = import.meta.dirname; // out/electron in a build
// Packed into app.asar, the worker's script is unpacked beside it; the seeds are resources of their
// own (electron-builder.yml).
const unpacked = (path: string): string => path.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
const WORKER = join(unpacked(HERE), 'seed-worker.mjs');
const IMPORT_WORKER = join(unpacked(HERE), 'import-worker.mjs');
const ROOT = app.getAppPath();

registerScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let host: EngineHost | null = null;
  let language: Lang = 'zh';

  /** Import (issue 15): the open dialog, over the window: several files, or a folder. */
  const choosePaths = async (mode: 'files' | 'folder'): Promise<string[] | null> => {
    const words = MESSAGES[language].importing;
    const options: OpenDialogOptions = mode === 'folder'
      ? { title: words.chooseFolder, properties: ['openDirectory', 'multiSelections'] }
      : { title: words.chooseFiles, properties: ['openFile', 'multiSelections'], filters: [{ name: words.formats, extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx'] }] };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : chosen.filePaths;
  };

  /** clauseway://c/CLAUSE_ID opens that clause. */
  const openDeepLink = (url: string | undefined): void => {
    const m = url ? /^clauseway:\/\/c\/([0-9a-f]{12}-[0-9a-f]{10})$/.exec(url) : null;
    if (m?.[1] && window) void window.webContents.loadURL(`${APP_ORIGIN}/#/c/${m[1]}`);
  };

  app.on('second-instance', (_event, argv) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    openDeepLink(argv.find((a) => a.startsWith(`${DEEP_LINK_SCHEME}://`)));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(url);
  });

  // Nothing may open another window, navigate away, attach a webview or ask for a permission.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const setMenu = (lang: 'zh' | 'en'): void => {
    language = lang;
    Menu.setApplicationMenu(
      buildMenu(lang, {
        library: () => void window?.webContents.loadURL(`${APP_ORIGIN}/#/`),
        // The page opens its import panel there, whose buttons ask for choosePaths.
        import: () => void window?.webContents.loadURL(`${APP_ORIGIN}/#/import`),
        search: () => window?.webContents.sendInputEvent({ type: 'keyDown', keyCode: '/' }),
        print: () => void (window && printDocument(window, lang)),
        savePdf: () => void (window && saveAsPdf(window, lang)),
        about: () => void dialog.showMessageBox({ message: `条文通 Clauseway ${app.getVersion()}`, detail: '粤港澳大湾区政策文本阅读与批注 · Reader and annotator for Greater Bay Area policy texts' }),
      }),
    );
  };

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    serveRenderer(join(ROOT, 'out', 'renderer'));
    if (!app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

    // CLAUSEWAY_DATA, as for the command line, else the app's own data folder. The menu's
    // language follows the reader's.
    const dataDir = process.env['CLAUSEWAY_DATA'] ?? app.getPath('userData');
    host = new EngineHost({
      dataDir,
      seedsDir: app.isPackaged ? join(process.resourcesPath, 'seeds') : join(ROOT, 'seeds'),
      seedLibrary: app.isPackaged ? join(process.resourcesPath, SEED_LIBRARY_FILE) : join(ROOT, 'out', SEED_LIBRARY_FILE),
      workerUrl: pathToFileURL(WORKER),
      importWorkerUrl: pathToFileURL(IMPORT_WORKER),
      choosePaths,
      onLanguage: setMenu,
      briefs: { printToPdf: electronPrintToPdf() },
    });
    registerIpc(ipcMain, host, () => BrowserWindow.getAllWindows());
    setMenu(app.getLocale().startsWith('zh') ? 'zh' : 'en');

    window = new BrowserWindow({
      width: 1440,
      height: 920,
      minWidth: 900,
      minHeight: 600,
      title: '条文通 Clauseway',
      backgroundColor: '#fbfaf7',
      show: false,
      webPreferences: {
        preload: join(HERE, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = null;
    });
    await window.loadURL(`${APP_ORIGIN}/`);
    openDeepLink(process.argv.find((a) => a.startsWith(`${DEEP_LINK_SCHEME}://`)));

    // The window is up before the library: the renderer shows the import's progress meanwhile.
    await host.start().catch((e: unknown) => {
      dialog.showErrorBox('条文通 Clauseway', `文库无法打开 / The library cannot be opened:\n${(e as Error).message}`);
    });
  });

  app.on('window-all-closed', () => {
    host?.close();
    app.quit();
  });
}
