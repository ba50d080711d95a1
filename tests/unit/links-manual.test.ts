// Manual links (issue 13) are user data: made through the API, kept in user.db, placed again by
// clause-id continuity when a file is imported again edited (tests/helpers/seed-edits.ts), kept as
// orphans when a side is gone and placed again when it comes back, exported and imported with the
// annotations' JSON-LD.

import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportAnnotations, importAnnotations, ManualLinks, openUserData, reanchorDocuments, type AnnotationStore } from '../../electron/core/annotations/index.ts';
import type { EngineApi } from '../../electron/core/api/engine-api.ts';
import { ingestFile, ingestSeeds } from '../../electron/core/ingest/ingest-files.ts';
import { updateLinks } from '../../electron/core/links/index.ts';
import { Library } from '../../electron/core/store/library.ts';
import { docByTitle, engineOver, SEEDS, tempDir } from '../helpers/library.ts';
import { resolveRef } from '../helpers/links-score.ts';
import { editSeed001, SEED_001 } from '../helpers/seed-edits.ts';

let dir: string;
let cleanup: () => void;
let library: Library;
let store: AnnotationStore;
let engine: EngineApi;
let close: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  library = Library.open(dir);
  ingestSeeds(library);
  updateLinks(library);
  ({ engine, store, close } = engineOver(library, dir));
});
afterEach(() => {
  close();
  library.close();
  cleanup();
});

const GZ2025 = '广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施';
const OUTLINE = '粤港澳大湾区发展规划纲要';
const clauseOf = (doc: string, label: string): string => resolveRef(library, { doc, label });
/** The seed 001 clause that begins with `words`. */
function holding(words: string): string {
  const doc = docByTitle(library, GZ2025);
  const hits = library.find(words).filter((h) => h.docId === doc.id && h.text.startsWith(words));
  assert.equal(hits.length, 1, words);
  return hits[0]?.id ?? '';
}

test('a link made through the API comes first among the clause\'s links, on both sides, and is counted', async () => {
  const a = clauseOf(GZ2025, '四（十四）');
  const b = clauseOf(OUTLINE, '第五章 第二节');
  const { id } = await engine.createLink({ a, b, why: '电子签名互认' });
  assert.deepEqual(await engine.createLink({ a: b, b: a }), { id }, 'the same two clauses are one link');
  for (const [here, there] of [[a, b], [b, a]] as const) {
    const [first] = (await engine.clauseLinks({ clauseId: here })).links;
    assert.ok(first);
    assert.equal(first.kind, 'manual');
    assert.equal(first.clauseId, there);
    assert.equal(first.manualId, id);
    assert.equal(first.why, '电子签名互认');
    assert.equal(first.status, 'anchored');
    assert.ok(first.evidence.terms.some((t) => t.includes('电子签名')), 'the shared words are marked too');
  }
  const counts = (await engine.linkCounts({ docId: library.clause(a)?.docId ?? '' })).counts;
  assert.ok((counts[a] ?? 0) >= 1);
  await assert.rejects(engine.createLink({ a, b: a }), /cannot be linked to itself/);
  await assert.rejects(engine.createLink({ a, b: 'e0c27ddd9163-0000000000' }), /no clause with id e0c27ddd9163-0000000000/);
  assert.deepEqual(await engine.deleteLink({ id }), { id, deleted: true });
  assert.deepEqual(await engine.deleteLink({ id }), { id, deleted: false });
  assert.ok(!(await engine.clauseLinks({ clauseId: a })).links.some((l) => l.kind === 'manual'));
});

/** The text of item (label) of seed 001 as the file prints it, without its label. */
function item(label: string): string {
  const line = readFileSync(join(SEEDS, SEED_001), 'utf8').split('\n').find((l) => l.startsWith(`(${label})`));
  assert.ok(line, `seed 001 prints (${label})`);
  return line.slice(label.length + 2);
}

test('an edited file imported again: links follow their clauses, an end whose clause was deleted is an orphan, kept', async () => {
  const outline = clauseOf(OUTLINE, '第六章 第三节');
  // (五) gets a sentence; (十) is merged into (九); (七) is deleted; every item after is renumbered.
  const five = holding(item('五').slice(0, 20));
  const ten = holding(item('十').slice(0, 20));
  const seven = holding(item('七').slice(0, 20));
  const made = await Promise.all([five, ten, seven].map((a) => engine.createLink({ a, b: outline, why: `from ${a}` })));
  const file = join(dir, SEED_001);
  writeFileSync(file, editSeed001().text);
  const outcome = ingestFile(library, file, { key: `seeds/${SEED_001}` });
  assert.equal(outcome.status, 'updated');
  updateLinks(library);
  reanchorDocuments(store, library, outcome.docIds);

  const links = new ManualLinks(store);
  const [l5, l10, l7] = made.map(({ id }) => links.get(id));
  assert.ok(l5 && l10 && l7, 'no link is lost');
  assert.equal(l5.status, 'anchored');
  assert.equal(l5.ends[0].clauseId, five, '(五) keeps its id, and its link');
  assert.ok(l5.ends[0].text.includes(editSeed001().inserted), 'the end holds the clause as it reads now');
  assert.equal(l10.status, 'anchored');
  const merged = library.clause(l10.ends[0].clauseId);
  assert.ok(merged?.text.includes(item('十').slice(0, 20)) && merged.text.includes(item('九').slice(0, 20)), '(十)\'s link went with its text into the merged item');
  assert.equal(l7.status, 'orphan', 'the deleted item\'s link is an orphan');
  assert.equal(l7.ends[0].status, 'orphan');
  assert.equal(l7.ends[0].clauseId, seven);
  assert.ok(l7.ends[0].text.startsWith(item('七').slice(0, 20)), 'and keeps the words it was made on');
  assert.equal(l7.why, `from ${seven}`);
  // From the other side, the orphan is listed with what it was made on.
  const fromOutline = (await engine.clauseLinks({ clauseId: outline })).links.filter((l) => l.kind === 'manual');
  assert.equal(fromOutline.length, 3);
  assert.equal(fromOutline.find((l) => l.manualId === l7.id)?.status, 'orphan');
});

test('a removed document leaves its links orphans; brought back, they are placed again', async () => {
  const a = clauseOf(GZ2025, '四（十四）');
  const b = clauseOf(OUTLINE, '第五章 第二节');
  const { id } = await engine.createLink({ a, b });
  const outline = docByTitle(library, OUTLINE);
  assert.ok(library.removeDocument(outline.id));
  updateLinks(library);
  reanchorDocuments(store, library, [outline.id]);
  const links = new ManualLinks(store);
  assert.equal(links.get(id)?.status, 'orphan');
  const [shown] = (await engine.clauseLinks({ clauseId: a })).links;
  assert.ok(shown);
  assert.equal(shown.status, 'orphan');
  assert.equal(shown.clauseId, b);
  assert.equal(shown.docTitle, OUTLINE);
  // The same file imported again: the Outline and its clause ids come back, and so does the link.
  library.db.prepare("DELETE FROM sources WHERE key = 'seeds/004_02dc7fb0eb02e0f1.txt'").run();
  const outcomes = ingestSeeds(library);
  updateLinks(library);
  reanchorDocuments(store, library, outcomes.flatMap((o) => o.docIds));
  assert.equal(links.get(id)?.status, 'anchored');
  assert.equal(links.get(id)?.ends[1].clauseId, b);
});

test('links are exported and imported with the annotations (JSON-LD), and survive a reopening', async () => {
  const a = clauseOf(GZ2025, '四（十四）');
  const b = clauseOf(OUTLINE, '第五章 第二节');
  const { id } = await engine.createLink({ a, b, why: '电子签名互认' });
  const file = join(dir, 'export.jsonld');
  exportAnnotations(store, file);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { first: { items: { id: string; motivation: string; target: { source: string }[] }[] } };
  const item = json.first.items.find((i) => i.id === `urn:uuid:${id}`);
  assert.ok(item);
  assert.equal(item.motivation, 'linking');
  assert.deepEqual(item.target.map((t) => t.source), [`clauseway://c/${a}`, `clauseway://c/${b}`]);

  const other = tempDir();
  try {
    const fresh = openUserData(other.dir).store;
    try {
      const report = importAnnotations(fresh, file);
      assert.equal(report.added, 1);
      assert.equal(importAnnotations(fresh, file).unchanged, 1, 'importing again adds nothing');
      const back = new ManualLinks(fresh).get(id);
      assert.ok(back);
      assert.equal(back.why, '电子签名互认');
      assert.deepEqual(back.ends.map((e) => e.clauseId), [a, b]);
    } finally {
      fresh.close();
    }
    const reopened = openUserData(other.dir).store;
    assert.equal(new ManualLinks(reopened).list().length, 1);
    reopened.close();
  } finally {
    other.cleanup();
  }
});
