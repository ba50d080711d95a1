// The annotations as the reader knows them: each open document's, read once and indexed by clause
// (annotation-index.ts), kept current by every change made here and read again when the library's
// revision moves (a re-import places highlights anew). Deleting moves to the trash and can be
// undone, newest first. The colour last used is remembered for the next highlight.

import { COLORS, isColor } from '../../shared/anchoring/annotation.ts';
import type { Annotation, AnnotationChange, AnnotationInput, ClausewayApi, Color, TargetRef } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { LibraryState } from '../library/library-store.ts';
import { EMPTY_DOC, indexDocument, isOnDocument, withAnnotation, type DocAnnotations } from './annotation-index.ts';

export type AnnotationApi = Pick<ClausewayApi, 'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation' | 'reattachAnnotation' | 'emptyTrash'>;

export interface AnnotationsState {
  /** Moves with every change made through this store: views that list annotations read again. */
  version: number;
  /** The colour of the next highlight. */
  lastColor: Color;
}

export interface Annotations extends Readable<AnnotationsState> {
  /** A document's annotations as known now (empty until read); the same object until they change. */
  doc: (docId: string) => DocAnnotations;
  /** Reads a document's annotations if they are not known, and tells `listener` of every change. */
  watch: (docId: string, listener: () => void) => () => void;
  /** An annotation known to the store (on a document read, or made, changed or listed here). */
  find: (id: string) => Annotation | null;
  /** Annotations listed elsewhere (the annotations view, search) become known. */
  learn: (list: readonly Annotation[]) => void;
  /** A highlight in `color`, or the colour last used; the colour is remembered. */
  highlight: (targets: TargetRef[], color?: Color) => Promise<Annotation>;
  /** `durable`: the page is going away, the write must land all the same (client.ts). */
  create: (input: AnnotationInput, durable?: boolean) => Promise<Annotation>;
  update: (id: string, change: AnnotationChange, durable?: boolean) => Promise<Annotation>;
  reattach: (id: string, targets: TargetRef[]) => Promise<Annotation>;
  /** To the trash; `undo` brings back the last one deleted. */
  remove: (id: string) => Promise<Annotation>;
  /** Restores the annotation deleted last (null when there is none to restore). */
  undo: () => Promise<Annotation | null>;
  restore: (id: string) => Promise<Annotation>;
  emptyTrash: () => Promise<number>;
  setLastColor: (color: Color) => void;
  /** Reads again what is on screen (the window came back: the command line may have written). */
  refresh: () => void;
}

interface Slot {
  index: DocAnnotations;
  read: boolean;
  /** The read in flight (0: none): only the newest may fill the slot. */
  reading: number;
  watchers: Set<() => void>;
}

const COLOR_KEY = 'clauseway.lastColor';

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** `durableApi`: writes that outlive the page; `keep`: how many documents no pane shows stay known. */
export function createAnnotations(api: AnnotationApi, durableApi: AnnotationApi, library: Readable<LibraryState>, storage: KeyValue, keep = 8): Annotations {
  const saved = storage.getItem(COLOR_KEY);
  const store = createStore<AnnotationsState>({ version: 0, lastColor: isColor(saved) ? saved : COLORS[0] });
  const slots = new Map<string, Slot>();
  const known = new Map<string, Annotation>();
  const deleted: string[] = [];
  let reads = 0;

  const tell = (slot: Slot): void => {
    for (const listener of [...slot.watchers]) listener();
  };
  const learn = (list: readonly Annotation[]): void => {
    for (const a of list) known.set(a.id, a);
  };

  const read = (docId: string, slot: Slot): void => {
    const mine = ++reads;
    slot.reading = mine;
    api.listAnnotations({ docId }).then(
      (list) => {
        if (slot.reading !== mine || slots.get(docId) !== slot) return;
        slot.reading = 0;
        slot.read = true;
        learn(list);
        slot.index = indexDocument(docId, list, slot.index);
        tell(slot);
      },
      () => {
        // Shown without highlights; the next refresh asks again.
        if (slot.reading === mine) slot.reading = 0;
      },
    );
  };

  /** A change the engine confirmed, into every document it is (or was) on. */
  const apply = (a: Annotation): Annotation => {
    known.set(a.id, a);
    for (const [docId, slot] of slots) {
      const on = isOnDocument(a, docId);
      const had = slot.index.list.some((x) => x.id === a.id);
      if (!on && !had) continue;
      const list = on ? withAnnotation(slot.index.list, a) : slot.index.list.filter((x) => x.id !== a.id);
      slot.index = indexDocument(docId, list, slot.index);
      // A read that left before this change may not hold it: ask again.
      if (slot.reading !== 0) read(docId, slot);
      tell(slot);
    }
    store.set({ ...store.get(), version: store.get().version + 1 });
    return a;
  };

  const trim = (): void => {
    let unwatched = [...slots.values()].filter((s) => s.watchers.size === 0).length;
    for (const [docId, slot] of slots) {
      if (unwatched <= keep) break;
      if (slot.watchers.size > 0) continue;
      slots.delete(docId);
      unwatched--;
    }
  };

  const refresh = (): void => {
    for (const [docId, slot] of slots) {
      if (slot.watchers.size > 0) read(docId, slot);
      else slots.delete(docId);
    }
    store.set({ ...store.get(), version: store.get().version + 1 });
  };

  let revision = library.get().status?.revision;
  library.subscribe(() => {
    const now = library.get().status?.revision;
    if (now === revision) return;
    const first = revision === undefined;
    revision = now;
    if (!first) refresh();
  });

  const setLastColor = (color: Color): void => {
    storage.setItem(COLOR_KEY, color);
    store.set({ ...store.get(), lastColor: color });
  };

  const restore = async (id: string): Promise<Annotation> => apply(await api.restoreAnnotation(id));

  return {
    get: store.get,
    subscribe: store.subscribe,
    doc: (docId) => slots.get(docId)?.index ?? EMPTY_DOC,
    watch: (docId, listener) => {
      const slot = slots.get(docId) ?? { index: EMPTY_DOC, read: false, reading: 0, watchers: new Set() };
      slots.delete(docId);
      slots.set(docId, slot);
      slot.watchers.add(listener);
      if (!slot.read && slot.reading === 0) read(docId, slot);
      return () => {
        slot.watchers.delete(listener);
        trim();
      };
    },
    find: (id) => known.get(id) ?? null,
    learn,
    highlight: async (targets, color) => {
      const c = color ?? store.get().lastColor;
      if (color) setLastColor(color);
      return apply(await api.createAnnotation({ kind: 'highlight', color: c, targets }));
    },
    create: async (input, durable = false) => apply(await (durable ? durableApi : api).createAnnotation(input)),
    update: async (id, change, durable = false) => {
      const a = apply(await (durable ? durableApi : api).updateAnnotation(id, change));
      if (change.color) setLastColor(change.color);
      return a;
    },
    reattach: async (id, targets) => apply(await api.reattachAnnotation(id, targets)),
    remove: async (id) => {
      const a = apply(await api.deleteAnnotation(id));
      deleted.push(id);
      return a;
    },
    undo: async () => {
      const id = deleted.pop();
      return id === undefined ? null : restore(id);
    },
    restore: async (id) => {
      const i = deleted.lastIndexOf(id);
      if (i >= 0) deleted.splice(i, 1);
      return restore(id);
    },
    emptyTrash: async () => {
      const n = await api.emptyTrash();
      deleted.length = 0;
      store.set({ ...store.get(), version: store.get().version + 1 });
      return n;
    },
    setLastColor,
    refresh,
  };
}
