// The renderer's cross-link store over the real engine and the seeds (links computed as the seed
// worker computes them): a document's counts read once and again after a manual link or a new
// revision; the panel's links and citations for a clause, only the newest read filling it; a
// manual link made, removed and undone; the links grouped by level and place.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClauseLinksResponse, LibraryStatus } from '../../shared/api.ts';
import { updateLinks } from '../../electron/core/links/index.ts';
import { createStore } from '../../renderer/common/store.ts';
import type { LibraryState } from '../../renderer/library/library-store.ts';
import { LEVEL_ORDER } from '../../shared/place-order.ts';
import { groupByPlace } from '../../renderer/links/group-links.ts';
import { createLinks, type LinksApi, type Loaded } from '../../renderer/links/links-store.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function ready<T>(loaded: Loaded<T> | null): T {
  if (loaded?.state !== 'ready') throw new Error(`not read: ${loaded?.state ?? 'nothing asked'}`);
  return loaded.value;
}

function setup() {
  const { library, dir, cleanup } = seededLibrary();
  updateLinks(library);
  const { engine, close } = engineOver(library, dir);
  const status = (): LibraryStatus => ({ state: 'ready', done: 0, total: 0, message: null, documents: library.documentCount(), revision: library.revision(), notices: [] });
  const lib = createStore<LibraryState>({ status: status(), docs: [] });
  const guangzhou = docByTitle(library, '附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见');
  const zhuhai = docByTitle(library, '中国（珠海）跨境电子商务综合试验区实施方案');
  const dongguan = docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案');
  const clauses = (id: string) => library.documentView(id)?.clauses ?? [];
  const done = (): void => {
    close();
    cleanup();
  };
  return { library, engine, lib, status, guangzhou, zhuhai, dongguan, clauses, done };
}

test("a document's counts are read once, and again after a manual link; the panel follows; remove and undo", async () => {
  const { engine, lib, zhuhai, dongguan, clauses, done } = setup();
  try {
    const links = createLinks(engine, lib);
    let told = 0;
    const stop = links.watchCounts(zhuhai.id, () => told++);
    links.watchCounts(zhuhai.id, () => undefined)();
    await settle();
    assert.equal(told, 1, 'read once for two watchers');
    const { counts } = await engine.linkCounts({ docId: zhuhai.id });
    assert.deepEqual(Object.fromEntries(links.counts(zhuhai.id)), counts);
    assert.ok(Object.keys(counts).length > 0, 'the plan has links');

    const from = clauses(zhuhai.id).find((c) => c.heading === '组织实施');
    const to = clauses(dongguan.id).find((c) => c.heading === '组织实施');
    assert.ok(from && to);
    const before = links.counts(zhuhai.id).get(from.id) ?? 0;
    links.show({ pane: 0, docId: zhuhai.id, clauseId: from.id });
    assert.equal(links.get().links?.state, 'loading');
    await settle();
    assert.deepEqual(ready(links.get().links), (await engine.clauseLinks({ clauseId: from.id })).links);
    assert.deepEqual(ready(links.get().citations), await engine.documentCitations({ docId: zhuhai.id }));

    await links.link(from.id, to.id, '两地分工不同');
    await settle();
    assert.equal(links.get().version, 1);
    assert.equal(links.counts(zhuhai.id).get(from.id), before + 1, 'the count read again');
    const manual = ready(links.get().links).find((l) => l.kind === 'manual');
    assert.ok(manual);
    assert.equal(manual.clauseId, to.id);
    assert.equal(manual.why, '两地分工不同');
    const { undo } = await links.unlink(manual, from.id);
    await settle();
    assert.equal(links.counts(zhuhai.id).get(from.id) ?? 0, before);
    await undo();
    await settle();
    const again = ready(links.get().links).filter((l) => l.kind === 'manual');
    assert.deepEqual(again.map((l) => [l.clauseId, l.why]), [[to.id, '两地分工不同']]);
    assert.equal(links.counts(zhuhai.id).get(from.id), before + 1);
    await assert.rejects(links.unlink({ ...manual, kind: 'related', manualId: undefined }, from.id), /only a manual link/);
    stop();
  } finally {
    done();
  }
});

test('only the newest read fills the panel; a new revision reads the counts and the panel again', async () => {
  const { engine, lib, status, guangzhou, clauses, done } = setup();
  try {
    const held: (() => void)[] = [];
    const slow: LinksApi = {
      linkCounts: (q) => engine.linkCounts(q),
      documentCitations: (q) => engine.documentCitations(q),
      createLink: (l) => engine.createLink(l),
      deleteLink: (q) => engine.deleteLink(q),
      clauseLinks: (q) => new Promise<ClauseLinksResponse>((resolve) => held.push(() => void engine.clauseLinks(q).then(resolve))),
    };
    const links = createLinks(slow, lib);
    const [first, second] = clauses(guangzhou.id).filter((c) => c.kind === 'item');
    assert.ok(first && second);
    links.show({ pane: 0, docId: guangzhou.id, clauseId: first.id });
    links.show({ pane: 1, docId: guangzhou.id, clauseId: second.id });
    held.shift()?.();
    await settle();
    await settle();
    assert.equal(links.get().links?.state, 'loading', "the first clause's answer does not fill the second's panel");
    held.shift()?.();
    await settle();
    await settle();
    assert.deepEqual(ready(links.get().links), (await engine.clauseLinks({ clauseId: second.id })).links);

    let told = 0;
    links.watchCounts(guangzhou.id, () => told++);
    await settle();
    lib.set({ ...lib.get(), status: { ...status(), revision: (lib.get().status?.revision ?? 0) + 1 } });
    await settle();
    assert.equal(told, 2, 'counts read again for the new revision');
    assert.equal(links.get().links?.state, 'ready', 'the panel keeps its links while they are read again');
    assert.equal(held.length, 1, 'and asks for them again');
    links.hide();
    assert.equal(links.get().subject, null);
  } finally {
    done();
  }
});

test("a clause's links are grouped by level and place, in the library's order, best first", async () => {
  const { engine, guangzhou, clauses, done } = setup();
  try {
    const source = clauses(guangzhou.id).find((c) => c.text.includes('深化广州市绿色金融改革创新试验区建设'));
    assert.ok(source);
    const { links } = await engine.clauseLinks({ clauseId: source.id });
    const groups = groupByPlace(links);
    assert.equal(groups.reduce((n, g) => n + g.links.length, 0), links.length);
    assert.ok(groups.some((g) => g.level === 'national' && g.jurisdiction === '全国'), 'the Outline says something on it');
    const levels = groups.map((g) => LEVEL_ORDER.indexOf(g.level));
    assert.deepEqual(levels, [...levels].sort((a, b) => a - b));
    for (const g of groups) {
      assert.ok(g.links.every((l) => l.level === g.level && l.jurisdiction === g.jurisdiction));
      assert.deepEqual(g.links.map((l) => l.score), [...g.links.map((l) => l.score)].sort((a, b) => b - a));
    }
  } finally {
    done();
  }
});
