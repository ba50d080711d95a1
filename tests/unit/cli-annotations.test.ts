// The annotation commands of the command line: annotate, list, export and import, remove a
// document (its annotations stay, as orphans), back up and restore.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSummary, OutlineNode } from '../../shared/types.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { tempDir } from '../helpers/library.ts';

interface Listed { id: string; clauseId: string; docId: string; quote: string; color: string; note: string; tags: string[]; status: string }

describe('clauseway annotations', () => {
  let dir: string;
  let cleanup: () => void;
  let data: string;
  let plan: DocumentSummary;
  let clause: { id: string; text: string };
  before(async () => {
    ({ dir, cleanup } = tempDir());
    data = join(dir, 'data');
    assert.equal((await cli('ingest', '--data', data)).code, 0);
    const docs = parsed<DocumentSummary[]>(await cli('--data', data, '--json', 'docs'));
    const found = docs.find((d) => d.title === '粤港澳大湾区发展规划纲要');
    assert.ok(found);
    plan = found;
    const tree = parsed<OutlineNode[]>(await cli('--data', data, '--json', 'outline', plan.id));
    const id = tree[2]?.id ?? '';
    const detail = parsed<{ id: string; text: string }>(await cli('--data', data, '--json', 'clause', id));
    clause = detail;
  });
  after(() => { cleanup(); });

  test('annotate highlights a quote of a clause, with a note and tags, and annotations lists it', async () => {
    const quote = clause.text.slice(10, 22);
    const made = parsed<{ id: string }>(await cli('--data', data, '--json', 'annotate', clause.id, '--quote', quote, '--color', 'green', '--note', '第一行\n第二行', '--tag', '绿色金融', '--tag', '港澳'));
    assert.match(made.id, /^[0-9a-f-]{36}$/);
    const listed = parsed<Listed[]>(await cli('--data', data, '--json', 'annotations', '--tag', '港澳'));
    assert.deepEqual(listed.map((a) => [a.id, a.clauseId, a.docId, a.quote, a.color, a.note, a.tags, a.status]), [[made.id, clause.id, plan.id, quote, 'green', '第一行\n第二行', ['港澳', '绿色金融'], 'anchored']]);
    // --at places the quote at that offset only.
    const twice = clause.text.slice(0, 2);
    const at = clause.text.indexOf(twice, 1);
    if (at > 0) assert.equal((await cli('--data', data, '--json', 'annotate', clause.id, '--quote', twice, '--at', String(at))).code, 0);
  });

  test('a quote not in the clause, a colour not among the six: exit 1 or 2 naming the clause, nothing stored', async () => {
    const before = parsed<Listed[]>(await cli('--data', data, '--json', 'annotations')).length;
    const missing = await cli('--data', data, 'annotate', clause.id, '--quote', '这句话不在条文里');
    assert.equal(missing.code, 1);
    assert.match(missing.err, new RegExp(`does not occur in clause ${clause.id}`));
    const red = await cli('--data', data, 'annotate', clause.id, '--quote', clause.text.slice(0, 4), '--color', 'red');
    assert.equal(red.code, 2);
    assert.match(red.err, /--color must be one of yellow, green, blue, pink, purple, orange/);
    const noClause = await cli('--data', data, 'annotate', `${plan.id}-0000000000`, '--quote', 'x');
    assert.equal(noClause.code, 1);
    assert.match(noClause.err, /no clause with id/);
    assert.equal(parsed<Listed[]>(await cli('--data', data, '--json', 'annotations')).length, before);
  });

  test('export and import: a round trip loses nothing, and a second import adds nothing', async () => {
    const all = parsed<Listed[]>(await cli('--data', data, '--json', 'annotations'));
    assert.ok(all.length > 0);
    const file = join(dir, 'annotations.jsonld');
    assert.equal(parsed<{ count: number }>(await cli('--data', data, '--json', 'annotations', 'export', '--out', file)).count, all.length);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { '@context': unknown };
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    // Into another library with the same texts: everything arrives, once.
    const other = join(dir, 'other');
    assert.equal((await cli('ingest', '--data', other)).code, 0);
    assert.equal(parsed<{ added: number }>(await cli('--data', other, '--json', 'annotations', 'import', file)).added, all.length);
    assert.equal(parsed<{ added: number; unchanged: number }>(await cli('--data', other, '--json', 'annotations', 'import', file)).added, 0);
    const there = parsed<Listed[]>(await cli('--data', other, '--json', 'annotations'));
    const strip = (l: Listed[]): unknown => l.map((a) => [a.id, a.clauseId, a.quote, a.color, a.note, a.tags, a.status]).sort();
    assert.deepEqual(strip(there), strip(all));
  });

  test('removing a document leaves its annotations as orphans; importing it again places them back', async () => {
    const copy = join(dir, 'copy');
    assert.equal((await cli('ingest', '--data', copy)).code, 0);
    const quote = clause.text.slice(3, 15);
    const made = parsed<{ id: string }>(await cli('--data', copy, '--json', 'annotate', clause.id, '--quote', quote));
    assert.equal((await cli('--data', copy, 'remove', plan.id)).code, 0);
    const orphaned = parsed<Listed[]>(await cli('--data', copy, '--json', 'annotations', '--status', 'orphan'));
    assert.deepEqual(orphaned.map((a) => [a.id, a.quote]), [[made.id, quote]]);
    // A library that holds the document again takes the orphan back, placed on its words.
    const fresh = join(dir, 'fresh');
    assert.equal((await cli('ingest', '--data', fresh)).code, 0);
    const file = join(dir, 'orphans.jsonld');
    assert.equal((await cli('--data', copy, 'annotations', 'export', '--out', file)).code, 0);
    assert.equal((await cli('--data', fresh, 'annotations', 'import', file)).code, 0);
    const back = parsed<Listed[]>(await cli('--data', fresh, '--json', 'annotations'));
    assert.deepEqual(back.map((a) => [a.id, a.status, a.quote]), [[made.id, 'anchored', quote]]);
  });

  test('backup writes a verified copy; restore brings it back and keeps the replaced file aside', async () => {
    const b = parsed<{ backup: string }>(await cli('--data', data, '--json', 'backup'));
    const before = parsed<Listed[]>(await cli('--data', data, '--json', 'annotations'));
    const made = parsed<{ id: string }>(await cli('--data', data, '--json', 'annotate', clause.id, '--quote', clause.text.slice(0, 5)));
    assert.equal(parsed<Listed[]>(await cli('--data', data, '--json', 'annotations')).length, before.length + 1);
    const restored = parsed<{ restored: string; aside: string }>(await cli('--data', data, '--json', 'restore', b.backup));
    assert.equal(restored.restored, b.backup);
    const after = parsed<Listed[]>(await cli('--data', data, '--json', 'annotations'));
    assert.deepEqual(after.map((a) => a.id).sort(), before.map((a) => a.id).sort());
    assert.ok(!after.some((a) => a.id === made.id));
    // A file that is not user data is refused, and nothing changes.
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database');
    const refused = await cli('--data', data, 'restore', junk);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /cannot be restored/);
    assert.equal(parsed<Listed[]>(await cli('--data', data, '--json', 'annotations')).length, after.length);
  });
});
