// Where the bench finds its corpora. The bench corpus is read in place, never copied into the
// repository: beside the checkout (../shared), beside the folder of worktrees (../../shared), or
// where CLAUSEWAY_BENCH_CORPUS says.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedFiles } from '../../electron/core/ingest/ingest-files.ts';

export type Corpus = 'seeds' | 'bench';

const ROOT = resolve(import.meta.dirname, '../..');

export const BENCH_CORPUS =
  process.env.CLAUSEWAY_BENCH_CORPUS ??
  [resolve(ROOT, '..', 'shared'), resolve(ROOT, '..', '..', 'shared')].map((d) => join(d, 'bench-corpus', 'laws')).find((d) => existsSync(d)) ??
  resolve(ROOT, '..', 'shared', 'bench-corpus', 'laws');

/** The Markdown files of a folder and those below it but its READMEs, in a fixed order. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith('.md') && f !== 'README.md' ? [p] : [];
    });
}

/** The Markdown files of the bench corpus, in a fixed order. */
export function benchFiles(): string[] {
  return markdownFiles(BENCH_CORPUS);
}

export function filesOf(corpus: Corpus): string[] {
  return corpus === 'seeds' ? seedFiles() : benchFiles();
}
