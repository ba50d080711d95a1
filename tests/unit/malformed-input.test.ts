// The malformed-input suite (issue 15): every file a new user might pick, tried on a library that
// holds the seeds and an annotation, through the command line and through the app's import. Each
// file is imported as it should be, or refused with a message that names it and says why; a
// refusal changes nothing stored (the library's revision and documents, the annotations).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { importBatch } from '../../electron/core/ingest/import-batch.ts';
import { MAX_CLAUSE_TEXT } from '../../electron/core/ingest/long-paragraphs.ts';
import { Library } from '../../electron/core/store/library.ts';
import type { DocumentSummary, OutlineNode } from '../../shared/types.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { ROOT, tempDir } from '../helpers/library.ts';
import { writeFolder, writeMalformedSuite, type Case } from '../helpers/malformed.ts';

interface Outcome { source: string; status: string; documents: number; clauses: number; warnings: string[] }

const work = tempDir('clauseway-malformed-');
const data = join(work.dir, 'data');
const files = join(work.dir, 'files');
let cases: Case[] = [];

/** What a refusal must leave as it was: the library's revision and documents, every annotation. */
async function stored(): Promise<{ revision: number; documents: string[]; annotations: unknown }> {
  const library = Library.open(data);
  try {
    const annotations = parsed(await cli('--data', data, '--json', 'annotations'));
    return { revision: library.revision(), documents: library.listDocuments().map((d) => d.id), annotations };
  } finally {
    library.close();
  }
}

/** The text of every clause the file's documents hold, and the encoding the library recorded. */
function importedText(path: string): { text: string; encoding: string; longest: number } {
  const db = new Database(join(data, 'clauseway.db'), { readonly: true });
  try {
    const rows = db.prepare<[string], { text: string; heading: string | null; title: string; encoding: string }>(
      'SELECT c.text, c.heading, d.title, s.encoding FROM clauses c JOIN documents d ON d.id = c.doc_id JOIN sources s ON s.id = d.source_id WHERE s.key = ? ORDER BY d.ord, c.ord',
    ).all(resolve(path));
    return {
      text: rows.map((r) => `${r.title}\n${r.heading ?? ''}\n${r.text}`).join('\n'),
      encoding: rows[0]?.encoding ?? '',
      longest: Math.max(0, ...rows.map((r) => r.text.length)),
    };
  } finally {
    db.close();
  }
}

function expectImported(c: Case, outcome: Outcome | undefined): void {
  if (!('import' in c.expected)) return;
  const { contains, lacks = [], encoding, warning } = c.expected.import;
  assert.ok(outcome && (outcome.status === 'added' || outcome.status === 'updated'), `${c.what}: ${JSON.stringify(outcome)}`);
  const got = importedText(c.path);
  for (const s of contains) assert.ok(got.text.includes(s), `${c.what}: the library holds "${s}"`);
  for (const s of lacks) assert.ok(!got.text.includes(s), `${c.what}: the library does not hold "${s}"`);
  if (encoding) assert.equal(got.encoding, encoding, c.what);
  if (warning) assert.ok(outcome.warnings.some((w) => warning.test(w)), `${c.what}: a warning ${String(warning)} in ${JSON.stringify(outcome.warnings)}`);
  else assert.deepEqual(outcome.warnings, [], c.what);
  assert.ok(got.longest <= MAX_CLAUSE_TEXT, `${c.what}: no clause over ${MAX_CLAUSE_TEXT} characters (${got.longest})`);
}

before(async () => {
  assert.equal((await cli('--data', data, 'ingest')).code, 0);
  // An annotation that every refusal must leave alone.
  const docs = parsed<DocumentSummary[]>(await cli('--data', data, '--json', 'docs'));
  const plan = docs.find((d) => d.title === '粤港澳大湾区发展规划纲要');
  assert.ok(plan);
  const clauseId = parsed<OutlineNode[]>(await cli('--data', data, '--json', 'outline', plan.id))[2]?.id ?? '';
  const clause = parsed<{ text: string }>(await cli('--data', data, '--json', 'clause', clauseId));
  assert.equal((await cli('--data', data, 'annotate', clauseId, '--quote', clause.text.slice(0, 8), '--note', '留意', '--tag', '测试')).code, 0);
  cases = writeMalformedSuite(files);
});
after(() => work.cleanup());

test('the suite holds at least 30 files', () => {
  assert.ok(cases.length >= 30, `${cases.length} cases`);
});

describe('through the command line', () => {
  test('each file is imported as it should be, or refused naming the file and the reason', async () => {
    for (const c of cases) {
      // A named pipe is tried in a process of its own below: were it to block, this test would never end.
      if (c.appOnly || c.what === 'a named pipe') continue;
      const before = await stored();
      const r = await cli('--data', data, '--json', 'ingest', c.path);
      if ('refuse' in c.expected) {
        assert.equal(r.code, 1, `${c.what}: exit 1 (${r.err})`);
        assert.ok(r.err.startsWith(`clauseway: ${c.path}: `), `${c.what}: the message names the file: ${r.err}`);
        assert.match(r.err, c.expected.refuse, c.what);
        assert.deepEqual(await stored(), before, `${c.what}: nothing stored changed`);
      } else {
        assert.equal(r.code, 0, `${c.what}: ${r.err}`);
        expectImported(c, (JSON.parse(r.out) as Outcome[])[0]);
      }
    }
  });

  test('a named pipe is refused at once, not waited on', async () => {
    const fifo = cases.find((c) => c.what === 'a named pipe');
    assert.ok(fifo && 'refuse' in fifo.expected);
    const before = await stored();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'clauseway.js'), '--data', data, 'ingest', fifo.path], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.signal, null, 'the import ended by itself');
    assert.equal(r.status, 1);
    assert.ok(r.stderr.startsWith(`clauseway: ${fifo.path}: `), r.stderr);
    assert.match(r.stderr, fifo.expected.refuse);
    assert.deepEqual(await stored(), before);
  });

  test('a name with a leading dash is named, with how to pass it; with -- or ./ it imports', async () => {
    const here = process.cwd();
    process.chdir(files);
    try {
      const dashed = await cli('--data', data, 'ingest', '-2.txt');
      assert.equal(dashed.code, 2);
      assert.match(dashed.err, /^clauseway: -2\.txt: a name that starts with a dash reads as an option; write \.\/-2\.txt, or put -- before the names/);
      const ended = await cli('--data', data, '--json', 'ingest', '--', '-2.txt', '--data.txt');
      assert.equal(ended.code, 0, ended.err);
      // The same files the suite imported by their full paths: the library knows them already.
      assert.deepEqual(
        (JSON.parse(ended.out) as Outcome[]).map((o) => [o.source, o.status]),
        [[resolve(files, '-2.txt'), 'unchanged'], [resolve(files, '--data.txt'), 'unchanged']],
      );
      assert.equal((await cli('--data', data, 'ingest', './-2.txt')).code, 0);
    } finally {
      process.chdir(here);
    }
  });

  test('a folder of a thousand files imports in one command', async () => {
    const folder = join(work.dir, 'thousand');
    const titles = writeFolder(folder, 1000);
    const r = await cli('--data', data, '--json', 'ingest', folder);
    assert.equal(r.code, 0, r.err);
    const outcomes = JSON.parse(r.out) as Outcome[];
    assert.equal(outcomes.length, 1000);
    assert.ok(outcomes.every((o) => o.status === 'added' && o.documents === 1), JSON.stringify(outcomes.find((o) => o.status !== 'added')));
    const listed = new Set(parsed<DocumentSummary[]>(await cli('--data', data, '--json', 'docs')).map((d) => d.title));
    assert.deepEqual(titles.filter((t) => !listed.has(t)), []);
  });
});

describe("through the app's import", () => {
  test('every refusal names its reason and changes nothing; Word files are read or refused', async () => {
    for (const c of cases) {
      if (c.what === 'a named pipe') continue;
      if (!('refuse' in c.expected)) continue;
      const before = await stored();
      const library = Library.open(data);
      let summary;
      try {
        summary = await importBatch(library, [{ path: c.path, name: basename(c.path) }]);
      } finally {
        library.close();
      }
      const [item] = summary.items;
      assert.equal(item?.status, 'refused', `${c.what}: ${JSON.stringify(item)}`);
      assert.equal(item.name, basename(c.path));
      assert.match(item.reason ?? '', c.expected.refuse, c.what);
      assert.deepEqual(await stored(), before, `${c.what}: nothing stored changed`);
    }
  });
});
