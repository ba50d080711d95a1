// The reader's document cache over a real library (the seeds): what a pane shows is read once,
// and read again when the library's revision changes; what no pane shows is then dropped.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentView } from '../../shared/api.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { DocumentCache, type DocumentEntry } from '../../renderer/reader/document-cache.ts';
import { docByTitle, seededLibrary } from '../helpers/library.ts';

let library: Library;
let cleanup: () => void;
before(() => ({ library, cleanup } = seededLibrary()));
after(() => cleanup());

const OUTLINE = '粤港澳大湾区发展规划纲要';
const ZHUHAI = '中国（珠海）跨境电子商务综合试验区实施方案';
const DONGGUAN = '中国（东莞）跨境电子商务综合试验区实施方案';

/** The library's reads, counted, each answered when the test says so. */
function reads() {
  const pending: { docId: string; answer: () => void }[] = [];
  const load = (docId: string): Promise<DocumentView | null> =>
    new Promise((resolve) => pending.push({ docId, answer: () => resolve(library.documentView(docId)) }));
  const answerAll = async (): Promise<void> => {
    for (const p of pending.splice(0)) p.answer();
    await new Promise((r) => setImmediate(r));
  };
  return { pending, load, answerAll };
}

const title = (e: DocumentEntry): string => (e.state === 'ready' ? e.doc.summary.title : e.state);

test('a document is read once for every pane that shows it, and kept when no pane does', async () => {
  const { pending, load, answerAll } = reads();
  const cache = new DocumentCache(load);
  cache.setRevision(library.revision());
  const { id: outline, clauseCount } = docByTitle(library, OUTLINE);
  let told = 0;
  const stopLeft = cache.watch(outline, () => told++);
  const stopRight = cache.watch(outline, () => told++);
  assert.equal(pending.length, 1);
  assert.equal(cache.get(outline).state, 'loading');
  await answerAll();
  assert.equal(told, 2);
  const entry = cache.get(outline);
  assert.equal(title(entry), OUTLINE);
  assert.equal(entry.state === 'ready' ? entry.doc.clauses.length : 0, clauseCount);
  assert.equal(cache.get(outline), entry, 'the same object until it changes');
  stopLeft();
  stopRight();
  const again = cache.watch(outline, () => undefined);
  assert.equal(pending.length, 0, 'back to a document read a moment ago: no read');
  again();
});

test('when the library changes, the document on screen is read again and stays shown meanwhile; the others go', async () => {
  const { pending, load, answerAll } = reads();
  const cache = new DocumentCache(load);
  cache.setRevision(library.revision());
  const zhuhai = docByTitle(library, ZHUHAI).id;
  const dongguan = docByTitle(library, DONGGUAN).id;
  const stopZhuhai = cache.watch(zhuhai, () => undefined);
  const stopDongguan = cache.watch(dongguan, () => undefined);
  await answerAll();
  stopDongguan();
  const shown = cache.get(zhuhai);

  // Another document leaves the library (the command line removed it).
  const outline = docByTitle(library, OUTLINE).id;
  assert.ok(library.removeDocument(outline));
  cache.setRevision(library.revision());
  assert.deepEqual(pending.map((p) => p.docId), [zhuhai], 'only the document on screen is read again');
  assert.equal(cache.get(zhuhai), shown, 'the stale copy stays on screen until the fresh one is there');
  assert.equal(cache.get(dongguan).state, 'loading', 'the one no pane shows was dropped');
  await answerAll();
  assert.notEqual(cache.get(zhuhai), shown);
  assert.equal(title(cache.get(zhuhai)), ZHUHAI);

  // The document on screen leaves the library: the pane learns it is gone.
  assert.ok(library.removeDocument(zhuhai));
  cache.setRevision(library.revision());
  await answerAll();
  assert.equal(cache.get(zhuhai).state, 'missing');
  stopZhuhai();
});

test('a read started before the library changed never fills the cache', async () => {
  const { pending, load, answerAll } = reads();
  const cache = new DocumentCache(load);
  cache.setRevision(library.revision());
  const dongguan = docByTitle(library, DONGGUAN).id;
  const stop = cache.watch(dongguan, () => undefined);
  const stale = pending.splice(0);
  // The document is removed while the first read is on its way; a second read follows at once.
  library.removeDocument(dongguan);
  cache.setRevision(library.revision());
  assert.equal(pending.length, 1);
  // The first read answers late, with what the library held before: it is ignored.
  for (const p of stale) p.answer();
  await new Promise((r) => setImmediate(r));
  assert.equal(cache.get(dongguan).state, 'loading');
  await answerAll();
  assert.equal(cache.get(dongguan).state, 'missing');
  stop();
});

test('a failed read says why and is tried again by the next pane; few unwatched documents stay', async () => {
  let fail = true;
  const cache = new DocumentCache((docId) => (fail ? Promise.reject(new Error('the engine is not answering')) : Promise.resolve(library.documentView(docId))), 2);
  cache.setRevision(library.revision());
  const ids = library.listDocuments().map((d) => d.id);
  const first = ids[0] ?? '';
  cache.watch(first, () => undefined)();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(cache.get(first), { state: 'failed', message: 'the engine is not answering' });
  fail = false;
  for (const id of ids.slice(0, 4)) cache.watch(id, () => undefined)();
  await new Promise((r) => setImmediate(r));
  // The two read last stay; the older ones were dropped.
  assert.deepEqual(ids.slice(0, 4).map((id) => cache.get(id).state), ['loading', 'loading', 'ready', 'ready']);
});
