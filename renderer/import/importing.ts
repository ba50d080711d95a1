// The page's import store, over the API, and the files of a drop (folders walked as the browser
// gives them) and of a file input.

import { api, pathForFile, uploadFile } from '../api/client.ts';
import { library } from '../library/library.ts';
import { createImportStore, type PickedFile } from './import-store.ts';

export const importing = createImportStore({
  api,
  upload: uploadFile,
  pathForFile,
  refresh: () => library.refresh(),
  later: (ms, run) => void window.setTimeout(run, ms),
});

/** A file input's files; a folder's (webkitdirectory) by their path in it. */
export function pickedFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, name: file.webkitRelativePath || file.name }));
}

function readEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches until one is empty.
  return new Promise((resolve, reject) => {
    const next = (): void => {
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    };
    next();
  });
}

async function walk(entry: FileSystemEntry): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => {
      (entry as FileSystemFileEntry).file(resolve, reject);
    });
    return [{ file, name: entry.fullPath.replace(/^\//, '') }];
  }
  if (!entry.isDirectory) return [];
  const children = await readEntries(entry as FileSystemDirectoryEntry);
  return (await Promise.all(children.map(walk))).flat();
}

/**
 * What was dropped. In the desktop app the files as they are (folders too: the engine walks them
 * by path); in the browser, folders are walked here.
 */
export async function pickedFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const files = [...data.files];
  if (pathForFile) return files.map((file) => ({ file, name: file.name }));
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null));
  if (entries.some((e) => e?.isDirectory)) {
    const walked = await Promise.all(entries.map((e) => (e ? walk(e) : Promise.resolve([]))));
    return walked.flat();
  }
  return files.map((file) => ({ file, name: file.name }));
}
