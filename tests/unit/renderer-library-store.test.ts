// The renderer's library store: it follows the engine's status (fast while the first start
// imports, slowly once open), and reads the list again only when the library's revision changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LibraryStatus } from '../../shared/api.ts';
import { createLibraryStore, POLL_PREPARING_MS, POLL_READY_MS, type LibrarySource } from '../../renderer/library/library-store.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

/** A clock the test turns: each scheduled call waits until `tick`. */
function clock() {
  const queue: { ms: number; run: () => void }[] = [];
  return {
    later: (ms: number, run: () => void) => {
      const item = { ms, run };
      queue.push(item);
      return () => {
        const i = queue.indexOf(item);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    delays: () => queue.map((q) => q.ms),
    tick: async (): Promise<void> => {
      queue.shift()?.run();
      await settle();
    },
  };
}
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

test('the list is read at the start and again when documents change, not on every turn', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  try {
    let listed = 0;
    const source: LibrarySource = {
      status: () => engine.status(),
      listDocuments: () => {
        listed++;
        return engine.listDocuments();
      },
    };
    const time = clock();
    const store = createLibraryStore(source, time.later);
    let changes = 0;
    store.subscribe(() => changes++);
    const stop = store.start();
    await settle();
    assert.equal(store.get().status?.state, 'ready');
    assert.equal(store.get().docs.length, library.documentCount());
    assert.deepEqual(time.delays(), [POLL_READY_MS]);
    const seen = changes;
    await time.tick();
    await time.tick();
    assert.equal(listed, 1, 'an unchanged revision is not listed again');
    assert.equal(changes, seen, 'an unchanged status tells no one');

    // The command line removes a document: the next turn lists again.
    const outline = docByTitle(library, '粤港澳大湾区发展规划纲要');
    library.removeDocument(outline.id);
    await time.tick();
    assert.equal(listed, 2);
    assert.equal(store.get().status?.revision, library.revision());
    assert.ok(!store.get().docs.some((d) => d.id === outline.id));
    // Coming back to the window asks at once, and keeps one turn waiting.
    await store.refresh();
    assert.deepEqual(time.delays(), [POLL_READY_MS]);
    stop();
    assert.deepEqual(time.delays(), []);
  } finally {
    close();
    cleanup();
  }
});

test('the first start is followed closely; an engine that cannot be reached says why, once open it is asked again', async () => {
  const statuses: (LibraryStatus | Error)[] = [
    { state: 'preparing', done: 1, total: 5, message: '000.md', documents: 0, revision: 0, notices: [] },
    { state: 'ready', done: 5, total: 5, message: null, documents: 32, revision: 7, notices: [] },
    new Error('HTTP 503'),
  ];
  const source: LibrarySource = {
    status: () => {
      const next = statuses.shift() ?? new Error('no more');
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    listDocuments: () => Promise.resolve([]),
  };
  const time = clock();
  const store = createLibraryStore(source, time.later);
  store.start();
  await settle();
  assert.equal(store.get().status?.message, '000.md');
  assert.deepEqual(time.delays(), [POLL_PREPARING_MS]);
  await time.tick();
  assert.equal(store.get().status?.state, 'ready');
  await time.tick();
  assert.equal(store.get().status?.state, 'ready', 'a failed turn keeps the open library on screen');
  assert.deepEqual(time.delays(), [POLL_READY_MS]);

  // Browser mode opened without its key: the page says how to get in, and stops asking.
  const locked = createLibraryStore({ status: () => Promise.reject(new Error('this call needs the session token')), listDocuments: () => Promise.resolve([]) }, time.later);
  const before = time.delays().length;
  locked.start();
  await settle();
  assert.equal(locked.get().status?.state, 'error');
  assert.equal(locked.get().status?.message, 'token');
  assert.equal(time.delays().length, before);
});
