// The link commands of the command line (issue 13): related, compare, link, unlink, with --json,
// after an ingest that computed the links; bad ids said clearly, with exit 2.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ClauseLink, CompareResponse } from '../../shared/api.ts';
import type { DocumentSummary, OutlineNode } from '../../shared/types.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { tempDir } from '../helpers/library.ts';

let cleanup: () => void;
let data: string;
let docs: DocumentSummary[];

const doc = (title: string): DocumentSummary => {
  const d = docs.find((x) => x.title === title);
  assert.ok(d, title);
  return d;
};
/** A clause of a document by its labels as the outline prints them, outermost first: 三、 then （十四）. */
async function clauseOf(title: string, ...labels: string[]): Promise<string> {
  let nodes = parsed<OutlineNode[]>(await cli('--data', data, '--json', 'outline', doc(title).id));
  let found: OutlineNode | undefined;
  for (const l of labels) {
    found = nodes.find((n) => n.label === l);
    assert.ok(found, `${title} ${labels.join('')}`);
    nodes = found.children;
  }
  assert.ok(found);
  return found.id;
}

before(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  data = join(t.dir, 'data');
  assert.equal((await cli('--data', data, 'ingest')).code, 0);
  docs = parsed<DocumentSummary[]>(await cli('--data', data, '--json', 'docs'));
});
after(() => cleanup());

test('related CLAUSE_ID --json: links best first, each with kind, score and evidence', async () => {
  const id = await clauseOf('附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见', '三、', '（十四）');
  const links = parsed<ClauseLink[]>(await cli('--data', data, '--json', 'related', id, '--limit', '3'));
  assert.ok(links.length > 0 && links.length <= 3);
  for (const l of links) {
    assert.ok(['citation', 'related', 'reuse', 'manual'].includes(l.kind));
    assert.equal(typeof l.score, 'number');
    assert.ok(Array.isArray(l.evidence.terms) && Array.isArray(l.evidence.here) && Array.isArray(l.evidence.there));
    assert.match(l.docId, /^[0-9a-f]{12}$/);
    assert.notEqual(l.docId, id.slice(0, 12));
  }
  for (let i = 1; i < links.length; i++) assert.ok((links[i - 1]?.score ?? 0) >= (links[i]?.score ?? 0));
  const outline = doc('粤港澳大湾区发展规划纲要').id;
  assert.ok(links.some((l) => l.docId === outline && l.kind === 'reuse'));
  const r = await cli('--data', data, '--json', 'related', 'e0c27ddd9163-0000000000');
  assert.equal(r.code, 2);
  assert.match(r.err, /no clause with id e0c27ddd9163-0000000000/);
});

test('compare DOC_A DOC_B --json: pairs, and what each lacks', async () => {
  const z = doc('中国（珠海）跨境电子商务综合试验区实施方案');
  const d = doc('中国（东莞）跨境电子商务综合试验区实施方案');
  const res = parsed<CompareResponse>(await cli('--data', data, '--json', 'compare', z.id, d.id));
  assert.ok(res.pairs.length >= 10);
  assert.ok(res.pairs.every((p) => p.a.startsWith(z.id) && p.b.startsWith(d.id) && p.score > 0));
  assert.ok(res.onlyA.every((id) => id.startsWith(z.id)) && res.onlyB.every((id) => id.startsWith(d.id)));
  assert.ok(res.onlyB.length > 0);
  const bad = await cli('--data', data, 'compare', z.id);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /usage: clauseway compare DOC_A DOC_B/);
});

test('link A B --why TEXT --json makes a manual link that related lists first; unlink deletes it', async () => {
  const a = await clauseOf('广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施', '四、', '(十四)');
  const b = await clauseOf('粤港澳大湾区发展规划纲要', '第五章', '第二节');
  const { id } = parsed<{ id: string }>(await cli('--data', data, '--json', 'link', a, b, '--why', '电子签名互认'));
  assert.match(id, /^[0-9a-f-]{36}$/);
  const [first] = parsed<ClauseLink[]>(await cli('--data', data, '--json', 'related', b));
  assert.ok(first);
  assert.deepEqual([first.kind, first.clauseId, first.manualId, first.why], ['manual', a, id, '电子签名互认']);
  assert.deepEqual(parsed<{ id: string; deleted: boolean }>(await cli('--data', data, '--json', 'unlink', id)), { id, deleted: true });
  assert.ok(!parsed<ClauseLink[]>(await cli('--data', data, '--json', 'related', b)).some((l) => l.kind === 'manual'));
  const again = await cli('--data', data, 'unlink', id);
  assert.equal(again.code, 2);
  assert.match(again.err, new RegExp(`no link with id ${id}`));
  const self = await cli('--data', data, 'link', a, a);
  assert.equal(self.code, 1);
  assert.match(self.err, /cannot be linked to itself/);
});
