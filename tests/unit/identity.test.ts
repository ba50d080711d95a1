// Identities that survive a better parser and an edited file: documents keep their ids whatever
// the heuristics derive, clauses keep theirs while their text goes on, and retired ids lead to
// their successors.

import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile, ingestSeeds, MANIFEST_FILE } from '../../electron/core/ingest/ingest-files.ts';
import { loadManifest, type ManifestFile } from '../../electron/core/ingest/manifest.ts';
import { PARSER_VERSION, parseSource } from '../../electron/core/ingest/pipeline.ts';
import { openDatabase } from '../../electron/core/store/database.ts';
import { DATABASE_FILE, Library } from '../../electron/core/store/library.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index.ts';
import { editSeed001, SEED_001 } from '../helpers/seed-edits.ts';
import { SEEDS, tempDir } from '../helpers/library.ts';

let dir: string;
let cleanup: () => void;
let lib: Library;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  lib = Library.open(dir);
  ingestSeeds(lib);
});
afterEach(() => {
  lib.close();
  cleanup();
});

interface Row { id: string; doc_id: string; text: string; citation: string }
const clauses = (l: Library): Row[] => l.db.prepare<[], Row>('SELECT id, doc_id, text, citation FROM clauses ORDER BY doc_id, ord').all();
const docs = (l: Library): { id: string; title: string; date: string | null; jurisdiction: string }[] =>
  l.db.prepare<[], { id: string; title: string; date: string | null; jurisdiction: string }>('SELECT id, title, date, jurisdiction FROM documents ORDER BY id').all();

const manifest = loadManifest(join(SEEDS, MANIFEST_FILE));
const SEED_003 = '003_23a1c87a91197581.txt';

test('what the heuristics derive (date, jurisdiction, cleaned title) does not move a document or a clause id', () => {
  const before = docs(lib);
  const clausesBefore = clauses(lib);
  // Other rules: a date read differently, the regulation filed under another city, the title
  // cleaned another way; and a newer parser version, so the unchanged file is read again.
  for (const name of [SEED_001, SEED_003]) {
    const entry = manifest.files[name];
    assert.ok(entry);
    const changed: ManifestFile = {
      ...entry,
      documents: entry.documents.map((d) => ({ ...d, date: '2031-07-01', jurisdictions: [{ name: '深圳市', level: 'city' }], title: `${d.title ?? d.expect ?? ''}（修订稿）` })),
    };
    const parsed = parseSource(join(SEEDS, name), readFileSync(join(SEEDS, name)), changed, `seeds/${name}`);
    const outcome = lib.store(`seeds/${name}`, { ...parsed, parser: PARSER_VERSION + 1 });
    assert.equal(outcome.status, 'updated');
  }
  const after = docs(lib);
  assert.deepEqual(after.map((d) => d.id), before.map((d) => d.id));
  // The metadata did change…
  const changedDocs = after.filter((d) => d.date === '2031-07-01');
  assert.equal(changedDocs.length, 2);
  assert.ok(changedDocs.every((d) => d.jurisdiction === '深圳市' && d.title.endsWith('（修订稿）')));
  // …and every clause kept its id (and its text); only citations follow the new title.
  const clausesAfter = clauses(lib);
  assert.deepEqual(clausesAfter.map((c) => [c.id, c.text]), clausesBefore.map((c) => [c.id, c.text]));
  assert.equal(lib.db.prepare('SELECT count(*) AS n FROM clause_aliases').pluck().get(), 0);
});

test('an edited file keeps the ids of its unchanged clauses, or aliases that lead to them', () => {
  const docId = lib.db.prepare<[string], { id: string }>("SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.key = ?").get(`seeds/${SEED_001}`)?.id;
  assert.ok(docId);
  const old = clauses(lib).filter((c) => c.doc_id === docId);
  lib.openSearcher(); // the Lunr shards, as a start of the app stores them
  const edit = editSeed001();
  const file = join(dir, SEED_001);
  writeFileSync(file, edit.text);
  const entry = manifest.files[SEED_001];
  assert.ok(entry);
  const edited = { ...entry, sha256: parseSource(file, readFileSync(file)).sha256 };
  assert.equal(ingestFile(lib, file, { key: `seeds/${SEED_001}`, manifest: edited }).status, 'updated');

  const now = new Map(clauses(lib).filter((c) => c.doc_id === docId).map((c) => [c.id, c]));
  const outcomes = { kept: 0, moved: 0, removed: 0 };
  for (const c of old) {
    const to = lib.resolveClause(c.id);
    assert.ok(to, `old clause ${c.id} (${c.citation}) leads somewhere`);
    const successor = now.get(to.id);
    assert.ok(successor);
    if (to.redirect === 'removed') {
      // The deleted item's id leads to where it stood, and says it was removed.
      assert.ok(edit.deleted.endsWith(c.text), `only the deleted item is removed, not ${c.citation}`);
      outcomes.removed++;
    } else if (edit.merged.includes(c.text)) {
      // (九) and (十) became one item: one of their ids goes on with it, the other leads to it.
      assert.equal(successor.text, edit.merged.join(''));
      outcomes[to.redirect === 'moved' ? 'moved' : 'kept']++;
    } else {
      // Every other clause kept its id and its text (but for the words added to it).
      assert.equal(to.redirect, null, `${c.citation} keeps its id`);
      assert.equal(successor.text.replace(edit.inserted, '').replace(edit.opening, ''), c.text, `${c.citation} keeps its text`);
      outcomes.kept++;
    }
  }
  assert.deepEqual(outcomes, { kept: old.length - 2, moved: 1, removed: 1 });
  // Text that goes on keeps its id wherever its number moved: (八) is printed (七) now.
  const eight = old.find((c) => c.citation.endsWith('（八）'));
  const movedEight = eight ? now.get(eight.id) : undefined;
  assert.ok(movedEight?.citation.endsWith('（七）'), 'the clause printed (八) before is printed (七) now, under its old id');
  // The new paragraph got an id of its own, not one that meant another text before.
  const oldIds = new Set(old.map((c) => c.id));
  const fresh = [...now.values()].filter((c) => !oldIds.has(c.id));
  assert.deepEqual(fresh.map((c) => c.text), [edit.paragraph]);
  // The document kept its id with another opening: the document index reads it again.
  assert.ok(lib.openSearcher().docIndex.match('鲲鹏计划').some((m) => m.ref === docId), 'the document index knows the new opening');
});

test('a retired id keeps leading to the clause that holds its text after further re-imports', () => {
  const docId = lib.db.prepare<[string], { id: string }>("SELECT d.id FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.key = ?").get(`seeds/${SEED_001}`)?.id;
  assert.ok(docId);
  const oldSeven = clauses(lib).find((c) => c.doc_id === docId && c.citation.endsWith('（七）'));
  assert.ok(oldSeven);
  const file = join(dir, SEED_001);
  writeFileSync(file, editSeed001().text);
  ingestFile(lib, file, { key: `seeds/${SEED_001}` });
  const first = lib.clauseFollowingAliases(oldSeven.id);
  assert.deepEqual(first?.redirect, { from: oldSeven.id, reason: 'removed' });
  // The original comes back: the deleted item returns and takes its id again.
  writeFileSync(file, readFileSync(join(SEEDS, SEED_001)));
  ingestFile(lib, file, { key: `seeds/${SEED_001}` });
  const back = lib.clauseFollowingAliases(oldSeven.id);
  assert.ok(back);
  assert.equal(back.id, oldSeven.id);
  assert.equal(back.redirect, undefined);
  assert.equal(back.text, oldSeven.text);
});

test('deleting the library and importing the same files again gives the same ids', () => {
  const ids = clauses(lib).map((c) => c.id);
  const again = tempDir();
  const fresh = Library.open(again.dir);
  try {
    ingestSeeds(fresh);
    assert.deepEqual(clauses(fresh).map((c) => c.id), ids);
  } finally {
    fresh.close();
    again.cleanup();
  }
});

test('two versions of one law in two files stay two documents', () => {
  const file = join(dir, 'next-year.txt');
  writeFileSync(file, editSeed001().text);
  const outcome = ingestFile(lib, file);
  assert.equal(outcome.status, 'added');
  assert.equal(outcome.documents, 1);
  const titles = docs(lib).filter((d) => d.title.startsWith('广州市关于以高水平开放推动服务贸易'));
  assert.equal(titles.length, 2);
});

test('a library written before stable identities is backed up, migrates, and keeps its ids on re-import', () => {
  const older = tempDir();
  try {
    const file = join(older.dir, DATABASE_FILE);
    // The library as the schema-2 store wrote it, with a document id of the old rule.
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const parsed = parseSource(join(SEEDS, SEED_001), readFileSync(join(SEEDS, SEED_001)), manifest.files[SEED_001], `seeds/${SEED_001}`);
    const doc = parsed.documents[0];
    assert.ok(doc);
    const oldDoc = 'a1b2c3d4e5f6';
    const oldId = (id: string): string => `${oldDoc}-${id.split('-')[1] ?? ''}`;
    const source = db.prepare("INSERT INTO sources (key, name, sha256, size, encoding, format, ingested_at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-01')").run(`seeds/${SEED_001}`, SEED_001, parsed.sha256, parsed.size, parsed.encoding, parsed.format).lastInsertRowid;
    db.prepare("INSERT INTO documents (id, source_id, ord, title, issuer, jurisdiction, level, jurisdictions, date, doc_number, kind, valid_until, clause_count) VALUES (?, ?, 0, ?, ?, '广州市', 'city', '[]', ?, NULL, ?, NULL, ?)").run(oldDoc, source, doc.title, doc.issuer, doc.date, doc.kind, doc.clauses.length);
    const ins = db.prepare('INSERT INTO clauses (id, doc_id, parent_id, ord, depth, kind, label, heading, text, citation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of doc.clauses) ins.run(oldId(c.id), oldDoc, c.parentId ? oldId(c.parentId) : null, c.ord, c.depth, c.kind, c.label, c.heading, c.text, c.citation);
    db.close();

    const migrated = Library.open(older.dir);
    try {
      assert.equal(migrated.db.pragma('user_version', { simple: true }), LATEST_VERSION);
      assert.ok(readdirSync(older.dir).some((f) => f.startsWith(`${DATABASE_FILE}.schema-2.`) && f.endsWith('.bak')), 'a backup of schema 2 was taken');
      // Read again by the current rules (the stored parser version is older): the ids stay.
      const outcomes = ingestSeeds(migrated);
      assert.equal(outcomes.find((o) => o.source === `seeds/${SEED_001}`)?.status, 'updated');
      assert.deepEqual(
        clauses(migrated).filter((c) => c.doc_id === oldDoc).map((c) => c.id),
        doc.clauses.map((c) => oldId(c.id)),
      );
    } finally {
      migrated.close();
    }
  } finally {
    older.cleanup();
  }
});
