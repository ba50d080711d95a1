// The command line's import and correct: `import` is `ingest` (Word files too), `correct` sets
// metadata fields the user's way, `docs` marks them, and a later import of the file keeps them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSummary } from '../../shared/types.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { docxOf } from '../helpers/docx.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

test('import a text and a Word file, correct one, and the correction stays through a re-import', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const data = join(dir, 'data');
    const txt = join(dir, '前海条例.txt');
    copyFileSync(join(FIXTURES, 'qianhai-regulation.zh-hans.txt'), txt);
    const word = join(dir, '横琴条例.docx');
    writeFileSync(word, await docxOf(readFileSync(join(FIXTURES, 'hengqin-regulation.zh-hant.txt'), 'utf8').split('\n')));
    const imported = parsed<{ status: string; source: string }[]>(await cli('import', txt, word, '--json', '--data', data));
    assert.deepEqual(imported.map((o) => o.status), ['added', 'added']);

    const docs = parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', data));
    const qianhai = docs.find((d) => d.source === txt);
    assert.ok(qianhai);
    assert.equal(qianhai.corrected, undefined);
    const corrected = parsed<DocumentSummary>(await cli('correct', qianhai.id, '--date', '2024-01-09', '--issuer', '深圳市人民代表大会常务委员会', '--doc-number', '', '--json', '--data', data));
    assert.equal(corrected.date, '2024-01-09');
    assert.equal(corrected.issuer, '深圳市人民代表大会常务委员会');
    assert.equal(corrected.docNumber, null);
    assert.deepEqual(corrected.corrected, ['issuer', 'date', 'docNumber']);

    appendFileSync(txt, '\n第九十九条 本条例自公布之日起施行。\n');
    assert.deepEqual(parsed<{ status: string }[]>(await cli('import', txt, '--json', '--data', data)).map((o) => o.status), ['updated']);
    const after = parsed<DocumentSummary[]>(await cli('docs', '--json', '--data', data)).find((d) => d.id === qianhai.id);
    // The new article is read; the user's fields stay.
    assert.deepEqual(after, { ...corrected, clauseCount: corrected.clauseCount + 1 });

    const reset = parsed<DocumentSummary>(await cli('correct', qianhai.id, '--reset', 'date', '--json', '--data', data));
    assert.equal(reset.date, qianhai.date);
    assert.deepEqual(reset.corrected, ['issuer', 'docNumber']);

    const bad = await cli('correct', qianhai.id, '--date', '2024-13-01', '--data', data);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /date: "2024-13-01" is not a date/);
    const nothing = await cli('correct', qianhai.id, '--data', data);
    assert.equal(nothing.code, 2);
    assert.match(nothing.err, /correct needs a field to set/);
    assert.equal((await cli('correct', qianhai.id, '--level', 'county', '--data', data)).code, 2);
  } finally {
    cleanup();
  }
});
