// The renderer's search results over the real engine (the seeds): only the newest search shows,
// closing drops what is on its way, and a change to the library asks the shown search again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchOptions } from '../../shared/api.ts';
import type { SearchResponse } from '../../shared/types.ts';
import { createStore } from '../../renderer/common/store.ts';
import type { LibraryState } from '../../renderer/library/library-store.ts';
import { createSearch, PAGE } from '../../renderer/search/search-store.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

test('the newest search shows; a change to the library asks again; a failure says why', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  try {
    const held: (() => void)[] = [];
    let hold = false;
    let fail: string | null = null;
    const search = (q: string, o: SearchOptions): Promise<SearchResponse> => {
      if (fail !== null) return Promise.reject(new Error(fail));
      const answer = engine.search(q, o);
      return hold ? new Promise((resolve) => held.push(() => resolve(answer))) : answer;
    };
    const libraryState = (): LibraryState => ({ status: { state: 'ready', done: 0, total: 0, message: null, documents: library.documentCount(), revision: library.revision(), notices: [] }, docs: [] });
    const lib = createStore(libraryState());
    const results = createSearch(search, lib);

    await results.run('单一窗口');
    const first = results.get().response;
    assert.ok(first && first.hits.length > 0 && first.total !== null);
    assert.deepEqual(first.folded, ['单一窗口']);

    // The first of two searches answers last: the second stays.
    hold = true;
    const slow = results.run('绿色金融');
    const fast = results.run('跨境电子商务');
    const [answerSlow, answerFast] = held.splice(0);
    answerFast?.();
    await fast;
    answerSlow?.();
    await slow;
    assert.equal(results.get().query, '跨境电子商务');
    // Closing drops a search on its way.
    const late = results.run('穗');
    results.close();
    held.splice(0).forEach((answer) => answer());
    await late;
    assert.equal(results.get().response, null);
    hold = false;

    // Shown results name a document that is then removed: they are asked for again.
    await results.run('跨境电子商务');
    const dongguan = docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案').id;
    assert.ok(results.get().response?.hits.some((h) => h.docId === dongguan));
    library.removeDocument(dongguan);
    lib.set(libraryState());
    await new Promise((r) => setTimeout(r, 0));
    assert.ok(results.get().response?.hits.length);
    assert.ok(!results.get().response?.hits.some((h) => h.docId === dongguan));

    fail = 'the engine is not answering';
    await results.run('单一窗口');
    assert.deepEqual(results.get(), { query: '单一窗口', response: null, error: 'the engine is not answering' });
    await results.run('  ');
    assert.deepEqual(results.get(), { query: '', response: null, error: null });
  } finally {
    close();
    cleanup();
  }
});

test('more: the next page of the same ranking is appended, up to the true total; a newer search wins', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  try {
    const lib = createStore<LibraryState>({ status: { state: 'ready', done: 0, total: 0, message: null, documents: library.documentCount(), revision: library.revision(), notices: [] }, docs: [] });
    const asked: SearchOptions[] = [];
    const results = createSearch((q, o) => {
      asked.push(o);
      return engine.search(q, o);
    }, lib);
    await results.run('金融');
    const total = results.get().response?.total ?? 0;
    assert.ok(total > PAGE && total <= 2 * PAGE, `${total}`);
    assert.equal(results.get().response?.hits.length, PAGE);
    await results.more();
    const all = (await engine.search('金融', { limit: 5000 })).hits.map((h) => h.clauseId);
    assert.deepEqual(results.get().response?.hits.map((h) => h.clauseId), all);
    assert.equal(results.get().response?.total, total);
    assert.equal(asked[1]?.offset, PAGE);
    // Everything is shown: no more is asked.
    await results.more();
    assert.equal(asked.length, 2);
    // A page that arrives after a newer search is dropped.
    await results.run('金融');
    const late = results.more();
    await results.run('跨境电商');
    await late;
    assert.equal(results.get().query, '跨境电商');
    assert.deepEqual(results.get().response?.hits.map((h) => h.clauseId), (await engine.search('跨境电商', { limit: PAGE })).hits.map((h) => h.clauseId));
  } finally {
    close();
    cleanup();
  }
});
