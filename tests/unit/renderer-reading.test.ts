// What the reader has open, kept in the address: two panes, the focus, the marks of a search, the
// library between readings, deep links that name only a clause; and the size of the text.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Library } from '../../electron/core/store/library.ts';
import type { Route } from '../../renderer/app/route.ts';
import { createRouter, type Address } from '../../renderer/app/router-store.ts';
import { createStore } from '../../renderer/common/store.ts';
import type { LibraryState } from '../../renderer/library/library-store.ts';
import { createReading } from '../../renderer/reader/reading-store.ts';
import { createTextSize, stepTextSize } from '../../renderer/reader/text-size.ts';
import { docByTitle, seededLibrary } from '../helpers/library.ts';

let library: Library;
let cleanup: () => void;
before(() => ({ library, cleanup } = seededLibrary()));
after(() => cleanup());

/** The page's address as a history list; `back` is the reader pressing Back. */
function address(start = '#/'): Address & { entries: string[]; back: () => void } {
  const entries = [start];
  let at = 0;
  let listener = (): void => undefined;
  return {
    entries,
    hash: () => entries[at] ?? '',
    push: (hash) => {
      entries.splice(at + 1, entries.length, hash);
      at = entries.length - 1;
    },
    replace: (hash) => {
      entries[at] = hash;
    },
    listen: (onChange) => {
      listener = onChange;
      return () => undefined;
    },
    back: () => {
      at = Math.max(0, at - 1);
      listener();
    },
  };
}

const ready = (): LibraryState => ({ status: { state: 'ready', done: 1, total: 1, message: null, documents: 1, revision: library.revision(), notices: [] }, docs: library.listDocuments() });
const preparing = (): LibraryState => ({ status: { state: 'preparing', done: 0, total: 5, message: null, documents: 0, revision: 0, notices: [] }, docs: [] });
const findClause = (id: string): Promise<{ id: string; docId: string } | null> => Promise.resolve(library.clause(id));
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

test('two plans side by side, the library between them, back, and closing', () => {
  const zhuhai = docByTitle(library, '中国（珠海）跨境电子商务综合试验区实施方案').id;
  const dongguan = docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案').id;
  const addr = address();
  const router = createRouter(addr);
  const reading = createReading(router, createStore(ready()), findClause);
  reading.open(zhuhai, null, 0);
  assert.equal(addr.hash(), `#/read?l=${zhuhai}`);
  // To the library, then "open on the right": it reads beside what was open.
  router.navigate({ view: 'library' });
  reading.open(dongguan, null, 1);
  assert.deepEqual(router.get(), { view: 'read', panes: [{ docId: zhuhai, clauseId: null }, { docId: dongguan, clauseId: null }], focus: 1 });
  reading.focus(0);
  assert.equal(addr.hash(), `#/read?l=${zhuhai}&r=${dongguan}`);
  assert.equal(addr.entries.length, 4, 'focus moves in place; opening adds to history');

  // Where a pane's reader has come to goes into the address, without showing anything anew.
  const clause = library.documentView(zhuhai)?.clauses[5]?.id ?? '';
  let shown = 0;
  router.subscribe(() => shown++);
  reading.record(0, zhuhai, clause);
  reading.record(1, zhuhai, clause);
  assert.equal(addr.hash(), `#/read?l=${zhuhai}~${clause}&r=${dongguan}`, 'a clause of another document is not recorded for a pane');
  assert.equal(shown, 0);
  assert.deepEqual(router.recorded(), { view: 'read', panes: [{ docId: zhuhai, clauseId: clause }, { docId: dongguan, clauseId: null }], focus: 0 });
  // Moving the focus keeps what was recorded, and shows nothing anew in the panes.
  reading.focus(1);
  assert.equal(addr.hash(), `#/read?l=${zhuhai}~${clause}&r=${dongguan}&f=1`);
  assert.deepEqual(router.get(), { view: 'read', panes: [{ docId: zhuhai, clauseId: null }, { docId: dongguan, clauseId: null }], focus: 1 });
  reading.focus(0);

  // Back: the library shown before the second plan was opened.
  addr.back();
  assert.equal(router.get().view, 'library');
  router.navigate({ view: 'read', panes: [{ docId: zhuhai, clauseId: null }, { docId: dongguan, clauseId: null }], focus: 1 });
  reading.close(1);
  assert.deepEqual(router.get(), { view: 'read', panes: [{ docId: zhuhai, clauseId: null }, null], focus: 0 });
  reading.close(0);
  assert.deepEqual(router.get(), { view: 'library' });
  // Nothing open any more: the next document opens alone.
  reading.open(dongguan, null, 1);
  assert.deepEqual(router.get(), { view: 'read', panes: [null, { docId: dongguan, clauseId: null }], focus: 1 });
});

test('a search hit opens in the focused pane or the other, marking its terms; "open in the other pane" marks them too', () => {
  const outline = docByTitle(library, '粤港澳大湾区发展规划纲要');
  const clauses = library.documentView(outline.id)?.clauses ?? [];
  const hit = clauses.find((c) => c.text.includes('建立出口信用保险制度'));
  assert.ok(hit);
  const router = createRouter(address());
  const reading = createReading(router, createStore(ready()), findClause);
  reading.openFound(outline.id, hit.id, false, ['建立出口信用保险制度']);
  assert.deepEqual(router.get(), { view: 'read', panes: [{ docId: outline.id, clauseId: hit.id }, null], focus: 0 });
  assert.deepEqual(reading.get().terms, [['建立出口信用保险制度'], []]);
  reading.openBeside(0, hit.id);
  assert.deepEqual(router.get(), { view: 'read', panes: [{ docId: outline.id, clauseId: hit.id }, { docId: outline.id, clauseId: hit.id }], focus: 1 });
  assert.deepEqual(reading.get().terms, [['建立出口信用保险制度'], ['建立出口信用保险制度']]);
  // The focus is on the right: "in the other pane" is the left.
  reading.openFound(outline.id, clauses[1]?.id ?? '', true, ['规划']);
  assert.deepEqual(reading.get().terms, [['规划'], ['建立出口信用保险制度']]);
  reading.setSplit(95);
  assert.equal(reading.get().split, 80);
});

test('a deep link opens its clause once the library is open; an old id opens its successor; an unknown one the library', async () => {
  const outline = docByTitle(library, '粤港澳大湾区发展规划纲要');
  const clause = library.documentView(outline.id)?.clauses[10];
  assert.ok(clause);
  const lib = createStore(preparing());
  const addr = address(`#/c/${clause.id}`);
  const router = createRouter(addr);
  createReading(router, lib, findClause);
  await settle();
  assert.equal(router.get().view, 'clause', 'the link waits while the library is being prepared');
  lib.set(ready());
  await settle();
  assert.deepEqual(router.get(), { view: 'read', panes: [{ docId: outline.id, clauseId: clause.id }, null], focus: 0 });
  assert.equal(addr.entries.length, 1, 'the link is replaced by what it opened');

  // A re-import renumbered the clause: the engine answers an old id with its successor.
  const old = `${outline.id}-0000000000`;
  const redirecting = (id: string) => findClause(id === old ? clause.id : id);
  const moved = createRouter(address(`#/c/${old}`));
  createReading(moved, createStore(ready()), redirecting);
  await settle();
  assert.deepEqual(moved.get(), { view: 'read', panes: [{ docId: outline.id, clauseId: clause.id }, null], focus: 0 });

  const unknown = createRouter(address('#/c/000000000000-0000000000'));
  createReading(unknown, createStore(ready()), findClause);
  await settle();
  assert.deepEqual(unknown.get(), { view: 'library' } satisfies Route);
});

test('the text size steps along its scale, remembered; a size saved off the scale snaps to it', () => {
  assert.equal(stepTextSize(18, 1), 20);
  assert.equal(stepTextSize(24, 1), 24);
  assert.equal(stepTextSize(15, -1), 15);
  assert.equal(stepTextSize(19, -1), 17);
  const saved = new Map<string, string>([['clauseway.fontSize', '19']]);
  const applied: number[] = [];
  const size = createTextSize({ getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => saved.set(k, v) }, (px) => applied.push(px));
  size.step(1);
  assert.deepEqual(applied, [18, 20]);
  assert.equal(saved.get('clauseway.fontSize'), '20');
  assert.equal(createTextSize({ getItem: () => null, setItem: () => undefined }, () => undefined).get(), 18);
});
