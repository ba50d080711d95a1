// A Word file made from a seed text reads as the text itself does: the same documents, clauses
// (labels, headings, text) and metadata, through mammoth and the HTML reader; a .docx that is no
// Word document is refused, naming the file and the reason, and leaves the library as it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { IngestError } from '../../electron/core/ingest/errors.ts';
import { ingestPath } from '../../electron/core/ingest/import-batch.ts';
import { Library } from '../../electron/core/store/library.ts';
import { docxOf } from '../helpers/docx.ts';
import { SEEDS, tempDir } from '../helpers/library.ts';

const SEED = join(SEEDS, '001_551b2c05a62b80d5.txt');
const TITLE = '广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施';

/** What a reader sees of a library: each document's metadata and its clauses. */
function contents(library: Library): unknown[] {
  return library.listDocuments().map(({ id, title, issuer, jurisdiction, level, jurisdictions, date, docNumber, kind, validUntil }) => ({
    title, issuer, jurisdiction, level, jurisdictions, date, docNumber, kind, validUntil,
    clauses: library.documentView(id)?.clauses.map((c) => [c.kind, c.label, c.heading, c.text, c.units]),
  }));
}

test('a DOCX made from seed 001 imports with the structure and metadata of the text itself', async () => {
  const { dir, cleanup } = tempDir();
  try {
    // The seed opens with a news lead; the document proper starts at its printed title.
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const from = lines.findIndex((l) => l.trim() === TITLE);
    assert.ok(from > 0);
    const text = lines.slice(from);
    const txt = join(dir, 'measures.txt');
    writeFileSync(txt, text.join('\n'));
    const docx = join(dir, 'measures.docx');
    writeFileSync(docx, await docxOf(text));

    const fromText = Library.open(join(dir, 'a'));
    const fromWord = Library.open(join(dir, 'b'));
    try {
      await ingestPath(fromText, txt, { key: 'user/measures' });
      const outcome = await ingestPath(fromWord, docx, { key: 'user/measures' });
      assert.equal(outcome.status, 'added');
      assert.deepEqual(contents(fromWord), contents(fromText));

      const [doc] = fromWord.listDocuments();
      assert.ok(doc);
      assert.equal(doc.title, TITLE);
      assert.equal(doc.jurisdiction, '广州市');
      assert.equal(doc.kind, 'policy');
      const outline = fromWord.outline(doc.id) ?? [];
      assert.deepEqual(outline.filter((n) => n.label).map((n) => n.label), ['一、', '二、', '三、', '四、', '五、', '六、']);
      const measures = outline.flatMap((n) => n.children).filter((n) => n.label);
      assert.equal(measures.length, 22, measures.map((m) => m.label).join(' '));
      // Found by a phrase of its text, as a text file's clause is.
      assert.ok(fromWord.find('推进数据跨境安全有序流动').length > 0);
    } finally {
      fromText.close();
      fromWord.close();
    }
  } finally {
    cleanup();
  }
});

test('a .docx that is not a Word document is refused with the file and the reason; nothing is stored', async () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(join(dir, 'data'));
  try {
    const zip = join(dir, 'photos.docx');
    writeFileSync(zip, zipSync({ 'photo.txt': strToU8('不是 Word 文件') }));
    const text = join(dir, 'plain.docx');
    writeFileSync(text, '广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见');
    for (const [file, why] of [[zip, /not a readable Word document/], [text, /not a Word document/]] as const) {
      await assert.rejects(ingestPath(library, file), (e: unknown) => e instanceof IngestError && e.file === file && why.test(e.problem));
    }
    assert.equal(library.documentCount(), 0);
  } finally {
    library.close();
    cleanup();
  }
});
