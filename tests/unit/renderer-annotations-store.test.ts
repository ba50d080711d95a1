// The renderer's annotation stores over the real engine and the seeds: a document's annotations
// read once and indexed by clause, kept current by every change (only the changed clause gets a
// new array), trash and undo, the colour remembered, a read that a change overtakes, and the
// library's revision; the annotations view's list with its filters; note hits for a search.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation, LibraryStatus } from '../../shared/api.ts';
import { noteFromText } from '../../shared/notes/index.ts';
import { indexDocument, NO_SPANS } from '../../renderer/annotations/annotation-index.ts';
import { createAnnotations, type AnnotationApi } from '../../renderer/annotations/annotations-store.ts';
import { createAnnotationList, queryOf } from '../../renderer/annotations/list-store.ts';
import { createStore } from '../../renderer/common/store.ts';
import type { LibraryState } from '../../renderer/library/library-store.ts';
import { createNoteSearch, noteFilters } from '../../renderer/search/note-search.ts';
import { createSearch } from '../../renderer/search/search-store.ts';
import { fold } from '../../shared/fold.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const note = (text: string): Record<string, unknown> => noteFromText(text).toJSON() as Record<string, unknown>;

function memoryStorage(): { getItem: (k: string) => string | null; setItem: (k: string, v: string) => void } {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

function setup() {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  const status = (): LibraryStatus => ({ state: 'ready', done: 0, total: 0, message: null, documents: library.documentCount(), revision: library.revision(), notices: [] });
  const lib = createStore<LibraryState>({ status: status(), docs: [] });
  const doc = docByTitle(library, '中国（珠海）跨境电子商务综合试验区实施方案');
  const clauses = library.documentView(doc.id)?.clauses ?? [];
  const withText = clauses.filter((c) => c.text.length > 40);
  const done = (): void => {
    close();
    cleanup();
  };
  return { library, engine, lib, status, doc, withText, done };
}

test('a document is read once and indexed by clause; a change renews only its clause; trash and undo', async () => {
  const { engine, lib, doc, withText, done } = setup();
  try {
    const storage = memoryStorage();
    const store = createAnnotations(engine, engine, lib, storage);
    const [c1, c2] = withText;
    assert.ok(c1 && c2);
    let told = 0;
    const stop = store.watch(doc.id, () => told++);
    await settle();
    assert.equal(told, 1, 'told once the document is read');
    assert.equal(store.doc(doc.id).list.length, 0);

    const a = await store.highlight([{ clauseId: c1.id, quote: c1.text.slice(2, 12), at: 2 }], 'green');
    const b = await store.highlight([{ clauseId: c2.id, quote: c2.text.slice(0, 6), at: 0 }]);
    assert.equal(b.color, 'green', 'the colour last chosen');
    assert.equal(storage.getItem('clauseway.lastColor'), 'green');
    const first = store.doc(doc.id);
    assert.deepEqual(first.spans.get(c1.id), [{ id: a.id, color: 'green', start: 2, end: 12, hasNote: false }]);
    const c2Spans = first.spans.get(c2.id);

    // A note on the first highlight: its clause's array is new, the other clause's is the same.
    await store.update(a.id, { note: note('要点') });
    const second = store.doc(doc.id);
    assert.notEqual(second.spans.get(c1.id), first.spans.get(c1.id));
    assert.equal(second.spans.get(c2.id), c2Spans);
    assert.equal(second.spans.get(c1.id)?.[0]?.hasNote, true);
    assert.equal(store.find(a.id)?.noteText, '要点');

    // A note on a clause and one on the document.
    const cn = await store.create({ kind: 'clause-note', clauseId: c2.id, note: note('整条') });
    const dn = await store.create({ kind: 'doc-note', docId: doc.id, note: note('全文') });
    assert.deepEqual(store.doc(doc.id).clauseNotes.get(c2.id)?.map((x) => x.id), [cn.id]);
    assert.deepEqual(store.doc(doc.id).docNotes.map((x) => x.id), [dn.id]);

    // Deleted: gone from the text, in the trash; undo brings the newest deletion back first.
    await store.remove(a.id);
    await store.remove(b.id);
    assert.equal(store.doc(doc.id).spans.get(c1.id), undefined);
    assert.equal((await engine.listAnnotations({ trash: true })).length, 2);
    assert.equal((await store.undo())?.id, b.id);
    assert.equal((await store.undo())?.id, a.id);
    assert.equal(await store.undo(), null);
    assert.deepEqual(store.doc(doc.id).spans.get(c1.id)?.map((s) => s.id), [a.id]);
    assert.deepEqual(store.doc(doc.id).list.map((x) => x.id), [a.id, b.id, cn.id, dn.id], 'restored in the order they were made');

    // A new store reads what the engine holds: the same index.
    const again = createAnnotations(engine, engine, lib, storage);
    const stop2 = again.watch(doc.id, () => undefined);
    await settle();
    assert.deepEqual([...again.doc(doc.id).spans.entries()], [...store.doc(doc.id).spans.entries()]);
    assert.equal(again.get().lastColor, 'green');
    stop();
    stop2();
  } finally {
    done();
  }
});

test('a change made while the document is being read is not lost; a new revision reads again', async () => {
  const { engine, library, lib, status, doc, withText, done } = setup();
  try {
    const [c1] = withText;
    assert.ok(c1);
    // Reads are held until released, as a slow engine would.
    const held: (() => void)[] = [];
    const slow: AnnotationApi = {
      createAnnotation: (i) => engine.createAnnotation(i),
      updateAnnotation: (id, c) => engine.updateAnnotation(id, c),
      deleteAnnotation: (id) => engine.deleteAnnotation(id),
      restoreAnnotation: (id) => engine.restoreAnnotation(id),
      reattachAnnotation: (id, t) => engine.reattachAnnotation(id, t),
      emptyTrash: () => engine.emptyTrash(),
      listAnnotations: (q) => new Promise<Annotation[]>((resolve) => held.push(() => void engine.listAnnotations(q).then(resolve))),
    };
    const store = createAnnotations(slow, slow, lib, memoryStorage());
    store.watch(doc.id, () => undefined);
    // The read leaves before the highlight is made, and answers after.
    const a = await store.highlight([{ clauseId: c1.id, quote: c1.text.slice(0, 5), at: 0 }], 'pink');
    const stale = held.shift();
    assert.ok(stale, 'the first read was asked for');
    // The engine's list would have it now; the stale read is dropped and a new one asked.
    assert.equal(held.length, 1, 'the change asked for a fresh read');
    stale();
    await settle();
    held.shift()?.();
    await settle();
    await settle();
    assert.deepEqual(store.doc(doc.id).spans.get(c1.id)?.map((s) => s.id), [a.id]);

    // The library changes (a document removed elsewhere): what is on screen is read again.
    const before = held.length;
    library.removeDocument(docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案').id);
    lib.set({ status: status(), docs: [] });
    assert.equal(held.length, before + 1);
  } finally {
    done();
  }
});

test('an index shows only targets placed on its document; orphaned targets are not guessed at', () => {
  const base = { kind: 'highlight' as const, color: 'blue' as const, status: 'anchored' as const, docTitle: 't', note: null, noteText: '', tags: [], created: '2025-01-01T00:00:00.000Z', updated: '', deleted: null };
  const target = (clauseId: string, docId: string, status: 'anchored' | 'orphan', start: number) => ({
    clauseId,
    docId,
    citation: '',
    status,
    quote: { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start, end: start + 1 },
  });
  const list: Annotation[] = [
    { ...base, id: '1', docId: 'd1', targets: [target('d1-a', 'd1', 'anchored', 3), target('d1-b', 'd1', 'orphan', 0)], status: 'orphan' },
    { ...base, id: '2', docId: 'd2', targets: [target('d2-a', 'd2', 'anchored', 1)] },
  ];
  const index = indexDocument('d1', list);
  assert.deepEqual([...index.spans.keys()], ['d1-a']);
  assert.equal(index.spans.get('d1-b') ?? NO_SPANS, NO_SPANS);
});

test('the annotations view lists by filter, counts beside, and reads again on every change', async () => {
  const { engine, lib, doc, withText, done } = setup();
  try {
    const store = createAnnotations(engine, engine, lib, memoryStorage());
    const [c1, c2, c3] = withText;
    assert.ok(c1 && c2 && c3);
    const a = await store.highlight([{ clauseId: c1.id, quote: c1.text.slice(0, 8), at: 0 }], 'yellow');
    await store.update(a.id, { tags: ['跨境', '口岸'] });
    const b = await store.highlight([{ clauseId: c2.id, quote: c2.text.slice(0, 8), at: 0 }], 'blue');
    await store.update(b.id, { tags: ['口岸'] });
    await store.highlight([{ clauseId: c3.id, quote: c3.text.slice(0, 8), at: 0 }], 'blue');
    assert.deepEqual(queryOf({ tag: '口岸', trash: false, color: undefined }), { tag: '口岸' });

    const list = createAnnotationList(engine, store, store.learn, 2);
    const stop = list.start();
    await settle();
    assert.equal(list.get().items.length, 2);
    assert.equal(list.get().more, true, 'a page of two of three');
    list.loadMore();
    await settle();
    assert.equal(list.get().items.length, 3);
    list.filter({ tag: '跨境' });
    await settle();
    assert.deepEqual(list.get().items.map((x) => x.id), [a.id]);
    list.filter({ tag: '口岸', color: 'blue' });
    await settle();
    assert.deepEqual(list.get().items.map((x) => x.id), [b.id]);
    assert.equal(list.get().counts?.byColor.blue, 1, 'counts follow the tag, not the colour chosen');
    list.filter({ color: undefined, tag: undefined, docId: doc.id, jurisdiction: '珠海市' });
    await settle();
    assert.equal(list.get().items.length, 2, 'a new filter starts from the first page');
    list.loadMore();
    await settle();
    assert.equal(list.get().items.length, 3);
    list.filter({ jurisdiction: '东莞市' });
    await settle();
    assert.equal(list.get().items.length, 0);
    list.filter({ jurisdiction: undefined });
    await settle();
    list.loadMore();
    await settle();
    assert.equal(list.get().items.length, 3);
    // A deletion elsewhere: the list reads again; the trash lists it.
    await store.remove(b.id);
    await settle();
    assert.equal(list.get().items.length, 2);
    list.filter({ trash: true });
    await settle();
    assert.deepEqual(list.get().items.map((x) => x.id), [b.id]);
    await store.emptyTrash();
    await settle();
    assert.equal(list.get().items.length, 0);
    stop();
  } finally {
    done();
  }
});

test('a search also finds the notes that hold its words, within its filters', async () => {
  const { engine, lib, withText, done } = setup();
  try {
    const store = createAnnotations(engine, engine, lib, memoryStorage());
    const [c1, c2] = withText;
    assert.ok(c1 && c2);
    const a = await store.highlight([{ clauseId: c1.id, quote: c1.text.slice(0, 8), at: 0 }], 'yellow');
    await store.update(a.id, { note: note('关注海关监管的便利措施') });
    const b = await store.create({ kind: 'clause-note', clauseId: c2.id, note: note('海关数据共享') });
    const search = createSearch((q, o) => engine.search(q, o), lib);
    const hits = createNoteSearch(search, (q) => engine.listAnnotations(q), fold, store);
    await search.run('海关');
    await settle();
    assert.deepEqual(new Set(hits.get().notes.map((x) => x.id)), new Set([a.id, b.id]));
    // Every term must occur; Traditional finds Simplified.
    await search.run('海關 便利');
    await settle();
    assert.deepEqual(hits.get().notes.map((x) => x.id), [a.id]);
    await search.run('海关 jurisdiction:东莞市');
    await settle();
    assert.deepEqual(hits.get().notes, [], 'the filter names documents these notes are not on');
    assert.deepEqual(noteFilters('x year:2018-2021 doc:0123456789ab jurisdiction:珠海'), { yearFrom: 2018, yearTo: 2021, docId: '0123456789ab', jurisdiction: '珠海' });
    // An edited note is found by its new words at once.
    await search.run('共享');
    await settle();
    assert.deepEqual(hits.get().notes.map((x) => x.id), [b.id]);
    await store.update(b.id, { note: note('改写了') });
    await settle();
    await settle();
    assert.deepEqual(hits.get().notes, []);
    search.close();
    await settle();
    assert.deepEqual(hits.get().notes, []);
  } finally {
    done();
  }
});
