// Ingest files from disk into the library: the bundled seeds (with their manifest) or a user's files.

import { createHash } from 'node:crypto';
import { IMPORTABLE_FILE } from '../../../shared/api.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DATABASE_FILE, type IngestOutcome, type Library } from '../store/library.ts';
import { openDatabase } from '../store/database.ts';
import { loadManifest, type ManifestFile } from './manifest.ts';
import { PARSER_VERSION, parseSource, readSourceBytes } from './pipeline.ts';

export const MANIFEST_FILE = 'manifest.json';

/**
 * The seeds of this checkout: the nearest seeds/ folder above this module, which is three levels
 * up from the sources and two from the command line's bundle in out/cli/. The packaged app passes
 * its own (in its resources).
 */
function seedsAbove(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'seeds', MANIFEST_FILE))) return join(dir, 'seeds');
  }
  return resolve(from, '../../../seeds');
}

export const SEEDS_DIR = seedsAbove(import.meta.dirname);

export function ingestFile(library: Library, path: string, options: { key?: string; manifest?: ManifestFile } = {}): IngestOutcome {
  const bytes = readSourceBytes(path);
  const key = options.key ?? resolve(path);
  // Messages name the file as the user gave it; ids derive from the key the library knows it by.
  const parsed = parseSource(path, bytes, options.manifest, key);
  return library.store(key, parsed);
}

/** What a folder given to `ingest` contributes: text, Markdown, HTML and Word files, at any depth. */
const IMPORTABLE = IMPORTABLE_FILE;

/**
 * The files an import names: each file as given, and for each folder every importable file in it
 * and below it (hidden ones left out), in name order.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && IMPORTABLE.test(entry.name)) out.push(path);
    }
  };
  for (const p of paths) {
    let folder = false;
    try {
      folder = statSync(p).isDirectory();
    } catch {
      // Not there: the import says so for this path.
    }
    if (folder) walk(p);
    else out.push(p);
  }
  return out;
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

/**
 * Whether the library already holds every bundled seed as it is on disk, with its search index
 * stored: then a start needs no import at all. Reads only (a library that needs a migration,
 * or is missing, answers no).
 */
export function seedsUpToDate(dataDir: string, dir = SEEDS_DIR): boolean {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return false;
  let db;
  try {
    db = openDatabase(file, { readonly: true });
  } catch {
    return false;
  }
  try {
    // Read by the current rules, from the files as they are now.
    const stored = new Map(
      db.prepare<[number], { key: string; sha256: string }>("SELECT key, sha256 FROM sources WHERE key LIKE 'seeds/%' AND parser = ?").all(PARSER_VERSION).map((r) => [r.key, r.sha256]),
    );
    const shards = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM lunr_shards').get()?.n ?? 0;
    return shards > 0 && seedFiles(dir).every((f) => stored.get(`seeds/${basename(f)}`) === createHash('sha256').update(readFileSync(f)).digest('hex'));
  } finally {
    db.close();
  }
}
