// Documents as the reader shows them, kept for a quick return (back to a plan read a moment ago,
// the other pane opening the same one). The library's revision says when they are stale: those on
// screen are read again, and stay on screen until the fresh copy is there; the others are dropped.

import type { DocumentView } from '../../shared/api.ts';

export type DocumentEntry =
  | { state: 'loading' }
  | { state: 'ready'; doc: DocumentView }
  /** Not in the library (removed since, or an address that names no document). */
  | { state: 'missing' }
  | { state: 'failed'; message: string };

const LOADING: DocumentEntry = { state: 'loading' };
const MISSING: DocumentEntry = { state: 'missing' };

interface Slot {
  entry: DocumentEntry;
  /** The library's revision when the entry was read. */
  revision: number | null;
  /** The read in flight, if any: only the newest read may fill the slot. */
  reading: number;
  watchers: Set<() => void>;
}

export class DocumentCache {
  readonly #load: (docId: string) => Promise<DocumentView | null>;
  readonly #keep: number;
  /** In the order of last use: the first unwatched slots are dropped first. */
  readonly #slots = new Map<string, Slot>();
  #revision: number | null = null;
  #reads = 0;

  /** `keep`: how many documents no pane shows stay cached. */
  constructor(load: (docId: string) => Promise<DocumentView | null>, keep = 8) {
    this.#load = load;
    this.#keep = keep;
  }

  /** What is known of a document now; the same object until it changes. */
  get(docId: string): DocumentEntry {
    return this.#slots.get(docId)?.entry ?? LOADING;
  }

  /** Reads the document if it is not cached fresh, and tells `listener` of every change to it. */
  watch(docId: string, listener: () => void): () => void {
    const slot = this.#slots.get(docId) ?? { entry: LOADING, revision: null, reading: 0, watchers: new Set() };
    this.#slots.delete(docId);
    this.#slots.set(docId, slot);
    slot.watchers.add(listener);
    const stale = slot.entry === LOADING || slot.entry.state === 'failed' || slot.revision !== this.#revision;
    if (stale && slot.reading === 0) this.#read(docId, slot);
    return () => {
      slot.watchers.delete(listener);
      this.#trim();
    };
  }

  /** The library's revision: when it changes, what was read before is stale. */
  setRevision(revision: number): void {
    if (revision === this.#revision) return;
    this.#revision = revision;
    for (const [docId, slot] of this.#slots) {
      if (slot.watchers.size > 0) this.#read(docId, slot);
      else this.#slots.delete(docId);
    }
  }

  #read(docId: string, slot: Slot): void {
    const reading = ++this.#reads;
    const revision = this.#revision;
    slot.reading = reading;
    const settle = (entry: DocumentEntry): void => {
      // A newer read is on its way, or the slot was dropped: this answer is stale.
      if (slot.reading !== reading || this.#slots.get(docId) !== slot) return;
      slot.reading = 0;
      slot.entry = entry;
      slot.revision = revision;
      for (const listener of [...slot.watchers]) listener();
    };
    this.#load(docId).then(
      (doc) => settle(doc ? { state: 'ready', doc } : MISSING),
      (e: unknown) => settle({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  }

  #trim(): void {
    let unwatched = 0;
    for (const slot of this.#slots.values()) if (slot.watchers.size === 0) unwatched++;
    for (const [docId, slot] of this.#slots) {
      if (unwatched <= this.#keep) break;
      if (slot.watchers.size > 0) continue;
      this.#slots.delete(docId);
      unwatched--;
    }
  }
}
