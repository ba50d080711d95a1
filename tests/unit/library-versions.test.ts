// The library's list says where each document stands among the versions of its text (issue 11):
// the 2021 and 2023 民事诉讼法 excerpts of the bench corpus, beside a regulation with no other version.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { Library } from '../../electron/core/store/library.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

test('listed documents carry their version status and count, as the reader lists them; a lone text carries none', () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  try {
    const oldId = ingestFile(library, join(FIXTURES, 'versions', '民事诉讼法(2021-12-24).md')).docIds[0] ?? '';
    const newId = ingestFile(library, join(FIXTURES, 'versions', '民事诉讼法(2023-09-01).md')).docIds[0] ?? '';
    const loneId = ingestFile(library, join(FIXTURES, 'qianhai-regulation.zh-hans.txt')).docIds[0] ?? '';
    const byId = new Map(library.listDocuments().map((d) => [d.id, d]));
    assert.deepEqual(byId.get(newId)?.version, { status: 'current', count: 2 });
    assert.deepEqual(byId.get(oldId)?.version, { status: 'superseded', count: 2 });
    assert.equal(byId.get(loneId)?.version, undefined);
    // The same statuses as the reader's list of versions.
    for (const v of library.documentView(newId)?.versions ?? []) assert.equal(byId.get(v.id)?.version?.status, v.status);
    // Before the newer one takes effect, it is upcoming and the older one stands.
    const before = new Map(library.listDocuments('2022-06-01').map((d) => [d.id, d.version?.status]));
    assert.equal(before.get(oldId), 'current');
    assert.equal(before.get(newId), 'upcoming');
  } finally {
    library.close();
    cleanup();
  }
});
