// Moving an item of a brief by a drag or by the keys, and the brief last added to.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLastBrief } from '../../renderer/briefs/last-brief.ts';
import { dropIndex, moved, stepIndex } from '../../renderer/briefs/order.ts';

const LIST = ['a', 'b', 'c', 'd', 'e'];

test('a drop before or after another item lands the item there, whichever way it moves', () => {
  // b dropped in the lower half of d: after d.
  assert.deepEqual(moved(LIST, 1, dropIndex(1, 3, true)), ['a', 'c', 'd', 'b', 'e']);
  // b dropped in the upper half of d: before d.
  assert.deepEqual(moved(LIST, 1, dropIndex(1, 3, false)), ['a', 'c', 'b', 'd', 'e']);
  // d dropped before a, after a; e after itself stays.
  assert.deepEqual(moved(LIST, 3, dropIndex(3, 0, false)), ['d', 'a', 'b', 'c', 'e']);
  assert.deepEqual(moved(LIST, 3, dropIndex(3, 0, true)), ['a', 'd', 'b', 'c', 'e']);
  assert.deepEqual(moved(LIST, 4, dropIndex(4, 4, true)), LIST);
  assert.deepEqual(moved(LIST, 2, dropIndex(2, 2, false)), LIST);
  // Every drop keeps every item once.
  for (let from = 0; from < LIST.length; from++)
    for (let over = 0; over < LIST.length; over++)
      for (const after of [false, true]) assert.deepEqual(moved(LIST, from, dropIndex(from, over, after)).toSorted(), LIST);
});

test('a key moves one place and stops at either end', () => {
  assert.equal(stepIndex(0, -1, 5), null);
  assert.equal(stepIndex(4, 1, 5), null);
  assert.equal(stepIndex(2, -1, 5), 1);
  assert.deepEqual(moved(LIST, 2, stepIndex(2, 1, 5) ?? 2), ['a', 'b', 'd', 'c', 'e']);
});

test('the brief last added to comes first, and is remembered', () => {
  const m = new Map<string, string>();
  const last = createLastBrief({ getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) });
  const briefs = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
  assert.deepEqual(last.first(briefs), briefs);
  last.set('z');
  assert.deepEqual(last.first(briefs).map((b) => b.id), ['z', 'x', 'y']);
  assert.equal(last.get(), 'z');
  last.set('gone');
  assert.deepEqual(last.first(briefs), briefs, 'a brief since deleted is not offered');
});
