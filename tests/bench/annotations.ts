// The annotations bench: saving one annotation beside a bare SQLite insert in the same run, and
// placing 5,000 highlights on the Outline again after a re-import (text unchanged, and with the
// punctuation of every clause changed).

import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseSnapshot, openUserData, reanchorDocuments } from '../../electron/core/annotations/index.ts';
import { ingestFile, ingestSeeds, MANIFEST_FILE, SEEDS_DIR } from '../../electron/core/ingest/ingest-files.ts';
import { loadManifest } from '../../electron/core/ingest/manifest.ts';
import { parseSource, PARSER_VERSION } from '../../electron/core/ingest/pipeline.ts';
import { Library } from '../../electron/core/store/library.ts';
import { tempDir } from '../helpers/library.ts';

const OUTLINE = '粤港澳大湾区发展规划纲要';
const SEED = '004_02dc7fb0eb02e0f1.txt';
const HIGHLIGHTS = 5000;

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (n: number, digits = 2): string => n.toFixed(digits);

export function annotationsReport(): string {
  const { dir, cleanup } = tempDir('clauseway-bench-annotations-');
  const library = Library.open(dir);
  const { store } = openUserData(dir);
  try {
    ingestSeeds(library);
    const doc = library.listDocuments().find((d) => d.title === OUTLINE);
    if (!doc) throw new Error(`the seeds hold no ${OUTLINE}`);
    const clauses = library.clauseTexts(doc.id).filter((c) => c.text.length >= 12);
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

    // Baseline: the same write as a bare SQLite transaction of one row, in a database of its own.
    const bare = new Database(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, clause TEXT, exact TEXT, note TEXT)');
    const ins = bare.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    const bareMs: number[] = [];
    const saveMs: number[] = [];
    for (let i = 0; i < HIGHLIGHTS; i++) {
      const c = clauses[Math.floor(next() * clauses.length)] ?? clauses[0];
      if (!c) break;
      const length = 4 + Math.floor(next() * 12);
      const start = Math.floor(next() * (c.text.length - length));
      const quote = c.text.slice(start, start + length);
      let t = performance.now();
      bare.transaction(() => ins.run(String(i), c.id, quote, ''))();
      bareMs.push(performance.now() - t);
      t = performance.now();
      store.create({ kind: 'highlight', color: i % 2 ? 'yellow' : 'green', targets: [{ clause: clauseSnapshot(library, c.id), quote, at: start }], tags: i % 10 === 0 ? ['港澳'] : [] });
      saveMs.push(performance.now() - t);
    }
    bare.close();

    // Re-import: the same text read by newer rules, then every clause's punctuation changed.
    const file = join(SEEDS_DIR, SEED);
    const key = `seeds/${SEED}`;
    const entry = loadManifest(join(SEEDS_DIR, MANIFEST_FILE)).files[SEED];
    if (!entry) throw new Error(`the seeds manifest has no ${SEED}`);
    const same = parseSource(file, readFileSync(file), entry, key);
    const sameIds = library.store(key, { ...same, parser: PARSER_VERSION + 1 }).docIds;
    let t = performance.now();
    const unchanged = reanchorDocuments(store, library, sameIds);
    const unchangedMs = performance.now() - t;
    const edited = join(dir, SEED);
    writeFileSync(edited, readFileSync(file, 'utf8').replace(/，/g, '、'));
    const editedIds = ingestFile(library, edited, { key, manifest: { ...entry, sha256: parseSource(edited, readFileSync(edited)).sha256 } }).docIds;
    t = performance.now();
    const moved = reanchorDocuments(store, library, editedIds);
    const editedMs = performance.now() - t;
    const sum = (rs: typeof moved, k: 'annotations' | 'moved' | 'orphaned'): number => rs.reduce((n, r) => n + r[k], 0);

    const p95 = percentile(saveMs, 95);
    return [
      `Annotations (${HIGHLIGHTS} highlights on ${OUTLINE}, ${clauses.length} clauses)`,
      '',
      '| step | p50 ms | p95 ms | × bare insert p50 | target | |',
      '|---|---|---|---|---|---|',
      `| bare SQLite insert, one row a transaction (baseline) | ${fmt(percentile(bareMs, 50), 3)} | ${fmt(percentile(bareMs, 95), 3)} | 1 | | |`,
      `| save one annotation | ${fmt(percentile(saveMs, 50), 3)} | ${fmt(p95, 3)} | ${fmt(percentile(saveMs, 50) / Math.max(1e-6, percentile(bareMs, 50)), 1)} | ≤ 10 ms | ${p95 <= 10 ? 'met' : 'MISSED'} |`,
      '',
      '| re-anchoring after a re-import | ms | annotations | moved | orphans |',
      '|---|---|---|---|---|',
      `| text unchanged (newer reading rules) | ${fmt(unchangedMs, 0)} | ${sum(unchanged, 'annotations')} | ${sum(unchanged, 'moved')} | ${sum(unchanged, 'orphaned')} |`,
      `| every ， of the file changed to 、 | ${fmt(editedMs, 0)} | ${sum(moved, 'annotations')} | ${sum(moved, 'moved')} | ${sum(moved, 'orphaned')} |`,
    ].join('\n');
  } finally {
    store.close();
    library.close();
    cleanup();
  }
}
