// Carrying clause ids over a re-import, on the clauses of a real seed: edited texts are found near
// their place even when much was added before them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { carryOver } from '../../electron/core/store/continuity.ts';
import type { ClauseRecord } from '../../electron/core/model/records.ts';
import { SEEDS } from '../helpers/library.ts';

const seed = parseSource('002.txt', readFileSync(join(SEEDS, '002_509c6d008cb003c1.txt')));
const doc = seed.documents[1] ?? seed.documents[0];
assert.ok(doc);
const clauses = doc.clauses.filter((c) => c.text.length > 20);

test('an edited clause keeps its id when four hundred clauses were added before it', () => {
  const added: ClauseRecord[] = Array.from({ length: 400 }, (_, i) => ({ ...clauses[0] as ClauseRecord, id: `new-${i}`, path: `/added:${i}`, heading: null, text: `新增的第${i}项措施，与原文无关的内容编号${i * 7919}。` }));
  const target = 0;
  // Renumbered too (each under another path), so that no id is kept by its place alone.
  const edited = clauses.map((c, i) => ({ ...c, path: `${c.path}/renumbered`, text: i === target ? c.text.replace(/。/, '，并加强统筹协调。') : c.text }));
  assert.notEqual(edited[target]?.text, clauses[target]?.text);
  const stored = clauses.map((c) => ({ id: c.id, heading: c.heading, text: c.text }));
  const { ids, aliases } = carryOver(doc.id, stored, [...added, ...edited]);
  assert.deepEqual(ids.slice(400), clauses.map((c) => c.id), 'every old clause, the edited one too, keeps its id');
  assert.equal(new Set(ids).size, ids.length, 'no id is given twice');
  assert.deepEqual(aliases, []);
});

test('a clause rewritten beyond recognition keeps the id of its place; a deleted one leads to the clause before it', () => {
  const stored = clauses.map((c) => ({ id: c.id, heading: c.heading, text: c.text }));
  const rewritten = clauses.map((c, i) => (i === 3 ? { ...c, text: '本条全文修改为：由市人民政府另行规定。' } : c)).filter((_, i) => i !== 6);
  const { ids, aliases } = carryOver(doc.id, stored, rewritten);
  assert.equal(ids[3], clauses[3]?.id);
  assert.deepEqual(aliases, [{ oldId: clauses[6]?.id, successorId: clauses[5]?.id, reason: 'removed', contentSha: aliases[0]?.contentSha }]);
});
