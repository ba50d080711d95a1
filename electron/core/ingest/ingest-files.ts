// Ingest files from disk into the library: the bundled seeds (with their manifest) or a user's files.

import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { IngestOutcome, Library } from '../store/library.ts';
import { loadManifest, type ManifestFile } from './manifest.ts';
import { parseSource, readSourceBytes } from './pipeline.ts';

/** The seeds shipped with the app, beside this package's sources (a bundled app passes its own). */
export const SEEDS_DIR = resolve(import.meta.dirname, '../../../seeds');
export const MANIFEST_FILE = 'manifest.json';

export function ingestFile(library: Library, path: string, options: { key?: string; manifest?: ManifestFile } = {}): IngestOutcome {
  const bytes = readSourceBytes(path);
  // Messages name the file as the user gave it.
  const parsed = parseSource(path, bytes, options.manifest);
  return library.store(options.key ?? resolve(path), parsed);
}

export function seedFiles(dir = SEEDS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** All bundled seeds; every file is its own transaction. `onFile` hears of each before it starts. */
export function ingestSeeds(library: Library, dir = SEEDS_DIR, onFile?: (name: string, index: number, total: number) => void): IngestOutcome[] {
  const manifest = loadManifest(join(dir, MANIFEST_FILE));
  const files = seedFiles(dir);
  return files.map((path, i) => {
    const name = basename(path);
    onFile?.(name, i, files.length);
    const entry = manifest.files[name];
    return ingestFile(library, path, entry ? { key: `seeds/${name}`, manifest: entry } : { key: `seeds/${name}` });
  });
}
