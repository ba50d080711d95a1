// Test helpers: a library in a fresh temporary folder, the seeds ingested once per test file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestSeeds } from '../../electron/core/ingest/ingest-files.ts';
import { openUserData, type AnnotationStore } from '../../electron/core/annotations/index.ts';
import { EngineApi } from '../../electron/core/api/engine-api.ts';
import { Searcher } from '../../electron/core/search/searcher.ts';
import { Library } from '../../electron/core/store/library.ts';
import type { DocumentSummary, OutlineNode } from '../../shared/types.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SEEDS = join(ROOT, 'seeds');
export const BENCH_CORPUS = resolve(ROOT, '..', 'shared', 'bench-corpus');

export function tempDir(prefix = 'clauseway-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}

export function seededLibrary(): { library: Library; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  ingestSeeds(library);
  return {
    library,
    dir,
    cleanup: () => {
      library.close();
      cleanup();
    },
  };
}

/** The seeds' library with a searcher opened over it, as a test of search needs them. */
export function seededSearcher(): { library: Library; searcher: Searcher; cleanup: () => void } {
  const { library, cleanup } = seededLibrary();
  const searcher = new Searcher(library.db);
  searcher.open();
  return { library, searcher, cleanup };
}

/** The engine as the app builds it over a library: its search and the user data in `dataDir`. */
export function engineOver(library: Library, dataDir: string): { engine: EngineApi; store: AnnotationStore; close: () => void } {
  const { store } = openUserData(dataDir);
  const engine = new EngineApi(library, library.openSearcher(), store);
  return { engine, store, close: () => store.close() };
}

export function docByTitle(library: Library, title: string): DocumentSummary {
  const docs = library.listDocuments();
  const exact = docs.filter((d) => d.title === title);
  const found = exact.length > 0 ? exact : docs.filter((d) => d.title.includes(title));
  if (found.length !== 1) throw new Error(`expected one document titled like "${title}", found ${found.length}`);
  return found[0] as DocumentSummary;
}

export function outlineOf(library: Library, title: string): OutlineNode[] {
  const tree = library.outline(docByTitle(library, title).id);
  if (!tree) throw new Error(`no outline for ${title}`);
  return tree;
}

export function labels(nodes: OutlineNode[], kind?: string): string[] {
  return nodes.filter((n) => n.label && (!kind || n.kind === kind)).map((n) => n.label);
}

export function walk(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}
