// `npm run bench`: speed and memory of the engine, as a table with ratios against a baseline
// measured in the same run on the same files. Each phase runs in its own process so that its peak
// memory (max RSS) is its own.
//
//   baseline  read every file and decode it as UTF-8: the floor any ingest stands on
//   parse     the whole pipeline up to clause trees, nothing stored
//   ingest    parse and store into a fresh library, one transaction per file
//
// Then search, over a library of each corpus: the time to build each index from scratch, their
// sizes, cold load, and query latency over a fixed list of queries beside the same queries run as
// a bare FTS5 MATCH (the ratio is the figure).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ingestFile, ingestSeeds, MANIFEST_FILE, SEEDS_DIR, seedFiles } from '../../electron/core/ingest/ingest-files.ts';
import { loadManifest } from '../../electron/core/ingest/manifest.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { Library } from '../../electron/core/store/library.ts';
import { Searcher } from '../../electron/core/search/searcher.ts';
import { indexClauses } from '../../electron/core/search/fts.ts';
import { allTermsQuery } from '../../electron/core/search/grams.ts';
import { parseQuery } from '../../shared/query.ts';
import { QUERIES } from './queries.ts';
import type { FrameStats, UiRow } from './ui-types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_CORPUS = resolve(ROOT, '..', 'shared', 'bench-corpus', 'laws');

type Phase = 'baseline' | 'parse' | 'ingest';
type Corpus = 'seeds' | 'bench';

interface Measure {
  corpus: Corpus;
  phase: Phase;
  files: number;
  bytes: number;
  seconds: number;
  documents: number;
  clauses: number;
  peakRssMb: number;
  rounds: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') && f !== 'README.md' ? [p] : [];
    });
}

function filesOf(corpus: Corpus): string[] {
  return corpus === 'seeds' ? seedFiles() : walk(BENCH_CORPUS);
}

/** One phase over one corpus, in this process. The seeds are small: run them several rounds. */
function runPhase(corpus: Corpus, phase: Phase): Measure {
  const files = filesOf(corpus);
  const rounds = corpus === 'seeds' ? 20 : 1;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  let documents = 0;
  let clauses = 0;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    documents = 0;
    clauses = 0;
    const dir = mkdtempSync(join(tmpdir(), 'clauseway-bench-'));
    const library = phase === 'ingest' ? Library.open(dir) : null;
    const t0 = performance.now();
    if (phase === 'baseline') {
      for (const f of files) documents += new TextDecoder().decode(readFileSync(f)).length > 0 ? 1 : 0;
    } else if (phase === 'parse') {
      const manifest = corpus === 'seeds' ? loadManifest(join(SEEDS_DIR, MANIFEST_FILE)) : null;
      for (const f of files) {
        const p = parseSource(f, readFileSync(f), manifest?.files[basename(f)]);
        documents += p.documents.length;
        clauses += p.documents.reduce((n, d) => n + d.clauses.length, 0);
      }
    } else if (library) {
      const outcomes = corpus === 'seeds' ? ingestSeeds(library) : files.map((f) => ingestFile(library, f));
      for (const o of outcomes) {
        documents += o.documents;
        clauses += o.clauses;
      }
    }
    times.push((performance.now() - t0) / 1000);
    library?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)] ?? 0;
  return { corpus, phase, files: files.length, bytes, seconds, documents, clauses, peakRssMb: process.resourceUsage().maxRSS / 1024, rounds };
}

interface SearchMeasure {
  corpus: Corpus;
  clauses: number;
  ftsBuildS: number;
  lunrBuildS: number;
  ftsMb: number;
  lunrMb: number;
  lunrEntries: number;
  buildPeakRssMb: number;
  coldLoadMs: number;
  queryP50: number;
  queryP95: number;
  bareP50: number;
  bareP95: number;
  queryPeakRssMb: number;
  queries: number;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** A library of the corpus, for the search phases. */
function prepare(corpus: Corpus, dir: string): void {
  const library = Library.open(dir);
  if (corpus === 'seeds') ingestSeeds(library);
  else for (const f of filesOf(corpus)) ingestFile(library, f);
  library.close();
}

/** Both indexes built from scratch over the library's clauses. */
function searchBuild(dir: string): Partial<SearchMeasure> {
  const library = Library.open(dir);
  const db = library.db;
  const t0 = performance.now();
  db.transaction(() => {
    db.prepare("INSERT INTO clause_grams (clause_grams) VALUES ('delete-all')").run();
    indexClauses(db, 'SELECT seq, text, heading FROM clauses');
  })();
  const ftsBuildS = (performance.now() - t0) / 1000;
  db.prepare('DELETE FROM lunr_shards').run();
  const t1 = performance.now();
  const report = new Searcher(db).open();
  const lunrBuildS = (performance.now() - t1) / 1000;
  const ftsBytes = (db.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'clause_grams%'").get() as { n: number }).n;
  const lunrBytes = (db.prepare('SELECT sum(length(index_json)) AS n FROM lunr_shards').get() as { n: number }).n;
  const clauses = (db.prepare('SELECT count(*) AS n FROM clauses').get() as { n: number }).n;
  library.close();
  return { clauses, ftsBuildS, lunrBuildS, ftsMb: ftsBytes / 1048576, lunrMb: lunrBytes / 1048576, lunrEntries: report.entries, buildPeakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Cold start of search, then every query of the list: ours and the bare FTS5 MATCH, 5 runs each. */
function searchQuery(dir: string): Partial<SearchMeasure> {
  const t0 = performance.now();
  const library = Library.open(dir);
  const searcher = new Searcher(library.db);
  const report = searcher.open();
  const coldLoadMs = performance.now() - t0;
  if (report.rebuilt !== 'none') throw new Error(`a cold start rebuilt the ${report.rebuilt} shard`);
  const bare = library.db.prepare('SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? ORDER BY rank LIMIT 20');
  const ours: number[] = [];
  const base: number[] = [];
  for (const q of QUERIES) {
    const match = allTermsQuery(parseQuery(q).folded);
    const time = (f: () => unknown): number => {
      f();
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        f();
        runs.push(performance.now() - t);
      }
      return quantile(runs, 0.5);
    };
    ours.push(time(() => searcher.search(q, { limit: 20 })));
    base.push(time(() => bare.all(match)));
  }
  library.close();
  return { coldLoadMs, queryP50: quantile(ours, 0.5), queryP95: quantile(ours, 0.95), bareP50: quantile(base, 0.5), bareP95: quantile(base, 0.95), queryPeakRssMb: process.resourceUsage().maxRSS / 1024, queries: QUERIES.length };
}

function child(corpus: Corpus, phase: Phase): Measure {
  const out = execFileSync(process.execPath, [import.meta.filename, '--phase', phase, '--corpus', corpus], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measure;
}

function childJson(args: string[]): Partial<SearchMeasure> {
  const out = execFileSync(process.execPath, [import.meta.filename, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Partial<SearchMeasure>;
}

function searchBench(corpus: Corpus): SearchMeasure {
  const dir = mkdtempSync(join(tmpdir(), 'clauseway-search-bench-'));
  try {
    childJson(['--prepare', corpus, dir]);
    return { corpus, ...childJson(['--search-build', dir]), ...childJson(['--search-query', dir]) } as SearchMeasure;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function searchTable(rows: SearchMeasure[]): string {
  const header = ['corpus', 'clauses', 'FTS5 build s', 'Lunr build s', 'FTS5 MB', 'Lunr MB (entries)', 'build peak RSS MB', 'cold load ms', 'query p50 / p95 ms', 'bare FTS5 p50 / p95 ms', 'p95 × bare', 'query peak RSS MB'];
  const lines = rows.map((m) => [
    m.corpus,
    String(m.clauses),
    fmt(m.ftsBuildS, 2),
    fmt(m.lunrBuildS, 2),
    fmt(m.ftsMb),
    `${fmt(m.lunrMb)} (${m.lunrEntries})`,
    fmt(m.buildPeakRssMb, 0),
    fmt(m.coldLoadMs, 0),
    `${fmt(m.queryP50, 2)} / ${fmt(m.queryP95, 2)}`,
    `${fmt(m.bareP50, 2)} / ${fmt(m.bareP95, 2)}`,
    fmt(m.queryP95 / m.bareP95),
    fmt(m.queryPeakRssMb, 0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

/** The search targets of the bench corpus, checked against this run. */
function verdicts(m: SearchMeasure): string {
  const checks: [string, boolean][] = [
    [`index build ${fmt(m.ftsBuildS + m.lunrBuildS)} s within 60 s`, m.ftsBuildS + m.lunrBuildS <= 60],
    [`peak memory ${fmt(Math.max(m.buildPeakRssMb, m.queryPeakRssMb), 0)} MB under 1536 MB`, Math.max(m.buildPeakRssMb, m.queryPeakRssMb) < 1536],
    [`index load ${fmt(m.coldLoadMs, 0)} ms under 1000 ms`, m.coldLoadMs < 1000],
    [`query p95 ${fmt(m.queryP95, 1)} ms under 50 ms`, m.queryP95 < 50],
    [`query p95 within 3× bare FTS5 (${fmt(m.queryP95 / m.bareP95)}×)`, m.queryP95 <= 3 * m.bareP95],
  ];
  return checks.map(([what, ok]) => `${ok ? 'met ' : 'MISSED'}  ${what}`).join('\n');
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

function table(rows: Measure[]): string {
  const header = ['corpus', 'phase', 'files', 'MB', 'docs', 'clauses', 'seconds', 'files/s', 'MB/s', 'peak RSS MB', '× baseline'];
  const lines = rows.map((m) => {
    const base = rows.find((b) => b.corpus === m.corpus && b.phase === 'baseline');
    const ratio = base && base.seconds > 0 ? m.seconds / base.seconds : NaN;
    const mb = m.bytes / 1048576;
    return [
      m.corpus + (m.rounds > 1 ? ` (median of ${m.rounds})` : ''),
      m.phase,
      String(m.files),
      fmt(mb),
      m.phase === 'baseline' ? '' : String(m.documents),
      m.phase === 'baseline' ? '' : String(m.clauses),
      fmt(m.seconds, 3),
      fmt(m.files / m.seconds, 0),
      fmt(mb / m.seconds),
      fmt(m.peakRssMb, 0),
      m.phase === 'baseline' ? '1' : fmt(ratio),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

function uiReport(): string {
  const out = execFileSync(process.execPath, [join(ROOT, 'tests', 'e2e', 'ui-bench.ts'), ...(existsSync(BENCH_CORPUS) ? [BENCH_CORPUS] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const { rows, scroll, idle, longest } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rows: UiRow[]; scroll: FrameStats; idle: FrameStats; longest: string };
  const lines = rows.map((r) => `| ${r.what} | ${fmt(r.ms, 0)} | ${r.ratio === undefined ? '' : `${fmt(r.ratio)}× ${r.baseline ?? ''}`} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : 'MISSED'} |`);
  const frame = (name: string, f: FrameStats): string => `| ${name} | ${f.frames} | ${fmt(f.p50)} | ${fmt(f.p95)} | ${fmt(f.max)} | ${f.over16} | ${f.over33} |`;
  return [
    `End to end (Debian Chromium, browser mode; longest law: ${longest ? longest.split('/').pop() ?? '' : 'bench corpus absent'})`,
    '',
    '| step | ms | × baseline | target | |',
    '|---|---|---|---|---|',
    ...lines,
    '',
    'Frame times, scrolling the longest document 120 px a frame, beside an idle page:',
    '',
    '| | frames | p50 ms | p95 ms | max ms | > 17.5 ms | > 34 ms |',
    '|---|---|---|---|---|---|---|',
    frame('scrolling', scroll),
    frame('idle (baseline)', idle),
  ].join('\n');
}

const args = process.argv.slice(2);
const phaseArg = args.indexOf('--phase');
if (args[0] === '--prepare') {
  prepare(args[1] as Corpus, args[2] ?? '');
  process.stdout.write('{}\n');
} else if (args[0] === '--search-build') {
  process.stdout.write(JSON.stringify(searchBuild(args[1] ?? '')) + '\n');
} else if (args[0] === '--search-query') {
  process.stdout.write(JSON.stringify(searchQuery(args[1] ?? '')) + '\n');
} else if (phaseArg >= 0) {
  const phase = args[phaseArg + 1] as Phase;
  const corpus = args[args.indexOf('--corpus') + 1] as Corpus;
  process.stdout.write(JSON.stringify(runPhase(corpus, phase)) + '\n');
} else {
  const corpora: Corpus[] = existsSync(BENCH_CORPUS) ? ['seeds', 'bench'] : ['seeds'];
  const rows: Measure[] = [];
  for (const corpus of corpora) for (const phase of ['baseline', 'parse', 'ingest'] as const) rows.push(child(corpus, phase));
  process.stdout.write(`Clauseway engine bench — Node ${process.version}, ${new Date().toISOString()}\n\nIngest\n\n${table(rows)}\n`);
  const search = corpora.map(searchBench);
  process.stdout.write(`\nSearch (${QUERIES.length} queries, limit 20, median of 5 runs each)\n\n${searchTable(search)}\n`);
  const bench = search.find((m) => m.corpus === 'bench');
  if (bench) process.stdout.write(`\nTargets on the bench corpus:\n${verdicts(bench)}\n`);
  if (existsSync('/usr/bin/chromium')) process.stdout.write(`\n${uiReport()}\n`);
  else process.stdout.write('\n(no /usr/bin/chromium: the end-to-end timings were not measured)\n');
  if (!existsSync(BENCH_CORPUS)) process.stdout.write(`\n(bench corpus not found at ${BENCH_CORPUS}: only the seeds were measured)\n`);
}
