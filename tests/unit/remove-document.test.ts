// Removing a document from the app: its clauses leave the library and search, its annotations
// stay, as orphans (never deleted), and the removal can be undone: the document comes back with
// its ids, its search entries and its corrections, and its annotations are placed again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseSnapshot } from '../../electron/core/annotations/index.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

test('a removed document leaves orphan annotations; restoring it places them again', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { engine, store, close } = engineOver(library, dir);
  try {
    const doc = docByTitle(library, '商务部等12部门关于推进商品交易市场发展平台经济的指导意见');
    const clause = library.documentView(doc.id)?.clauses.find((c) => c.text.length > 20);
    assert.ok(clause);
    const quote = clause.text.slice(4, 16);
    const made = store.create({ kind: 'highlight', color: 'green', targets: [{ clause: clauseSnapshot(library, clause.id), quote }] });
    await engine.createAnnotation({ kind: 'doc-note', docId: doc.id, note: null });
    await engine.correctDocument(doc.id, { date: '2019-02-13' });
    const before = library.revision();

    const removal = await engine.removeDocument(doc.id);
    assert.deepEqual(removal, { docId: doc.id, title: doc.title, annotations: 2 });
    assert.notEqual(library.revision(), before);
    assert.equal(await engine.getDocument(doc.id), null);
    assert.equal(await engine.getClause(clause.id), null);
    assert.ok(!(await engine.search(quote)).hits.some((h) => h.docId === doc.id));
    const orphans = await engine.listAnnotations({ docId: doc.id });
    assert.deepEqual(orphans.map((a) => [a.kind, a.status]), [['highlight', 'orphan'], ['doc-note', 'orphan']]);
    assert.equal(orphans[0]?.targets[0]?.quote.exact, quote);
    // Asked twice (a retried call), the answer is the same removal.
    assert.deepEqual(await engine.removeDocument(doc.id), removal);

    const back = await engine.restoreDocument(doc.id);
    assert.equal(back.date, '2019-02-13');
    assert.deepEqual(back.corrected, ['date']);
    assert.equal((await engine.getClause(clause.id))?.text, clause.text);
    assert.ok((await engine.search(`"${quote}"`)).hits.some((h) => h.clauseId === clause.id));
    const placed = await engine.listAnnotations({ docId: doc.id });
    assert.deepEqual(placed.map((a) => a.status), ['anchored', 'anchored']);
    assert.equal(placed[0]?.id, made.id);
    assert.equal(placed[0].targets[0]?.clauseId, clause.id);
    await assert.rejects(engine.restoreDocument('0123456789ab'), /was not removed in this session/);
  } finally {
    close();
    cleanup();
  }
});
