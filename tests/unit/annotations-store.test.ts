// The user-data store on real clause texts: create, read, update, trash and undo, tags, filters,
// counts, note search, validation that stores nothing, busy writers, and re-anchoring after an
// edited seed is imported again.

import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openUserData, USER_DATA_FILE } from '../../electron/core/annotations/open.ts';
import { reanchorDocument } from '../../electron/core/annotations/reanchor.ts';
import type { AnnotationStore } from '../../electron/core/annotations/store.ts';
import { noteFromText } from '../../shared/notes/index.ts';
import { tempDir } from '../helpers/library.ts';
import { replaceOnce, seedText, MEASURES_SEED } from '../fixtures/annotations-seeds.ts';
import { measuresDocument, snapshot } from '../fixtures/annotations-store.ts';

const doc = measuresDocument();
const talent = snapshot(doc, '便利专业人才跨境流动');
const capital = snapshot(doc, '促进资本要素双向便捷流动');
const note = (text: string): unknown => noteFromText(text).toJSON();
const rows = (store: AnnotationStore, table: string): number => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let dir: string;
let cleanup: () => void;
let store: AnnotationStore;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('clauseway-annotations-'));
  ({ store } = openUserData(dir));
});
afterEach(() => {
  store.close();
  cleanup();
});

describe('user data lives apart from the library', () => {
  test('its own file, with no reference into the corpus', () => {
    assert.ok(existsSync(join(dir, USER_DATA_FILE)));
    assert.ok(!existsSync(join(dir, 'clauseway.db')));
    const fks = store.db.prepare("SELECT m.name, f.\"table\" AS ref FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'").all() as { ref: string }[];
    assert.deepEqual([...new Set(fks.map((f) => f.ref))].sort(), ['annotations', 'brief_sections', 'briefs', 'tags']);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
  });
});

describe('annotations', () => {
  test('a highlight keeps clause id, quote with context, position, citation and document title', () => {
    const a = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '支持外国人才来穗创新创业' }], note: note('人才'), tags: ['人才', ' 南沙 '] });
    assert.match(a.id, /^[0-9a-f-]{36}$/);
    assert.equal(a.status, 'anchored');
    assert.equal(a.docTitle, doc.title);
    const [t] = a.targets;
    assert.ok(t);
    assert.equal(t.clauseId, talent.id);
    assert.equal(t.citation, talent.citation);
    assert.equal(talent.text.slice(t.position.start, t.position.end), '支持外国人才来穗创新创业');
    assert.equal(t.quote.prefix, talent.text.slice(t.position.start - 32, t.position.start));
    assert.deepEqual(a.tags, ['人才', '南沙']);
    assert.equal(a.noteText, '人才');
    assert.deepEqual(store.get(a.id), a);
  });

  test('a selection across two clauses is one annotation with a target per clause, in order', () => {
    const a = store.create({
      kind: 'highlight',
      color: 'green',
      targets: [
        { clause: talent, quote: talent.text.slice(-20), at: talent.text.length - 20 },
        { clause: capital, quote: capital.text.slice(0, 13), at: 0 },
      ],
    });
    assert.deepEqual(a.targets.map((t) => t.clauseId), [talent.id, capital.id]);
    assert.deepEqual(store.list({ clauseId: capital.id }).map((x) => x.id), [a.id]);
  });

  test('notes on a whole clause and on a whole document', () => {
    const c = store.create({ kind: 'clause-note', clause: capital, note: note('跨境理财通') });
    assert.equal(c.targets.length, 1);
    assert.equal(c.targets[0]?.quote.exact, capital.text.slice(0, 64));
    const d = store.create({ kind: 'doc-note', doc: { id: doc.id, title: doc.title }, note: note('总体评价') });
    assert.deepEqual(d.targets, []);
    assert.deepEqual(store.list({ docId: doc.id }).map((x) => x.kind).sort(), ['clause-note', 'doc-note']);
  });

  test('update recolours, rewrites the note and retags; unused tags disappear', () => {
    const a = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], tags: ['旧'] });
    const b = store.update(a.id, { color: 'pink', note: note('新的笔记'), tags: ['新'] }, new Date(Date.now() + 1000));
    assert.equal(b.color, 'pink');
    assert.equal(b.noteText, '新的笔记');
    assert.deepEqual(b.tags, ['新']);
    assert.ok(b.updated > a.updated);
    assert.deepEqual(store.tags(), [{ tag: '新', count: 1 }]);
    assert.equal(rows(store, 'tags'), 1);
    assert.throws(() => store.update(a.id, { color: null }), /keeps a colour/);
  });

  test('delete moves to the trash, restore undoes it, emptying the trash deletes for good', () => {
    const a = store.create({ kind: 'highlight', color: 'blue', targets: [{ clause: talent, quote: '人才' }], tags: ['t'] });
    store.delete(a.id);
    assert.deepEqual(store.list(), []);
    assert.deepEqual(store.list({ trash: true }).map((x) => x.id), [a.id]);
    assert.equal(store.counts().trash, 1);
    assert.deepEqual(store.restore(a.id), { ...a, deleted: null });
    store.delete(a.id);
    assert.equal(store.emptyTrash(), 1);
    assert.equal(store.get(a.id), null);
    assert.equal(rows(store, 'targets') + rows(store, 'annotation_tags') + rows(store, 'tags'), 0);
  });

  test('filters and counts: document set, tag, colour, status, kind', () => {
    store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], tags: ['人才'] });
    store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: capital, quote: '跨境理财通' }], tags: ['金融', '人才'] });
    store.create({ kind: 'highlight', color: 'green', targets: [{ clause: capital, quote: '绿色金融' }] });
    assert.equal(store.list({ color: 'yellow' }).length, 2);
    assert.equal(store.list({ tag: '金融' }).length, 1);
    assert.equal(store.list({ docIds: [doc.id, 'other'] }).length, 3);
    assert.equal(store.list({ docIds: [] }).length, 0);
    assert.equal(store.list({ status: 'orphan' }).length, 0);
    assert.equal(store.list({ kind: 'doc-note' }).length, 0);
    assert.equal(store.list({ limit: 2, offset: 2 }).length, 1);
    const counts = store.counts();
    assert.equal(counts.total, 3);
    assert.deepEqual(counts.byColor, { yellow: 2, green: 1, blue: 0, pink: 0, purple: 0, orange: 0 });
    assert.deepEqual(counts.byTag, [{ tag: '人才', count: 2 }, { tag: '金融', count: 1 }]);
  });

  test('note search folds Traditional to Simplified and full-width to half-width', () => {
    const a = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], note: note('对照 CEPA 服务贸易协议') });
    store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], note: note('别的内容') });
    assert.deepEqual(store.searchNotes('服務貿易').map((x) => x.id), [a.id]);
    assert.deepEqual(store.searchNotes('ｃｅｐａ').map((x) => x.id), [a.id]);
    assert.deepEqual(store.searchNotes('  '), []);
  });
});

describe('validation: a clear error, nothing stored', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['a colour not in the six', () => store.create({ kind: 'highlight', color: 'magenta' as 'yellow', targets: [{ clause: talent, quote: '人才' }] }), /"magenta" is not a highlight colour; use one of yellow, green, blue, pink, purple, orange/],
    ['an empty quote', () => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '' }] }), /the quote is empty/],
    ['a quote not in the clause', () => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '跨境理财通' }] }), new RegExp(`"跨境理财通" does not occur in clause ${talent.id}`)],
    ['a quote not at its offset', () => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才', at: 0 }] }), /does not occur at offset 0 of clause/],
    ['a note over the limit', () => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(10 * 1024 * 1024) }] }] } }), /the note is 10\.0 MB/],
    ['a broken note', () => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], note: { type: 'doc', content: 'x' } }), /not a valid note/],
    ['an empty tag', () => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], tags: [' '] }), /tag cannot be empty/],
    ['no target', () => store.create({ kind: 'highlight', color: 'yellow', targets: [] }), /at least one quote/],
    ['an id that is not a UUID', () => store.create({ id: 'x', kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] }), /must be a lower-case UUID/],
  ];
  for (const [what, run, message] of cases) {
    test(what, () => {
      assert.throws(run, message);
      assert.equal(rows(store, 'annotations') + rows(store, 'targets') + rows(store, 'tags'), 0);
    });
  }

  test('an update with a bad colour changes nothing', () => {
    const a = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }], note: note('原文') });
    assert.throws(() => store.update(a.id, { color: 'red' as 'yellow', note: note('改了') }), /"red" is not a highlight colour/);
    assert.deepEqual(store.get(a.id), a);
  });
});

describe('busy writers', () => {
  test('a write blocked by another process past the retries fails with a message, storing nothing', () => {
    store.close();
    ({ store } = openUserData(dir, { busyTimeoutMs: 20 }));
    const other = new Database(join(dir, USER_DATA_FILE));
    other.exec('BEGIN IMMEDIATE');
    try {
      assert.throws(() => store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] }), /the annotation was not saved: another Clauseway process kept the user data busy for [\d.]+ s; nothing was changed/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.equal(rows(store, 'annotations'), 0);
    store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] });
    assert.equal(rows(store, 'annotations'), 1);
  });
});

describe('re-anchoring after the seed is imported again with edits', () => {
  test('a sentence inserted, a measure deleted and the rest renumbered: placed, orphaned, never lost', () => {
    const keep = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '支持外国人才来穗创新创业' }] });
    const transport = snapshot(doc, '增强国际运输服务能力');
    const lost = store.create({ kind: 'highlight', color: 'pink', targets: [{ clause: transport, quote: '加快建设广州国际物流中心' }], tags: ['物流'] });
    const travel = snapshot(doc, '大力发展跨境旅行');
    const renumbered = store.create({ kind: 'clause-note', clause: travel, note: note('旅游') });
    const across = store.create({ kind: 'highlight', color: 'blue', targets: [{ clause: transport, quote: '精准拓展国际物流通道网络' }, { clause: travel, quote: '拓展外商投资旅行社从事出境旅游业务' }] });
    const docNote = store.create({ kind: 'doc-note', doc: { id: doc.id, title: doc.title }, note: note('整体') });

    let text = replaceOnce(seedText(MEASURES_SEED), '促进外国高端人才和专业人才引进。', '促进外国高端人才和专业人才引进。新设一站式人才服务窗口。');
    text = text.replace(/^\(九\)增强国际运输服务能力[^\n]*\n/m, '');
    const numbers = ['九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二'];
    for (let i = 1; i < numbers.length; i++) text = replaceOnce(text, `\n(${numbers[i] ?? ''})`, `\n(${numbers[i - 1] ?? ''})`);
    const edited = measuresDocument(text);
    assert.equal(edited.id, doc.id);
    const clauses = edited.clauses.map((c) => ({ id: c.id, text: c.text, citation: c.citation }));

    const report = reanchorDocument(store, doc.id, clauses, () => null);
    assert.equal(report.annotations, 5);
    assert.equal(report.targets, 5);
    assert.equal(report.orphaned, 2);
    assert.equal(report.moved, 3);
    assert.deepEqual(report.changed.map((c) => c.id).sort(), [lost.id, across.id].sort());

    const now = (id: string): NonNullable<ReturnType<AnnotationStore['get']>> => {
      const a = store.get(id);
      assert.ok(a);
      return a;
    };
    const k = now(keep.id).targets[0];
    assert.ok(k);
    const keptClause = edited.clauses.find((c) => c.id === k.clauseId);
    assert.equal(keptClause?.text.slice(k.position.start, k.position.end), '支持外国人才来穗创新创业');
    assert.equal(now(lost.id).status, 'orphan');
    assert.deepEqual(now(lost.id).targets[0]?.quote, lost.targets[0]?.quote, 'an orphan keeps its quote');
    assert.equal(now(lost.id).targets[0]?.citation, transport.citation, 'and its old citation');
    assert.deepEqual(now(lost.id).tags, ['物流']);
    const movedNote = now(renumbered.id).targets[0];
    assert.ok(movedNote);
    assert.notEqual(movedNote.clauseId, travel.id);
    const successor = edited.clauses.find((c) => c.id === movedNote.clauseId);
    assert.ok(successor && successor.text.startsWith('大力发展跨境旅行'));
    assert.equal(movedNote.citation, successor.citation, 'the citation snapshot follows the clause');
    assert.notEqual(successor.citation, travel.citation);
    const a = now(across.id);
    assert.equal(a.status, 'orphan');
    assert.deepEqual(a.targets.map((t) => t.status), ['orphan', 'anchored'], 'the placed half stays placed');
    assert.equal(now(docNote.id).status, 'anchored');
    assert.deepEqual(store.list({ status: 'orphan' }).map((x) => x.id).sort(), [lost.id, across.id].sort());

    // The original text imported again (a rebuilt library): everything is placed again.
    const back = reanchorDocument(store, doc.id, doc.clauses.map((c) => ({ id: c.id, text: c.text })), () => null);
    assert.equal(back.recovered, 2);
    assert.equal(store.list({ status: 'orphan' }).length, 0);
    assert.deepEqual(now(keep.id).targets, keep.targets);
    assert.equal(rows(store, 'annotations'), 5);
  });

  test('the corpus removed: every annotation of the document becomes an orphan, none is deleted', () => {
    store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] });
    store.create({ kind: 'doc-note', doc: { id: doc.id, title: doc.title }, note: note('整体') });
    const report = reanchorDocument(store, doc.id, [], () => null);
    assert.equal(report.orphaned, 1);
    assert.equal(store.list({ status: 'orphan' }).length, 2);
    assert.equal(rows(store, 'annotations'), 2);
  });
});
