// A user's corrections of document metadata: written over the heuristics everywhere the engine
// answers or filters documents, marked as the user's, kept when the file is imported again and
// when the library is deleted and rebuilt (they live in user.db), and given back on a reset.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportJob } from '../../shared/api.ts';
import { EngineApi } from '../../electron/core/api/engine-api.ts';
import { EngineHost } from '../../electron/core/api/engine-host.ts';
import { openUserData } from '../../electron/core/annotations/index.ts';
import { SEEDS_DIR } from '../../electron/core/ingest/ingest-files.ts';
import { DATABASE_FILE, Library } from '../../electron/core/store/library.ts';
import { docByTitle, engineOver, FIXTURES, seededLibrary, tempDir } from '../helpers/library.ts';

const OUTLINE = '粤港澳大湾区发展规划纲要';

async function settle(engine: EngineApi, job: ImportJob): Promise<void> {
  await engine.importsIdle();
  const done = await engine.importProgress(job.id);
  assert.equal(done?.state, 'done', done?.error ?? '');
}

test('a correction is what the engine answers and filters by, marked as the user\'s; a reset gives the heuristics back', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  try {
    const doc = docByTitle(library, OUTLINE);
    assert.equal(doc.corrected, undefined);
    const corrected = await engine.correctDocument(doc.id, { date: '2019-02-18', issuer: '中共中央 国务院', jurisdiction: '广东省', level: 'province' });
    assert.deepEqual(corrected.corrected, ['issuer', 'jurisdiction', 'level', 'date']);
    assert.equal(corrected.date, '2019-02-18');
    const listed = (await engine.listDocuments()).find((d) => d.id === doc.id);
    assert.deepEqual(listed, corrected);
    assert.deepEqual((await engine.getDocument(doc.id))?.summary, corrected);
    // Search filters read the corrected rows.
    const inProvince = await engine.search('建立出口信用保险制度', { filters: { jurisdiction: '广东省', level: 'province' } });
    assert.ok(inProvince.hits.some((h) => h.docId === doc.id));
    const national = await engine.search('建立出口信用保险制度', { filters: { level: 'national' } });
    assert.ok(!national.hits.some((h) => h.docId === doc.id));

    // A new title reaches the clauses' citations.
    const renamed = await engine.correctDocument(doc.id, { title: '粤港澳大湾区发展规划纲要（2019）' });
    assert.deepEqual(renamed.corrected, ['title', 'issuer', 'jurisdiction', 'level', 'date']);
    const first = (await engine.getDocument(doc.id))?.clauses.find((c) => c.text.length > 0);
    assert.match(first?.citation ?? '', /^粤港澳大湾区发展规划纲要（2019） /);

    const reset = await engine.correctDocument(doc.id, { reset: ['title', 'issuer', 'jurisdiction', 'level', 'date'] });
    assert.deepEqual({ ...reset, corrected: reset.corrected ?? null }, { ...doc, corrected: null });
    assert.match((await engine.getDocument(doc.id))?.clauses.find((c) => c.text.length > 0)?.citation ?? '', /^粤港澳大湾区发展规划纲要 /);

    await assert.rejects(engine.correctDocument(doc.id, { date: '2019-02-30' }), /date: "2019-02-30" is not a date/);
    await assert.rejects(engine.correctDocument(doc.id, { title: '  ' }), /title: this field cannot be empty/);
    await assert.rejects(engine.correctDocument('0123456789ab', { date: '2019' }), /no document with id 0123456789ab/);
    assert.deepEqual((await engine.listDocuments()).find((d) => d.id === doc.id), doc);
  } finally {
    close();
    cleanup();
  }
});

test('a correction stays when its file is imported again, edited; a reset gives back what the heuristics say', async () => {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'measures.txt');
  copyFileSync(join(FIXTURES, '001-excerpt.utf8.txt'), file);
  const library = Library.open(join(dir, 'data'));
  const { engine, close } = engineOver(library, join(dir, 'data'));
  try {
    await settle(engine, await engine.importPaths([file]));
    const [doc] = await engine.listDocuments();
    assert.ok(doc);
    await engine.correctDocument(doc.id, { date: '2025-03-01', docNumber: '穗府办〔2025〕3号' });
    // Edited: a sentence added. The heuristics write their values again; the user's stay on top.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n本措施自印发之日起施行。\n`);
    const job = await engine.importPaths([file]);
    await settle(engine, job);
    assert.equal((await engine.importProgress(job.id))?.summary?.items[0]?.status, 'updated');
    const [after] = await engine.listDocuments();
    assert.equal(after?.id, doc.id);
    assert.equal(after.date, '2025-03-01');
    assert.equal(after.docNumber, '穗府办〔2025〕3号');
    assert.deepEqual(after.corrected, ['date', 'docNumber']);
    assert.ok(library.find('本措施自印发之日起施行').length > 0);
    // A reset gives back what the heuristics say of the file now.
    const reset = await engine.correctDocument(doc.id, { reset: ['date', 'docNumber'] });
    assert.equal(reset.date, doc.date);
    assert.equal(reset.docNumber, doc.docNumber);
  } finally {
    await engine.importsIdle();
    close();
    library.close();
    cleanup();
  }
});

test('corrections survive a deleted and rebuilt library: the app puts them back when it opens it', async () => {
  const { dir, cleanup } = tempDir();
  const workerUrl = new URL('../../electron/core/worker/seed-worker.ts', import.meta.url);
  try {
    const first = new EngineHost({ dataDir: dir, seedsDir: SEEDS_DIR, workerUrl });
    await first.start();
    const outline = (await first.listDocuments()).find((d) => d.title === OUTLINE);
    assert.ok(outline);
    await first.correctDocument(outline.id, { date: '2019-02-18', kind: 'notice' });
    first.close();
    for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(dir, f), { force: true });

    const second = new EngineHost({ dataDir: dir, seedsDir: SEEDS_DIR, workerUrl });
    await second.start();
    try {
      const again = (await second.listDocuments()).find((d) => d.id === outline.id);
      assert.equal(again?.date, '2019-02-18');
      assert.equal(again.kind, 'notice');
      assert.deepEqual(again.corrected, ['date', 'kind']);
      const notices = await second.search('建立出口信用保险制度', { filters: { kind: 'notice' } });
      assert.ok(notices.hits.some((h) => h.docId === outline.id));
    } finally {
      second.close();
    }
    // In user.db, by document id: the library file holds no trace of who corrected what.
    const { store } = openUserData(dir);
    try {
      assert.deepEqual(store.sql('SELECT doc_id, field, value FROM corrections ORDER BY field').all(), [
        { doc_id: outline.id, field: 'date', value: '2019-02-18' },
        { doc_id: outline.id, field: 'kind', value: 'notice' },
      ]);
    } finally {
      store.close();
    }
  } finally {
    cleanup();
  }
});

test('a corrected title is what the document index weighs: its words marked and boosted, the old ones no more', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, close } = engineOver(library, dir);
  try {
    const hitsOf = async (query: string, docId: string): Promise<{ score: number; marks: string[] }[]> => {
      const title = library.document(docId)?.title ?? '';
      const { hits } = await engine.search(query, { limit: 100 });
      return hits.filter((h) => h.docId === docId).map((h) => ({ score: h.score, marks: h.titleMarks.map(([a, b]) => title.slice(a, b)) }));
    };
    const best = (hits: { score: number }[]): number => Math.max(...hits.map((h) => h.score));
    // A title losing the words searched for.
    const dongguan = docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案');
    const before = await hitsOf('综合试验区', dongguan.id);
    assert.ok(before.length > 0 && before.every((h) => h.marks.join('').includes('综合试验区')), JSON.stringify(before));
    await engine.correctDocument(dongguan.id, { title: '东莞市外贸新业态实施方案' });
    const after = await hitsOf('综合试验区', dongguan.id);
    assert.equal(after.length, before.length);
    assert.deepEqual(after.flatMap((h) => h.marks), []);
    assert.ok(best(after) < best(before), `${best(after)} < ${best(before)}`);

    // A title gaining them.
    const news = docByTitle(library, '广东：支持深交所、广期所与港交所深化金融产品和服务合作');
    const plain = await hitsOf('数字贸易', news.id);
    assert.ok(plain.length > 0 && plain.every((h) => h.marks.length === 0), JSON.stringify(plain));
    await engine.correctDocument(news.id, { title: '广东推动数字贸易发展' });
    const named = await hitsOf('数字贸易', news.id);
    assert.ok(named.every((h) => h.marks.includes('数字贸易')), JSON.stringify(named));
    assert.ok(best(named) > best(plain), `${best(named)} > ${best(plain)}`);

    // The stored index holds the new titles: a searcher opened afresh (the next start) weighs them.
    const marks = library.openSearcher().search('数字贸易', { limit: 100 }).hits.filter((h) => h.docId === news.id).map((h) => h.titleMarks);
    assert.ok(marks.length > 0 && marks.every((m) => m.length > 0));
  } finally {
    close();
    cleanup();
  }
});
