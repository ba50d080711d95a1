// The seeds' library, built with the app and shipped beside the seeds. A first start used to import
// the seeds, build the search index and compute the links in a worker before the library could be
// shown: 0.4 s alone, over a second while the window loads beside it on two cores. Now the build
// does that once (`npm run build`, build/build.ts) and a first start copies the result.
//
// The copy is a starting point, never trusted: the start checks it as it checks any library
// (seedsUpToDate, linksUpToDate), and when the seeds or the reading rules changed since the build,
// the seed worker brings it up to date as it would any older library. It is placed only where no
// library is: it never replaces a user's.

import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ingestSeeds } from '../ingest/ingest-files.ts';
import { updateLinks } from '../links/index.ts';
import { openDatabase } from '../store/database.ts';
import { DATABASE_FILE, Library } from '../store/library.ts';

/** Its name beside the seeds (in the app's resources) and in out/ (a build). */
export const SEED_LIBRARY_FILE = 'seed-library.db';

/** What a library needs before it opens on the seeds: their documents, the search index, the links. */
export function prepareSeeds(library: Library, seedsDir: string, onStep?: (step: string, done: number, total: number) => void): void {
  let total = 0;
  ingestSeeds(library, seedsDir, (name, i, n) => {
    total = n + 2;
    onStep?.(name, i, total);
  });
  onStep?.('search', total - 2, total);
  library.openSearcher();
  onStep?.('links', total - 1, total);
  updateLinks(library);
}

/** Builds the seeds' library into `target` (one file, no journal), replacing what was there. */
export function buildSeedLibrary(target: string, seedsDir: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'clauseway-seed-library-'));
  const written = `${target}.${process.pid}.tmp`;
  try {
    const library = Library.open(dir);
    try {
      prepareSeeds(library, seedsDir);
      rmSync(written, { force: true });
      library.db.prepare('VACUUM INTO ?').run(written);
    } finally {
      library.close();
    }
    renameSync(written, target);
  } finally {
    rmSync(written, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of a placement that a process did not live to finish: `.clauseway.db.PID.tmp`. */
const leftOver = (f: string): boolean => f.startsWith(`.${DATABASE_FILE}.`) && f.endsWith('.tmp');

/**
 * Places the built library in `dataDir` when it holds no library at all (a first start) and the
 * built one has this version's schema. Copied under a temporary name and linked into place, so a
 * process opening the folder meanwhile finds nothing or the whole file, and nothing is replaced:
 * whoever creates the library first keeps it. Returns whether it was placed; never throws (the
 * start then imports the seeds, and reports what stands in its way).
 */
export function placeSeedLibrary(built: string, dataDir: string): boolean {
  const target = join(dataDir, DATABASE_FILE);
  if (!existsSync(built) || ['', '-wal', '-shm', '-journal'].some((s) => existsSync(target + s))) return false;
  try {
    // Read-only, it refuses a schema older or newer than this version's (an out/ folder left from another checkout).
    openDatabase(built, { readonly: true }).close();
  } catch {
    return false;
  }
  const copy = join(dataDir, `.${DATABASE_FILE}.${process.pid}.tmp`);
  try {
    mkdirSync(dataDir, { recursive: true });
    for (const f of readdirSync(dataDir)) if (leftOver(f) && f !== basename(copy)) rmSync(join(dataDir, f), { force: true });
    copyFileSync(built, copy);
    // The copy keeps the resource's mode: a package installed read-only would give a read-only library.
    chmodSync(copy, 0o644);
    linkSync(copy, target);
    return true;
  } catch {
    // Another process created the library first, the file system has no links, or the folder
    // cannot be written: the start goes on without it.
    return false;
  } finally {
    try {
      rmSync(copy, { force: true, maxRetries: 3 });
    } catch {
      // Held open (a virus scanner): the next placement removes it.
    }
  }
}
