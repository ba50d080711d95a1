// Users' files in the encodings and formats they come in, imported through the engine's API as the
// app imports them: a GBK/GB18030 cut of seed 001, a Big5 Traditional cut of seed 002 (opencc s2hk),
// a Word file cut from seed 003. Each reads as its text in UTF-8 does (structure and metadata; the
// Traditional one as written), is found by 绿色金融 and by 綠色金融, and links to the seed clauses it
// was cut from.

import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportJob } from '../../shared/api.ts';
import { fold } from '../../shared/fold.ts';
import type { EngineApi } from '../../electron/core/api/engine-api.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { docxOf } from '../helpers/docx.ts';
import { engineOver, SEEDS, seededLibrary } from '../helpers/library.ts';
import { encodeLegacy, toTraditional } from '../helpers/traditional.ts';

const seedLines = (name: string): string[] => readFileSync(join(SEEDS, name), 'utf8').split('\n');

/** Lines `from` (inclusive) up to the first line matching `to` (exclusive). */
function cut(lines: string[], from: RegExp, to: RegExp): string[] {
  const start = lines.findIndex((l) => from.test(l));
  const end = lines.findIndex((l, i) => i > start && to.test(l));
  assert.ok(start >= 0 && end > start, `${String(from)} … ${String(to)} not found`);
  return lines.slice(start, end);
}

interface Copy {
  what: string;
  seed: string;
  file: string;
  /** The copy's lines as written (the Big5 one in Traditional): what it must read as. */
  lines: string[];
  bytes: (lines: string[]) => Promise<Uint8Array>;
}

const COPIES: Copy[] = [
  {
    what: 'GB18030 (GBK bytes)',
    seed: '001_551b2c05a62b80d5.txt',
    file: '广州服务贸易措施（GBK）.txt',
    lines: cut(seedLines('001_551b2c05a62b80d5.txt'), /^广州市关于以高水平开放/, /^四、/),
    bytes: (lines) => Promise.resolve(encodeLegacy(lines.join('\n'), 'gbk')),
  },
  {
    what: 'Big5, Traditional (s2hk)',
    seed: '002_509c6d008cb003c1.txt',
    file: '國際金融樞紐實施意見（Big5）.txt',
    // As a Big5 file holds it: Hong Kong forms Big5 lacks (户, 着) in their Taiwan forms (戶, 著).
    lines: new TextDecoder('big5').decode(encodeLegacy(toTraditional(cut(seedLines('002_509c6d008cb003c1.txt'), /^附件1/, /^三、/).join('\n'), 'hk'), 'big5')).split('\n'),
    bytes: (lines) => Promise.resolve(encodeLegacy(lines.join('\n'), 'big5')),
  },
  {
    what: 'DOCX',
    seed: '003_23a1c87a91197581.txt',
    file: '广州梅州金融合作协议.docx',
    // The agreement's own text (after the article's lead), its paragraphs out of their <p> tags.
    lines: [
      '广州市 梅州市金融合作战略框架协议',
      ...cut(seedLines('003_23a1c87a91197581.txt'), /一、推动两市/, /^\s*$/).map((l) => l.replace(/<[^>]+>/g, '').trim()),
    ],
    bytes: (lines) => docxOf(lines),
  },
];

/** What both a parsed document and the library's view of one hold. */
interface Readable {
  title: string;
  issuer: string | null;
  jurisdictions: readonly unknown[];
  date: string | null;
  kind: string;
  clauses: { depth: number; kind: string; label: string; heading: string | null; text: string }[];
}

/** Structure and metadata as a reader sees them. */
function reading(d: Readable): unknown {
  return {
    title: d.title,
    issuer: d.issuer,
    jurisdictions: d.jurisdictions,
    date: d.date,
    kind: d.kind,
    clauses: d.clauses.map((c) => [c.depth, c.kind, c.label, c.heading, c.text]),
  };
}

async function finished(engine: EngineApi, job: ImportJob): Promise<ImportJob> {
  let now: ImportJob | null = job;
  while (now?.state === 'running') {
    await new Promise((r) => setTimeout(r, 10));
    now = await engine.importProgress(job.id);
  }
  assert.ok(now);
  return now;
}

describe('GB18030, Big5 Traditional and Word copies of seed texts', () => {
  const seeded = seededLibrary();
  const { library, dir } = seeded;
  const { engine, close } = engineOver(library, join(dir, 'user'));
  const imported = new Map<string, string[]>();

  before(async () => {
    const paths: string[] = [];
    for (const c of COPIES) {
      const path = join(dir, c.file);
      writeFileSync(path, await c.bytes(c.lines));
      paths.push(path);
    }
    const job = await finished(engine, await engine.importPaths(paths));
    assert.equal(job.state, 'done', job.error ?? '');
    assert.deepEqual(job.summary?.counts, { added: 3, updated: 0, unchanged: 0, duplicate: 0, refused: 0 });
    const { items } = job.summary;
    for (const [i, c] of COPIES.entries()) imported.set(c.file, items[i]?.docIds ?? []);
  });
  after(() => {
    close();
    seeded.cleanup();
  });

  for (const c of COPIES) {
    test(`${c.what}: the structure and metadata of its text in UTF-8`, async () => {
      const original = parseSource(c.file.replace(/\.docx$/, '.txt'), new TextEncoder().encode(c.lines.join('\n')));
      const ids = imported.get(c.file) ?? [];
      assert.equal(ids.length, original.documents.length);
      const views = ids.map((id) => library.documentView(id));
      assert.deepEqual(
        views.map((v) => v && reading({ ...v.summary, clauses: v.clauses })),
        original.documents.map((d) => reading(d)),
      );
      // And as the seed it was cut from reads: its labels are a run of the seed document's labels.
      const labels = (clauses: readonly { label: string }[]): string => clauses.map((cl) => fold(cl.label)).filter(Boolean).join(' ');
      const seedLabels = library.listDocuments().filter((d) => d.source.endsWith(c.seed)).map((d) => labels(library.documentView(d.id)?.clauses ?? []));
      for (const v of views) {
        const mine = labels(v?.clauses ?? []);
        assert.ok(mine.split(' ').length >= 5, mine);
        assert.ok(seedLabels.some((l) => ` ${l} `.includes(` ${mine} `)), `${c.file}: ${mine} is no run of the seed's ${seedLabels.join(' | ')}`);
      }
      // The copy is what the summary lists and what the library shows.
      const listed = (await engine.listDocuments()).filter((d) => ids.includes(d.id));
      assert.deepEqual(listed.map((d) => d.title), original.documents.map((d) => d.title));
    });

    test(`${c.what}: found by 绿色金融 and by 綠色金融 alike`, async () => {
      const ids = imported.get(c.file) ?? [];
      for (const query of ['绿色金融', '綠色金融']) {
        const { hits } = await engine.search(query, { limit: 200 });
        const mine = hits.filter((h) => ids.includes(h.docId)).map((h) => h.clauseId).sort();
        assert.ok(mine.length > 0, `${query}: no clause of ${c.file}`);
        assert.deepEqual(mine, (await engine.search(query === '绿色金融' ? '綠色金融' : '绿色金融', { limit: 200 })).hits.filter((h) => ids.includes(h.docId)).map((h) => h.clauseId).sort());
      }
    });

    test(`${c.what}: its green-finance clauses link to the seed clauses they were cut from`, async () => {
      const ids = imported.get(c.file) ?? [];
      const seedDocs = library.listDocuments().filter((d) => d.source.endsWith(c.seed)).map((d) => d.id);
      assert.ok(seedDocs.length > 0);
      const clauses = ids.flatMap((id) => library.documentView(id)?.clauses ?? []).filter((cl) => fold(cl.text).includes('绿色金融'));
      assert.ok(clauses.length > 0);
      for (const clause of clauses) {
        const { links } = await engine.clauseLinks({ clauseId: clause.id, limit: 20 });
        const toSeed = links.filter((l) => seedDocs.includes(l.docId) && l.kind !== 'manual');
        // The seed's clause of the same words (in its own script) is among them.
        const same = toSeed.find((l) => fold(l.text) === fold(clause.text) || fold(l.text).includes(fold(clause.text)));
        assert.ok(same, `${c.file} ${clause.label}: no link to its seed clause; links: ${links.map((l) => `${l.kind} ${l.docTitle} ${l.label}`).join('; ')}`);
        assert.ok(same.kind === 'reuse' || same.kind === 'related', same.kind);
      }
    });
  }
});
