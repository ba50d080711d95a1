// Briefs as user data, through the engine's API over the real seeds: what an excerpt quotes and
// cites, ordering, sections, grouping, the trash, refusals that store nothing, excerpts whose
// clause a re-import changed or removed, and briefs in backups and in the JSON-LD export.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Brief, BriefExcerpt, BriefItem, NoteJSON } from '../../shared/api.ts';
import type { EngineApi } from '../../electron/core/api/engine-api.ts';
import { backupUserData, exportAnnotations, importAnnotations, openUserData, type AnnotationStore } from '../../electron/core/annotations/index.ts';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docByTitle, engineOver, seededLibrary, tempDir } from '../helpers/library.ts';
import { editSeed001, SEED_001 } from '../helpers/seed-edits.ts';

let library: Library;
let dir: string;
let cleanup: () => void;
let engine: EngineApi;
let store: AnnotationStore;
let close: () => void;

before(() => {
  ({ library, dir, cleanup } = seededLibrary());
  ({ engine, store, close } = engineOver(library, dir));
});
after(() => {
  close();
  cleanup();
});

const note = (text: string): NoteJSON => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const excerpts = (b: Brief): BriefExcerpt[] => b.sections.flatMap((s) => s.items).filter((x): x is BriefExcerpt => x.kind === 'excerpt');
const kinds = (items: readonly BriefItem[]): string[] => items.map((x) => (x.kind === 'excerpt' ? `excerpt:${x.citation.docTitle.slice(0, 6)}` : x.kind));

function clausesOf(title: string, n: number, from = 0): { id: string; text: string; citation: string }[] {
  const doc = docByTitle(library, title);
  return library.clauseTexts(doc.id).filter((c) => c.text.length > 40).slice(from, from + n);
}

const OUTLINE = '粤港澳大湾区发展规划纲要';
const GZ_FINANCE = '广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见';
const ZHUHAI = '中国（珠海）跨境电子商务综合试验区实施方案';

test('an excerpt quotes the clause or the words chosen, and cites title, issuer, date, number and label', async () => {
  const brief = await engine.createBrief({ title: '  大湾区   金融合作  ', subtitle: '供会议参阅' });
  assert.equal(brief.title, '大湾区 金融合作');
  const [whole, part] = clausesOf('广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知', 2);
  assert.ok(whole && part);
  const words = part.text.slice(5, 25);
  const { brief: b, added } = await engine.addToBrief(brief.id, [
    { kind: 'clause', clauseId: whole.id },
    { kind: 'clause', clauseId: part.id, quote: words, color: 'green', note: note('重点') },
  ]);
  assert.equal(added.length, 2);
  const [x, y] = excerpts(b);
  assert.ok(x && y);
  assert.equal(x.quote, whole.text);
  assert.equal(x.wholeClause, true);
  assert.equal(y.quote, words);
  assert.equal(y.color, 'green');
  assert.deepEqual(y.note, note('重点'));
  assert.equal(x.citation.issuer, '广东省人民政府');
  assert.equal(x.citation.docNumber, '粤府函〔2019〕31号');
  assert.equal(x.citation.date, '2019-02-03');
  assert.equal(x.citation.text, whole.citation);
  assert.ok(x.citation.text.endsWith(x.citation.label) && x.citation.label !== '');
  assert.equal(x.link, `clauseway://c/${whole.id}`);
  assert.equal(x.status, 'current');
  // The Outline's clauses cite their chapter and section.
  const deep = library.clauseTexts(docByTitle(library, OUTLINE).id).find((c) => c.citation.includes('第六章 第三节'));
  assert.ok(deep);
  const r = await engine.addToBrief(brief.id, [{ kind: 'clause', clauseId: deep.id }]);
  assert.match(excerpts(r.brief)[2]?.citation.text ?? '', /^粤港澳大湾区发展规划纲要 第六章 第三节/);
});

test('annotations come with their words, colour and note; a filter adds every annotation it selects', async () => {
  const [a, b, c] = clausesOf(GZ_FINANCE, 3);
  assert.ok(a && b && c);
  const hl = await engine.createAnnotation({ kind: 'highlight', color: 'yellow', targets: [{ clauseId: a.id, quote: a.text.slice(0, 12) }], note: note('与纲要呼应'), tags: ['绿色金融'] });
  const onClause = await engine.createAnnotation({ kind: 'clause-note', clauseId: b.id, note: note('整条关注') });
  await engine.createAnnotation({ kind: 'highlight', color: 'yellow', targets: [{ clauseId: c.id, quote: c.text.slice(2, 10) }], tags: ['绿色金融'] });
  await engine.createAnnotation({ kind: 'highlight', color: 'blue', targets: [{ clauseId: c.id, quote: c.text.slice(0, 4) }], tags: ['绿色金融'] });
  const brief = await engine.createBrief({ title: '绿色金融' });
  const { brief: got } = await engine.addToBrief(brief.id, [
    { kind: 'annotation', annotationId: hl.id },
    { kind: 'annotation', annotationId: onClause.id },
    { kind: 'annotations', query: { color: 'yellow', tag: '绿色金融' } },
  ]);
  const [x, y, ...filtered] = excerpts(got);
  assert.ok(x && y);
  assert.equal(x.quote, a.text.slice(0, 12));
  assert.equal(x.annotationId, hl.id);
  assert.deepEqual(x.note, note('与纲要呼应'));
  assert.equal(y.wholeClause, true);
  assert.equal(y.quote, b.text);
  assert.deepEqual(filtered.map((f) => f.quote), [a.text.slice(0, 12), c.text.slice(2, 10)], 'the yellow ones tagged 绿色金融, in order');
});

test('items go where they are put; they move within and across sections, and sections move and merge', async () => {
  const brief = await engine.createBrief({ title: '顺序' });
  const [c1, c2] = clausesOf(OUTLINE, 2);
  assert.ok(c1 && c2);
  const first = brief.sections[0]?.id ?? '';
  const { added: [e1 = '', e2 = ''] } = await engine.addToBrief(brief.id, [{ kind: 'clause', clauseId: c1.id }, { kind: 'clause', clauseId: c2.id }]);
  const { added: [h = ''] } = await engine.addToBrief(brief.id, [{ kind: 'heading', text: '背景' }], { index: 0 });
  const { added: [t = ''] } = await engine.addToBrief(brief.id, [{ kind: 'text', note: note('小结') }], { sectionId: first, index: 2 });
  let b = (await engine.getBrief(brief.id)) ?? brief;
  assert.deepEqual(b.sections[0]?.items.map((x) => x.id), [h, e1, t, e2]);
  const second = await engine.addBriefSection(brief.id, '地方落实', 1);
  b = await engine.moveBriefItem(brief.id, e2, { sectionId: second.id, index: 0 });
  b = await engine.moveBriefItem(brief.id, t, { index: 0 });
  assert.deepEqual(b.sections.map((s) => s.items.map((x) => x.id)), [[t, h, e1], [e2]]);
  b = await engine.moveBriefSection(brief.id, second.id, 0);
  assert.deepEqual(b.sections.map((s) => s.heading), ['地方落实', '']);
  b = await engine.removeBriefSection(brief.id, second.id);
  assert.deepEqual(b.sections.map((s) => s.items.map((x) => x.id)), [[e2, t, h, e1]], 'the first section\'s items join the one after it');
  b = await engine.removeBriefItem(brief.id, h);
  b = await engine.removeBriefItem(brief.id, h);
  assert.equal(b.sections[0]?.items.length, 3);
  b = await engine.updateBriefItem(brief.id, t, { note: note('新的小结') });
  assert.deepEqual(b.sections[0]?.items.find((x) => x.id === t), { kind: 'text', id: t, note: note('新的小结') });
  await assert.rejects(engine.updateBriefItem(brief.id, t, { text: '标题' }), /only a heading has text/);
  const only = b.sections[0];
  assert.ok(only);
  await assert.rejects(engine.removeBriefSection(brief.id, only.id), /at least one section/);
});

test('grouping by jurisdiction puts national first, then province, then cities; text travels with its excerpt', async () => {
  const brief = await engine.createBrief({ title: '分组' });
  const [zh] = clausesOf(ZHUHAI, 1);
  const [gd] = clausesOf('广东省人民政府关于印发支持自由贸易试验区深化改革创新若干措施分工方案的通知', 1);
  const [nat] = clausesOf(OUTLINE, 1);
  const [gz] = clausesOf(GZ_FINANCE, 1);
  assert.ok(zh && gd && nat && gz);
  await engine.addToBrief(brief.id, [
    { kind: 'text', note: note('导语') },
    { kind: 'clause', clauseId: zh.id }, { kind: 'text', note: note('珠海的说明') },
    { kind: 'clause', clauseId: gd.id }, { kind: 'clause', clauseId: nat.id }, { kind: 'clause', clauseId: gz.id },
  ]);
  const byPlace = await engine.groupBrief(brief.id, 'jurisdiction');
  assert.deepEqual(byPlace.sections.map((s) => s.heading), ['', '全国', '广东省', '珠海市', '广州市']);
  assert.deepEqual(kinds(byPlace.sections[3]?.items ?? []), ['excerpt:中国（珠海）', 'text']);
  assert.deepEqual(kinds(byPlace.sections[0]?.items ?? []), ['text']);
  // By document, in the order the excerpts stand now (the grouping by jurisdiction's).
  const byDoc = await engine.groupBrief(brief.id, 'document');
  const titles = excerpts(byPlace).map((x) => x.citation.docTitle);
  assert.deepEqual(byDoc.sections.slice(1).map((s) => s.heading), titles);
  assert.equal(titles[0], OUTLINE);
  assert.equal(excerpts(byDoc).length, 4);
});

test('a brief goes to the trash and comes back; emptying the trash deletes it for good', async () => {
  const brief = await engine.createBrief({ title: '待删除' });
  await engine.deleteBrief(brief.id);
  assert.ok(!(await engine.listBriefs()).some((b) => b.id === brief.id));
  assert.ok((await engine.listBriefs({ trash: true })).some((b) => b.id === brief.id));
  assert.equal((await engine.restoreBrief(brief.id)).deleted, null);
  await engine.deleteBrief(brief.id);
  assert.ok((await engine.emptyBriefTrash()) >= 1);
  assert.equal(await engine.getBrief(brief.id), null);
});

test('a refused addition stores nothing and names what was wrong', async () => {
  const brief = await engine.createBrief({ title: '拒绝' });
  const [c] = clausesOf(OUTLINE, 1);
  assert.ok(c);
  const before = JSON.stringify(await engine.getBrief(brief.id));
  await assert.rejects(
    engine.addToBrief(brief.id, [{ kind: 'clause', clauseId: c.id }, { kind: 'clause', clauseId: c.id, quote: '并不存在的一句话' }]),
    new RegExp(`the quote "并不存在的一句话" does not occur in clause ${c.id}`),
  );
  await assert.rejects(engine.addToBrief(brief.id, [{ kind: 'text', note: { type: 'doc', content: [{ type: 'image' }] } }]), /not a valid note/);
  await assert.rejects(engine.addToBrief(brief.id, [{ kind: 'clause', clauseId: 'ffffffffffff-ffffffffff' }]), /no clause with id ffffffffffff-ffffffffff/);
  assert.equal(JSON.stringify(await engine.getBrief(brief.id)), before);
  await assert.rejects(engine.updateBrief(brief.id, { title: '  ' }), /a brief needs a title/);
});

test('briefs are in the verified backup and in the JSON-LD export; importing it twice adds them once', async () => {
  const brief = await engine.createBrief({ title: '备份与导出', subtitle: '呈：办公室' });
  const [c] = clausesOf(ZHUHAI, 1);
  assert.ok(c);
  await engine.addToBrief(brief.id, [{ kind: 'clause', clauseId: c.id, quote: c.text.slice(0, 10), color: 'pink' }, { kind: 'heading', text: '附' }]);
  const copy = backupUserData(store);
  const db = new Database(copy, { readonly: true });
  try {
    assert.equal((db.prepare('SELECT count(*) AS n FROM brief_items i JOIN brief_sections s ON s.id = i.section_id WHERE s.brief_id = ?').get(brief.id) as { n: number }).n, 2);
  } finally {
    db.close();
  }
  const file = join(dir, 'user-data.jsonld');
  exportAnnotations(store, file);
  const other = tempDir();
  const { store: fresh } = openUserData(other.dir);
  try {
    const first = importAnnotations(fresh, file);
    assert.ok(first.briefs.added >= 1);
    assert.deepEqual(first.briefs.skipped, []);
    const again = importAnnotations(fresh, file);
    assert.equal(again.briefs.added, 0);
    assert.equal(again.briefs.unchanged, first.briefs.added);
    const { engine: there, close: closeThere } = engineOver(library, other.dir);
    try {
      assert.deepEqual(await there.getBrief(brief.id), await engine.getBrief(brief.id));
    } finally {
      closeThere();
    }
  } finally {
    fresh.close();
    other.cleanup();
  }
});

test('after a re-import an excerpt keeps its words and citation and says whether its clause moved, changed or went', async () => {
  const key = `seeds/${SEED_001}`;
  const docId = library.listDocuments().find((d) => d.source === key)?.id ?? '';
  const clauses = library.documentView(docId)?.clauses ?? [];
  const byLabel = (label: string): { id: string; text: string } => {
    const c = clauses.find((x) => x.label === label);
    assert.ok(c, `seed 001 has ${label}`);
    return c;
  };
  const edit = editSeed001();
  const [five, seven, nine, ten, three] = [byLabel('(五)'), byLabel('(七)'), byLabel('(九)'), byLabel('(十)'), byLabel('(三)')];
  const brief = await engine.createBrief({ title: '重新导入' });
  await engine.addToBrief(brief.id, [
    { kind: 'clause', clauseId: five.id },
    { kind: 'clause', clauseId: seven.id },
    { kind: 'clause', clauseId: nine.id, quote: nine.text.slice(-20) },
    { kind: 'clause', clauseId: ten.id, quote: ten.text.slice(-20) },
    { kind: 'clause', clauseId: three.id, quote: three.text.slice(0, 15) },
  ]);
  const file = join(dir, SEED_001);
  writeFileSync(file, edit.text);
  assert.equal(ingestFile(library, file, { key }).status, 'updated');
  const b = await engine.getBrief(brief.id);
  assert.ok(b);
  const [x5, x7, x9, x10, x3] = excerpts(b);
  assert.ok(x5 && x7 && x9 && x10 && x3);
  assert.deepEqual([x5.status, x7.status, x3.status], ['changed', 'removed', 'current']);
  assert.equal(x5.quote, five.text, 'the words as they were when added');
  assert.equal(x7.quote, seven.text);
  // (九) and (十) are one item now: one keeps its id, the other's words are found in it.
  assert.deepEqual([x9.status, x10.status].sort(), ['current', 'moved']);
  const moved = x9.status === 'moved' ? x9 : x10;
  const merged = library.clause(moved.currentClauseId ?? '');
  assert.ok(merged);
  assert.ok(merged.text.includes(moved.quote));
  assert.equal(moved.link, `clauseway://c/${merged.id}`);
  const md = await engine.exportBrief({ id: brief.id, format: 'md' });
  const text = Buffer.from(md.base64 ?? '', 'base64').toString('utf8');
  assert.ok(text.includes('该条款已不在文库中'));
  assert.ok(text.includes('该条款文字已修改'));
});
