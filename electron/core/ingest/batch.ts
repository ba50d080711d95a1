// Importing many files at once: worker threads parse while this thread stores, and the files are
// stored many to a transaction (each still in a savepoint of its own, so a file that fails takes
// back only itself). Files are stored in the order given, whatever order their parses finish in,
// so a library built in one go and one built in batches hold the same rows in the same order.
//
// Why: on the bench corpus (3,384 laws) parsing is a fifth of an import and storing the rest; a
// transaction per file made SQLite commit (and FTS5 flush a segment) 3,384 times.

import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedSource } from '../model/records.ts';
import type { ImportReason } from '../../../shared/api.ts';
import { DatabaseError } from '../store/database.ts';
import type { IngestOutcome, Library } from '../store/library.ts';
import { DOCX, readDocx } from './docx.ts';
import { IngestError } from './errors.ts';
import type { ManifestFile } from './manifest.ts';
import { parseSource, readSourceBytes } from './pipeline.ts';

export interface ImportItem {
  path: string;
  /** How messages name it (an uploaded file's own name); its path unless told. */
  name?: string;
  /** What the library knows the file by; its absolute path unless told. */
  key?: string;
  manifest?: ManifestFile;
}

export interface BatchOptions {
  /** After each file: stored, unchanged, or failed. */
  onFile?: (path: string, done: number, total: number) => void;
  /** A file that could not be read or stored; the rest go on. Without it the first failure throws. */
  onError?: (path: string, error: IngestError | DatabaseError) => void;
  /** Parsing threads; 0 parses on this thread. Defaults to the cores but one (at most 3). */
  workers?: number;
  /** The worker script (a packaged app passes its bundled copy). */
  workerUrl?: URL;
}

/** Reads and parses one file as the library will know it (a Word file through docx.ts). */
export async function parseFile(item: ImportItem): Promise<ParsedSource> {
  const name = item.name ?? item.path;
  const bytes = readSourceBytes(item.path);
  const decoded = DOCX.test(name) ? await readDocx(name, bytes) : undefined;
  return parseSource(name, bytes, item.manifest, keyOf(item), decoded);
}

const keyOf = (item: ImportItem): string => item.key ?? resolve(item.path);

/** A file's size on disk; 0 when it cannot be read (its parse will say why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A transaction holds this many files or bytes of text at most: the write lock is held briefly. */
const BATCH_FILES = 64;
const BATCH_BYTES = 8 << 20;
/**
 * Files sent to the parsing threads and not yet taken into a batch: this many bytes on disk at
 * most (a Word file holds several times its size in text; the batch being stored comes on top).
 */
const AHEAD_BYTES = 3 * BATCH_BYTES;
/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;

// Beside this module in the sources; beside the bundle that holds it once built (build/build.ts).
const DEFAULT_WORKER = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.mjs', import.meta.url);

export type ParseRequest = { id: number; item: ImportItem };
// A parse crosses as JSON text: the storing thread is the busy one, and JSON.parse costs it about
// half of what the structured clone of the same objects does.
export type ParseReply =
  | { id: number; json: string }
  | { id: number; file: string; problem: string; why: ImportReason }
  | { id: number; message: string };

type Parse = { parsed: ParsedSource } | { error: IngestError };

/**
 * Imports the files in order and returns what became of each one that did not fail. Every file is
 * stored exactly as `ingestFile` would store it; only the transactions are shared.
 */
export async function ingestMany(library: Library, items: readonly ImportItem[], options: BatchOptions = {}): Promise<IngestOutcome[]> {
  const wanted = options.workers ?? Math.min(3, Math.max(1, availableParallelism() - 1));
  const url = options.workerUrl ?? DEFAULT_WORKER;
  const usable = items.length >= MIN_FILES_FOR_WORKERS && wanted > 0 && (url.protocol !== 'file:' || existsSync(fileURLToPath(url)));
  const parses = usable ? new ParsePool(url, Math.min(wanted, items.length)) : null;
  const outcomes: IngestOutcome[] = [];
  let done = 0;
  const fail = (path: string, error: unknown): void => {
    if (!(error instanceof IngestError || error instanceof DatabaseError) || !options.onError) throw error;
    options.onError(path, error);
  };
  try {
    const results = parses ? parses.run(items) : null;
    let next = 0;
    while (next < items.length) {
      // The parses that came in while the last batch was stored are delivered first.
      if (results) await results.settled();
      // The files parsed by now, in order, up to one transaction's worth (at least one).
      const batch: { item: ImportItem; parse: Parse }[] = [];
      let bytes = 0;
      while (next < items.length && batch.length < BATCH_FILES && bytes < BATCH_BYTES) {
        const item = items[next] as ImportItem;
        let parse: Parse;
        if (results) {
          if (batch.length > 0 && !results.ready(next)) break;
          parse = await results.take(next);
        } else {
          try {
            parse = { parsed: await parseFile(item) };
          } catch (e) {
            if (!(e instanceof IngestError)) throw e;
            parse = { error: e };
          }
        }
        batch.push({ item, parse });
        bytes += 'parsed' in parse ? parse.parsed.size : 0;
        next++;
      }
      const failed: { path: string; error: unknown }[] = [];
      const parsed = batch.flatMap(({ item, parse }) => ('parsed' in parse ? [{ item, key: keyOf(item), parsed: parse.parsed }] : []));
      for (const { item, parse } of batch) if ('error' in parse) failed.push({ path: item.path, error: parse.error });
      try {
        library.storeMany(parsed).forEach((r, i) => {
          const path = parsed[i]?.item.path ?? '';
          if ('outcome' in r) outcomes.push(r.outcome);
          else failed.push({ path, error: r.error });
        });
      } catch (e) {
        // The commit itself failed (a full disk): nothing of this batch is stored.
        for (const { item } of parsed) failed.push({ path: item.path, error: e });
      }
      for (const f of failed) fail(f.path, f.error);
      for (const { item } of batch) options.onFile?.(item.path, ++done, items.length);
    }
  } finally {
    await parses?.close();
  }
  return outcomes;
}

/**
 * Worker threads that parse files ahead of the store. Each worker is sent its next files before it
 * asks, so it goes on parsing while this thread is busy storing (a worker that waited to be handed
 * one file at a time parsed one file per transaction, and every transaction held one file).
 */
class ParsePool {
  private readonly workers: Worker[] = [];
  /** Files sent to each worker and not answered yet. */
  private readonly queued = new Map<Worker, number>();
  private readonly results = new Map<number, Parse>();
  private readonly waiting = new Map<number, { resolve: (p: Parse) => void; reject: (e: Error) => void }>();
  private items: readonly ImportItem[] = [];
  private dispatched = 0;
  private taken = 0;
  /** Sizes on disk of the files sent and not taken yet. */
  private readonly sizes = new Map<number, number>();
  private ahead = 0;
  private broken: Error | null = null;

  constructor(url: URL, count: number) {
    for (let i = 0; i < count; i++) {
      const w = new Worker(url);
      w.on('message', (reply: ParseReply) => this.settle(w, reply));
      w.on('error', (e) => this.breakDown(e));
      this.workers.push(w);
      this.queued.set(w, 0);
    }
  }

  run(items: readonly ImportItem[]): this {
    this.items = items;
    this.dispatch();
    return this;
  }

  /** Whether the parse of file `i` is in. */
  ready(i: number): boolean {
    return this.results.has(i);
  }

  /** Resolves once the replies that arrived while this thread was busy have been taken in. */
  settled(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  take(i: number): Promise<Parse> {
    this.taken = i + 1;
    this.ahead -= this.sizes.get(i) ?? 0;
    this.sizes.delete(i);
    this.dispatch();
    const got = this.results.get(i);
    if (got) {
      this.results.delete(i);
      return Promise.resolve(got);
    }
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => this.waiting.set(i, { resolve, reject }));
  }

  private dispatch(): void {
    // Parsed files wait in memory for their turn: a window of files (a transaction's worth and a
    // few more) and of bytes bounds how many; a file larger than the window still goes alone.
    const window = BATCH_FILES + this.workers.length * 4;
    while (this.dispatched < this.items.length && this.dispatched < this.taken + window && (this.ahead < AHEAD_BYTES || this.dispatched === this.taken)) {
      // The worker with the shortest queue.
      const w = this.workers.reduce((a, b) => ((this.queued.get(b) ?? 0) < (this.queued.get(a) ?? 0) ? b : a));
      const id = this.dispatched++;
      const size = sizeOf((this.items[id] as ImportItem).path);
      this.sizes.set(id, size);
      this.ahead += size;
      this.queued.set(w, (this.queued.get(w) ?? 0) + 1);
      w.postMessage({ id, item: this.items[id] as ImportItem } satisfies ParseRequest);
    }
  }

  private settle(w: Worker, reply: ParseReply): void {
    this.queued.set(w, (this.queued.get(w) ?? 1) - 1);
    let parse: Parse;
    if ('json' in reply) parse = { parsed: JSON.parse(reply.json) as ParsedSource };
    else if ('problem' in reply) parse = { error: new IngestError(reply.file, reply.problem, reply.why) };
    else {
      this.breakDown(new Error(reply.message));
      return;
    }
    const waiter = this.waiting.get(reply.id);
    if (waiter) {
      this.waiting.delete(reply.id);
      waiter.resolve(parse);
    } else this.results.set(reply.id, parse);
    this.dispatch();
  }

  /** A bug in the parser, not a bad file: the import stops with it. */
  private breakDown(e: Error): void {
    this.broken = e;
    // Rejected now, or by the next take(): an unsettled promise would hang the import.
    for (const waiter of this.waiting.values()) waiter.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
