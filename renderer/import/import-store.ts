// An import from the window, start to end: the files chosen or dropped (uploaded first in
// browser mode, by path in the desktop app), the job the engine runs in its worker, polled for its
// progress, and the summary at the end, after which the library is read again (so the library,
// search and the open panes show what came in). Plain logic over what it is given, for tests.

import type { ClausewayApi, ImportItem, ImportJob, ImportSummary } from '../../shared/api.ts';
import { IMPORTABLE_FILE } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';

export interface ImportState {
  phase: 'idle' | 'uploading' | 'importing' | 'summary' | 'failed';
  done: number;
  total: number;
  /** The file being sent or read; 'search' while the search index is brought up to date. */
  current: string | null;
  summary: ImportSummary | null;
  error: string | null;
  /** The panel that offers files, a folder, or a drop. */
  panel: boolean;
  /** Files are being dragged over the window. */
  dragging: boolean;
}

/** A file picked or dropped, named as the user sees it (a folder's files by their path in it). */
export interface PickedFile {
  file: Blob;
  name: string;
}

export interface ImportDeps {
  api: Pick<ClausewayApi, 'importPaths' | 'importUploads' | 'chooseImportFiles' | 'importProgress'>;
  /** Browser mode's upload (api/client.ts); answers the upload's id. */
  upload: (name: string, file: Blob) => Promise<string>;
  /** The desktop app: a file's path on disk; null in browser mode. */
  pathForFile: ((file: Blob) => string) | null;
  /** Reads the library again (its revision moved). */
  refresh: () => Promise<void>;
  later: (ms: number, run: () => void) => void;
}

export const POLL_MS = 150;

const IDLE: ImportState = { phase: 'idle', done: 0, total: 0, current: null, summary: null, error: null, panel: false, dragging: false };

/** What a folder contributes: its importable files, hidden ones left out (as the engine's walk does). */
export function importable(files: readonly PickedFile[]): PickedFile[] {
  return files.filter((f) => !f.name.includes('/') || (IMPORTABLE_FILE.test(f.name) && !f.name.split('/').some((part) => part.startsWith('.'))));
}

function withRefusals(summary: ImportSummary, refused: ImportItem[]): ImportSummary {
  if (refused.length === 0) return summary;
  return { items: [...summary.items, ...refused], counts: { ...summary.counts, refused: summary.counts.refused + refused.length } };
}

export interface ImportStore extends Readable<ImportState> {
  openPanel: () => void;
  closePanel: () => void;
  setDragging: (dragging: boolean) => void;
  /** Imports files picked or dropped. */
  importFiles: (files: readonly PickedFile[]) => Promise<void>;
  /** The desktop app's dialog: several files, or a folder. */
  choose: (mode: 'files' | 'folder') => Promise<void>;
  dismiss: () => void;
}

export function createImportStore(deps: ImportDeps): ImportStore {
  const store = createStore<ImportState>(IDLE);
  const patch = (p: Partial<ImportState>): void => store.set({ ...store.get(), ...p });
  const busy = (): boolean => store.get().phase === 'uploading' || store.get().phase === 'importing';

  const follow = (job: ImportJob, refused: ImportItem[]): Promise<void> =>
    new Promise((resolve) => {
      const step = (now: ImportJob | null): void => {
        if (!now) {
          patch({ phase: 'failed', error: 'the import was lost', current: null });
          resolve();
        } else if (now.state === 'running') {
          patch({ phase: 'importing', done: now.done, total: now.total, current: now.current });
          deps.later(POLL_MS, () => {
            deps.api.importProgress(job.id).then(step, fail);
          });
        } else {
          // Read the library again before the summary: what it names is on screen then.
          void deps.refresh().finally(() => {
            if (now.state === 'done' && now.summary) patch({ phase: 'summary', done: now.total, current: null, summary: withRefusals(now.summary, refused) });
            else patch({ phase: 'failed', current: null, error: now.error });
            resolve();
          });
        }
      };
      const fail = (e: unknown): void => {
        patch({ phase: 'failed', current: null, error: e instanceof Error ? e.message : String(e) });
        resolve();
      };
      step(job);
    });

  const start = async (run: () => Promise<ImportJob | null>, refused: ImportItem[] = []): Promise<void> => {
    try {
      const job = await run();
      if (job) await follow(job, refused);
      else if (refused.length > 0) patch({ phase: 'summary', summary: withRefusals({ items: [], counts: { added: 0, updated: 0, unchanged: 0, duplicate: 0, refused: 0 } }, refused) });
      else patch({ phase: 'idle' });
    } catch (e) {
      patch({ phase: 'failed', current: null, error: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    get: store.get,
    subscribe: store.subscribe,
    openPanel: () => patch({ panel: true }),
    closePanel: () => patch({ panel: false }),
    setDragging: (dragging) => {
      if (store.get().dragging !== dragging) patch({ dragging });
    },
    importFiles: async (picked) => {
      const files = importable(picked);
      if (busy() || files.length === 0) return;
      patch({ ...IDLE, phase: 'uploading', total: files.length });
      const { pathForFile } = deps;
      if (pathForFile) {
        const paths = files.map((f) => pathForFile(f.file)).filter((p) => p !== '');
        await start(() => (paths.length > 0 ? deps.api.importPaths(paths) : Promise.resolve(null)));
        return;
      }
      const ids: string[] = [];
      const refused: ImportItem[] = [];
      for (const [i, f] of files.entries()) {
        patch({ done: i, current: f.name });
        try {
          ids.push(await deps.upload(f.name, f.file));
        } catch (e) {
          refused.push({ name: f.name, status: 'refused', documents: 0, clauses: 0, reason: e instanceof Error ? e.message : String(e), warnings: [], docIds: [] });
        }
      }
      await start(() => (ids.length > 0 ? deps.api.importUploads(ids) : Promise.resolve(null)), refused);
    },
    choose: async (mode) => {
      if (busy()) return;
      patch({ panel: false });
      await start(() => deps.api.chooseImportFiles(mode));
    },
    dismiss: () => store.set(IDLE),
  };
}
