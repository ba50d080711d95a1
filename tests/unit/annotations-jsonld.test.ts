// Export and import as W3C Web Annotation JSON-LD: the shape other tools read, a round trip that
// loses nothing, an import that is idempotent, bad files refused with the file named.

import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNO_CONTEXT, exportAnnotations, importAnnotations } from '../../electron/core/annotations/jsonld.ts';
import { openUserData } from '../../electron/core/annotations/open.ts';
import type { AnnotationStore } from '../../electron/core/annotations/store.ts';
import { noteSchema as s } from '../../shared/notes/index.ts';
import { tempDir } from '../helpers/library.ts';
import { measuresDocument, snapshot } from '../fixtures/annotations-store.ts';

const doc = measuresDocument();
const talent = snapshot(doc, '便利专业人才跨境流动');
const capital = snapshot(doc, '促进资本要素双向便捷流动');

let dir: string;
let cleanup: () => void;
let store: AnnotationStore;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('clauseway-jsonld-'));
  ({ store } = openUserData(join(dir, 'a')));
});
afterEach(() => {
  store.close();
  cleanup();
});

function fill(target: AnnotationStore): void {
  const note = s.node('doc', null, [
    s.node('paragraph', null, [s.text('重点 ', [s.mark('strong')]), s.text('见', [s.mark('em')]), s.text('资本要素', [s.mark('clause_link', { clauseId: capital.id })])]),
    s.node('bullet_list', null, [s.node('list_item', null, [s.node('paragraph', null, [s.text('<人才> & 资格')])])]),
  ]);
  target.create({ kind: 'highlight', color: 'purple', targets: [{ clause: talent, quote: '支持外国人才来穗创新创业' }], note: note.toJSON(), tags: ['人才', '南沙'] });
  target.create({ kind: 'highlight', color: 'orange', targets: [{ clause: talent, quote: talent.text.slice(-12), at: talent.text.length - 12 }, { clause: capital, quote: capital.text.slice(0, 9), at: 0 }] });
  target.create({ kind: 'clause-note', clause: capital, note: s.node('doc', null, [s.node('paragraph', null, [s.text('跨境理财通')])]).toJSON() });
  target.create({ kind: 'doc-note', doc: { id: doc.id, title: doc.title }, note: s.node('doc', null, [s.node('paragraph', null, [s.text('总体')])]).toJSON(), tags: ['总览'] });
  const trashed = target.create({ kind: 'highlight', color: 'green', targets: [{ clause: capital, quote: '绿色金融' }] });
  target.delete(trashed.id);
}

const everything = (st: AnnotationStore): unknown => [...st.list(), ...st.list({ trash: true })].sort((a, b) => a.id.localeCompare(b.id));

test('an export is a W3C AnnotationCollection: clause sources, quote and position selectors, bodies', () => {
  fill(store);
  const file = join(dir, 'out.jsonld');
  assert.deepEqual(exportAnnotations(store, file), { file, count: 5 });
  const json = JSON.parse(readFileSync(file, 'utf8')) as { '@context': string; type: string; total: number; first: { type: string; items: Record<string, unknown>[] } };
  assert.equal(json['@context'], ANNO_CONTEXT);
  assert.equal(json.type, 'AnnotationCollection');
  assert.equal(json.first.type, 'AnnotationPage');
  assert.equal(json.total, 5);
  const first = json.first.items.find((i) => i['clauseway:color'] === 'purple');
  assert.ok(first);
  assert.match(String(first['id']), /^urn:uuid:[0-9a-f-]{36}$/);
  assert.equal(first['motivation'], 'highlighting');
  const [target] = first['target'] as { source: string; selector: { type: string; exact?: string; start?: number }[] }[];
  assert.equal(target?.source, `clauseway://c/${talent.id}`);
  assert.deepEqual(target.selector.map((x) => x.type), ['TextQuoteSelector', 'TextPositionSelector']);
  assert.equal(target.selector[0]?.exact, '支持外国人才来穗创新创业');
  const bodies = first['body'] as { purpose: string; format?: string; value: string }[];
  assert.deepEqual(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['人才', '南沙']);
  const html = bodies.find((b) => b.purpose === 'commenting');
  assert.equal(html?.format, 'text/html');
  assert.ok(html.value.includes('&lt;人才&gt; &amp; 资格'));
  assert.ok(html.value.includes(`data-clause-id="${capital.id}"`));
  const docNote = json.first.items.find((i) => i['clauseway:kind'] === 'doc-note');
  assert.deepEqual(docNote?.['target'], [{ source: `clauseway://d/${doc.id}` }]);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
});

test('a round trip loses nothing, the trash included; importing twice adds nothing', () => {
  fill(store);
  const file = join(dir, 'out.jsonld');
  exportAnnotations(store, file);
  const { store: other } = openUserData(join(dir, 'b'));
  try {
    const first = importAnnotations(other, file);
    assert.deepEqual({ ...first, skipped: first.skipped.length }, { file, added: 5, updated: 0, unchanged: 0, skipped: 0, docIds: [doc.id], briefs: { added: 0, updated: 0, unchanged: 0, skipped: [] } });
    assert.deepEqual(everything(other), everything(store));
    const again = importAnnotations(other, file);
    assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 5]);
    assert.deepEqual(everything(other), everything(store));
    const file2 = join(dir, 'again.jsonld');
    exportAnnotations(other, file2, new Date(0));
    exportAnnotations(store, file, new Date(0));
    assert.equal(readFileSync(file2, 'utf8'), readFileSync(file, 'utf8'));
  } finally {
    other.close();
  }
});

test('a newer copy of an annotation replaces the older one; an older copy is ignored', () => {
  const a = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] });
  const file = join(dir, 'out.jsonld');
  exportAnnotations(store, file);
  store.update(a.id, { color: 'blue' }, new Date(Date.parse(a.updated) + 5000));
  assert.equal(importAnnotations(store, file).unchanged, 1);
  assert.equal(store.get(a.id)?.color, 'blue');
  const newer = join(dir, 'newer.jsonld');
  exportAnnotations(store, newer);
  store.update(a.id, { color: 'pink' }, new Date(Date.parse(a.updated) - 5000));
  assert.equal(importAnnotations(store, newer).updated, 1);
  assert.equal(store.get(a.id)?.color, 'blue');
});

test('a plain array of Annotations from another tool: plain text notes, stable ids, foreign targets skipped', () => {
  const file = join(dir, 'plain.json');
  const items = [
    {
      '@context': ANNO_CONTEXT,
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      body: [{ type: 'TextualBody', value: '第一行\n第二行', format: 'text/plain' }, { type: 'TextualBody', purpose: 'tagging', value: '外部' }],
      target: { source: `clauseway://c/${talent.id}`, 'clauseway:docId': doc.id, selector: { type: 'TextQuoteSelector', exact: '支持外国人才来穗创新创业' } },
    },
    { '@context': ANNO_CONTEXT, id: 'https://example.org/anno/2', type: 'Annotation', body: { type: 'TextualBody', value: '<p>网页</p>', format: 'text/html' }, target: 'https://example.org/page' },
    { type: 'Note' },
  ];
  writeFileSync(file, JSON.stringify(items));
  const report = importAnnotations(store, file);
  assert.equal(report.added, 1);
  assert.deepEqual(report.skipped.map((x) => x.index), [1, 2]);
  assert.match(report.skipped[0]?.problem ?? '', /not a Clauseway clause \("https:\/\/example.org\/page"/);
  assert.match(report.skipped[1]?.problem ?? '', /type is not Annotation/);
  const [a] = store.list();
  assert.ok(a);
  assert.equal(a.noteText, '第一行\n第二行');
  assert.deepEqual(a.tags, ['外部']);
  assert.equal(a.color, 'yellow');
  assert.equal(a.status, 'orphan', 'without a position it waits for the re-anchoring the caller runs on report.docIds');
  assert.deepEqual(report.docIds, [doc.id]);
  assert.equal(importAnnotations(store, file).unchanged, 1, 'the same foreign id maps to the same UUID');
});

test('a file that is not JSON or not annotations is refused, naming the file; nothing changes', () => {
  store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] });
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"type": "AnnotationCollection", ');
  assert.throws(() => importAnnotations(store, bad), new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be imported because it is not JSON`));
  writeFileSync(bad, '{"type": "AnnotationCollection", "first": "https://example.org/page1"}');
  assert.throws(() => importAnnotations(store, bad), /does not embed its first page/);
  writeFileSync(bad, '"hello"');
  assert.throws(() => importAnnotations(store, bad), /neither an annotation collection/);
  assert.equal(store.list().length, 1);
});

test('an export into a folder that does not exist fails cleanly and leaves no file', () => {
  store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: talent, quote: '人才' }] });
  assert.throws(() => exportAnnotations(store, join(dir, 'missing', 'out.jsonld')), /the export could not be written/);
  assert.deepEqual(readdirSync(dir).sort(), ['a']);
});
