// Moving an item of a brief by a drag or by the keys, within a section and across sections, and
// the brief last added to.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLastBrief } from '../../renderer/briefs/last-brief.ts';
import { chineseNumber, citationLine, sectionNumber, subheadingNumber } from '../../renderer/briefs/numbering.ts';
import { dropPlace, endOf, find, moved, stepPlace } from '../../renderer/briefs/order.ts';

const item = (id: string): { id: string } => ({ id });
const SECTIONS = [
  { id: 'S1', items: ['a', 'b', 'c', 'd'].map(item) },
  { id: 'S2', items: [] as { id: string }[] },
  { id: 'S3', items: ['e', 'f'].map(item) },
];
const ids = (sections: readonly { items: readonly { id: string }[] }[]): string[][] => sections.map((s) => s.items.map((i) => i.id));

test('a drop before or after another item lands the item there, whichever way it moves', () => {
  const drop = (id: string, over: string, after: boolean): string[][] => {
    const place = dropPlace(SECTIONS, id, over, after);
    return place ? ids(moved(SECTIONS, id, place)) : ids(SECTIONS);
  };
  assert.deepEqual(drop('b', 'd', true), [['a', 'c', 'd', 'b'], [], ['e', 'f']]);
  assert.deepEqual(drop('b', 'd', false), [['a', 'c', 'b', 'd'], [], ['e', 'f']]);
  assert.deepEqual(drop('d', 'a', false), [['d', 'a', 'b', 'c'], [], ['e', 'f']]);
  assert.deepEqual(drop('d', 'a', true), [['a', 'd', 'b', 'c'], [], ['e', 'f']]);
  assert.deepEqual(drop('a', 'f', true), [['b', 'c', 'd'], [], ['e', 'f', 'a']]);
  assert.deepEqual(drop('f', 'a', false), [['f', 'a', 'b', 'c', 'd'], [], ['e']]);
  // Dropped where it stands: nothing to do.
  assert.equal(dropPlace(SECTIONS, 'b', 'b', true), null);
  assert.equal(dropPlace(SECTIONS, 'b', 'c', false), null);
  assert.equal(dropPlace(SECTIONS, 'b', 'a', true), null);
  // On an empty section, or on the end of its own.
  assert.deepEqual(ids(moved(SECTIONS, 'c', endOf(SECTIONS, 'c', 'S2') ?? {})), [['a', 'b', 'd'], ['c'], ['e', 'f']]);
  assert.equal(endOf(SECTIONS, 'd', 'S1'), null);
  // Every drop keeps every item once.
  const all = SECTIONS.flatMap((s) => s.items.map((i) => i.id));
  for (const id of all)
    for (const over of all)
      for (const after of [false, true]) assert.deepEqual(drop(id, over, after).flat().toSorted(), all.toSorted());
});

test('a key moves one place, into the next section at the ends, and stops at the ends of the brief', () => {
  assert.deepEqual(stepPlace(SECTIONS, 'b', -1), { sectionId: 'S1', index: 0 });
  assert.deepEqual(ids(moved(SECTIONS, 'b', stepPlace(SECTIONS, 'b', 1) ?? {})), [['a', 'c', 'b', 'd'], [], ['e', 'f']]);
  // Down from the end of S1 into the empty S2, then on into S3.
  const once = moved(SECTIONS, 'd', stepPlace(SECTIONS, 'd', 1) ?? {});
  assert.deepEqual(ids(once), [['a', 'b', 'c'], ['d'], ['e', 'f']]);
  assert.deepEqual(ids(moved(once, 'd', stepPlace(once, 'd', 1) ?? {})), [['a', 'b', 'c'], [], ['d', 'e', 'f']]);
  // Up from the top of S3 lands at the end of S2.
  assert.deepEqual(stepPlace(SECTIONS, 'e', -1), { sectionId: 'S2', index: 0 });
  assert.equal(stepPlace(SECTIONS, 'a', -1), null);
  assert.equal(stepPlace(SECTIONS, 'f', 1), null);
  assert.deepEqual(find(SECTIONS, 'f'), { section: 2, index: 1 });
  assert.equal(find(SECTIONS, 'nothing'), null);
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

test('the preview numbers sections and subheadings as official documents do', () => {
  assert.deepEqual([1, 2, 9, 10, 11, 20, 35, 99].map(chineseNumber), ['一', '二', '九', '十', '十一', '二十', '三十五', '九十九']);
  assert.equal(chineseNumber(100), '100');
  assert.equal(sectionNumber(0), '一、');
  assert.equal(subheadingNumber(11), '（十二）');
});

test('a citation in one line: the work and its place, then what is known of its source', () => {
  const c = { docId: 'ac24e1e9f025', docTitle: '商务部等12部门关于推进商品交易市场发展平台经济的指导意见', issuer: '商务部等12部门', date: '2019-02-12', docNumber: '商建函〔2019〕61号', jurisdiction: '全国', level: 'national' as const, label: '二（三）', text: '' };
  assert.equal(citationLine(c), '《商务部等12部门关于推进商品交易市场发展平台经济的指导意见》二（三）（商务部等12部门，商建函〔2019〕61号，2019年2月12日）');
  assert.equal(citationLine({ ...c, issuer: null, docNumber: null, date: '2019-02', label: '' }), '《商务部等12部门关于推进商品交易市场发展平台经济的指导意见》（2019年2月）');
  assert.equal(citationLine({ ...c, issuer: null, docNumber: null, date: null }), '《商务部等12部门关于推进商品交易市场发展平台经济的指导意见》二（三）');
});
