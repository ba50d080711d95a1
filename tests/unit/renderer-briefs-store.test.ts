// The renderer's brief stores over the real engine and the seeds: the list (made, added to, the
// brief remembered, deleted and restored), and one brief being built: a move shown at once and
// then as the engine holds it, a refused move put back, writes landing in the order made, a new
// section read whole, grouping by document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Brief } from '../../shared/api.ts';
import { noteFromText } from '../../shared/notes/index.ts';
import { createBriefEditor } from '../../renderer/briefs/brief-store.ts';
import { createBriefs } from '../../renderer/briefs/briefs-store.ts';
import { createLastBrief } from '../../renderer/briefs/last-brief.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

const note = (text: string): Record<string, unknown> => noteFromText(text).toJSON() as Record<string, unknown>;
const order = (b: Brief | null): string[][] => (b?.sections ?? []).map((s) => s.items.map((i) => (i.kind === 'excerpt' ? (i.clauseId ?? '') : i.kind === 'heading' ? i.text : i.kind)));

function setup() {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  const clausesOf = (title: string) => (library.documentView(docByTitle(library, title).id)?.clauses ?? []).filter((c) => c.text.length > 20);
  const zhuhai = clausesOf('中国（珠海）跨境电子商务综合试验区实施方案');
  const dongguan = clausesOf('中国（东莞）跨境电子商务综合试验区实施方案');
  const storage = new Map<string, string>();
  const last = createLastBrief({ getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) });
  return {
    engine,
    zhuhai,
    dongguan,
    last,
    done: () => {
      close();
      cleanup();
    },
  };
}

test('the list: a brief made and added to comes first and is remembered; deleted, then restored', async () => {
  const { engine, zhuhai, last, done } = setup();
  try {
    const briefs = createBriefs(engine, last);
    await briefs.refresh();
    assert.deepEqual(briefs.get().list, []);
    const a = await briefs.create('珠海与东莞');
    const b = await briefs.create('跨境电商', '市商务局');
    assert.deepEqual(briefs.get().list?.map((x) => x.title), ['跨境电商', '珠海与东莞']);
    const [c1] = zhuhai;
    assert.ok(c1);
    const { added } = await briefs.add(a.id, [{ kind: 'clause', clauseId: c1.id }]);
    assert.equal(added.length, 1);
    assert.equal(last.get(), a.id, 'the brief added to is remembered');
    assert.deepEqual(briefs.get().list?.map((x) => [x.title, x.excerptCount]), [['珠海与东莞', 1], ['跨境电商', 0]]);
    assert.deepEqual(last.first(briefs.get().list ?? []).map((x) => x.id), [a.id, b.id]);
    const version = briefs.get().version;
    await briefs.remove(a.id);
    assert.deepEqual(briefs.get().list?.map((x) => x.id), [b.id]);
    assert.ok(briefs.get().version > version);
    await briefs.restore(a.id);
    await briefs.refresh();
    assert.deepEqual(briefs.get().list?.map((x) => x.id).sort(), [a.id, b.id].sort());
    assert.equal((await engine.getBrief(a.id))?.excerptCount, 1, 'restored with its excerpt');
  } finally {
    done();
  }
});

test('one brief: a move shows at once and then as the engine holds it; a refused move is put back', async () => {
  const { engine, zhuhai, dongguan, last, done } = setup();
  try {
    const briefs = createBriefs(engine, last);
    const brief = await briefs.create('对照');
    const told: Brief[] = [];
    const editor = createBriefEditor(engine, engine, brief.id, (b) => told.push(b));
    await editor.load();
    assert.deepEqual(order(editor.get().brief), [[]]);
    const [z1, z2] = zhuhai;
    const [d1] = dongguan;
    assert.ok(z1 && z2 && d1);
    const ids = await editor.add([
      { kind: 'clause', clauseId: z1.id },
      { kind: 'clause', clauseId: d1.id },
      { kind: 'text', note: note('两地对照') },
    ]);
    assert.equal(ids.length, 3);
    assert.deepEqual(order(editor.get().brief), [[z1.id, d1.id, 'text']]);
    const sectionId = editor.get().brief?.sections[0]?.id ?? '';

    // The paragraph to the top: shown before the engine answers, then confirmed.
    const moving = editor.move(ids[2] ?? '', { sectionId, index: 0 });
    assert.deepEqual(order(editor.get().brief), [['text', z1.id, d1.id]], 'shown at once');
    await moving;
    assert.deepEqual(order(await engine.getBrief(brief.id)), [['text', z1.id, d1.id]]);
    assert.deepEqual(order(editor.get().brief), [['text', z1.id, d1.id]]);

    // A move the engine refuses (to a section that is not there): what it holds is shown again.
    const refused = editor.move(ids[0] ?? '', { sectionId: crypto.randomUUID(), index: 0 });
    await assert.rejects(refused);
    assert.deepEqual(order(editor.get().brief), [['text', z1.id, d1.id]]);

    // Writes land in the order they were made: the last words of a paragraph win.
    const saves = [editor.updateItem(ids[2] ?? '', { note: note('第一稿') }), editor.updateItem(ids[2] ?? '', { note: note('第二稿') })];
    await Promise.all(saves);
    const text = (await engine.getBrief(brief.id))?.sections[0]?.items[0];
    assert.equal(text?.kind === 'text' ? JSON.stringify(text.note).includes('第二稿') : false, true);

    // A new section is read whole; a subheading goes into it; grouping by document.
    await editor.addSection('附');
    assert.equal(editor.get().brief?.sections.length, 2);
    const second = editor.get().brief?.sections[1]?.id ?? '';
    await editor.add([{ kind: 'heading', text: '备注' }, { kind: 'clause', clauseId: z2.id }], { sectionId: second });
    assert.deepEqual(order(editor.get().brief), [['text', z1.id, d1.id], ['备注', z2.id]]);
    await editor.group('document');
    const grouped = editor.get().brief;
    const headings = grouped?.sections.map((s) => s.heading) ?? [];
    assert.ok(headings.some((h) => h.includes('珠海')) && headings.some((h) => h.includes('东莞')), `sections by document: ${headings.join(' | ')}`);
    assert.deepEqual(order(grouped), order(await engine.getBrief(brief.id)));
    assert.equal(told.at(-1), grouped, 'the list hears of every brief the engine answers with');
  } finally {
    done();
  }
});
