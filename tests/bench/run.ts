// `npm run bench`: speed and memory of the engine, as a table with ratios against a baseline
// measured in the same run on the same files. Each phase runs in its own process so that its peak
// memory (max RSS) is its own.
//
//   baseline  read every file and decode it as UTF-8: the floor any ingest stands on
//   parse     the whole pipeline up to clause trees, nothing stored
//   ingest    parse and store into a fresh library: the seeds one file a transaction, the bench
//             corpus as the command line imports a folder (parsing threads, shared transactions)
//
// Then search (search.ts), over a library of each corpus: index build and size, start-up, and the
// query mix of queries.ts beside bare FTS5 and LIKE baselines measured in the same run.
// `node tests/bench/run.ts --search` runs the search part alone; `--briefs` the briefs' exports alone;
// `--links` the links (links.ts) alone.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ingestMany } from '../../electron/core/ingest/batch.ts';
import { ingestSeeds, MANIFEST_FILE, SEEDS_DIR } from '../../electron/core/ingest/ingest-files.ts';
import { loadManifest } from '../../electron/core/ingest/manifest.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { Library } from '../../electron/core/store/library.ts';
import { BENCH_CORPUS, filesOf, type Corpus } from './corpus.ts';
import { QUERIES } from './queries.ts';
import { annotationsReport } from './annotations.ts';
import { briefsReport } from './briefs.ts';
import { bigFileReport } from './big-file.ts';
import { linksReport } from './links.ts';
import { searchBench, searchReport, searchVerdicts } from './search.ts';
import type { FrameStats, UiRow } from './ui-types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

type Phase = 'baseline' | 'parse' | 'ingest';

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
  /** After the bench corpus's ingest: `clauseway docs --json` over it, and a bare `node -e 0`, ms (median of 5). */
  cli?: { docsMs: number; nodeMs: number };
}

/** The median wall time of running a command five times. */
function medianRun(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2] ?? 0;
}

/** One phase over one corpus, in this process. The seeds are small: run them several rounds. */
async function runPhase(corpus: Corpus, phase: Phase): Promise<Measure> {
  const files = filesOf(corpus);
  const rounds = corpus === 'seeds' ? 20 : 1;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  let documents = 0;
  let clauses = 0;
  let cli: Measure['cli'];
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
      if (corpus === 'seeds') ingestSeeds(library);
      else await ingestMany(library, files.map((path) => ({ path })));
      // What was stored, not what was read: a file whose text is already there adds nothing.
      documents = library.documentCount();
      clauses = library.db.prepare<[], number>('SELECT count(*) FROM clauses').pluck().get() ?? 0;
    }
    times.push((performance.now() - t0) / 1000);
    library?.close();
    if (library && corpus === 'bench') {
      cli = { docsMs: medianRun([join(ROOT, 'bin', 'clauseway.js'), 'docs', '--json', '--data', dir]), nodeMs: medianRun(['-e', '0']) };
    }
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)] ?? 0;
  return { corpus, phase, files: files.length, bytes, seconds, documents, clauses, peakRssMb: process.resourceUsage().maxRSS / 1024, rounds, ...(cli ? { cli } : {}) };
}

function child(corpus: Corpus, phase: Phase): Measure {
  const out = execFileSync(process.execPath, [import.meta.filename, '--phase', phase, '--corpus', corpus], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measure;
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

/** Issue 12's targets for importing the bench corpus. */
function ingestVerdicts(m: Measure): string {
  const line = (met: boolean, text: string): string => `${met ? 'met   ' : 'MISSED'}  ${text}`;
  return [
    line(m.seconds <= 15, `ingest of the bench corpus ${fmt(m.seconds)} s within 15 s`),
    line(m.peakRssMb <= 600, `ingest peak RSS ${fmt(m.peakRssMb, 0)} MB within 600 MB`),
    ...(m.cli ? [line(m.cli.docsMs <= 250, `clauseway docs --json over it ${fmt(m.cli.docsMs, 0)} ms within 250 ms (a bare node -e 0: ${fmt(m.cli.nodeMs, 0)} ms)`)] : []),
  ].join('\n');
}

/** How faithfully the bench corpus is read (tests/bench/fidelity.ts), in a process of its own. */
function fidelityReport(): string {
  const script = join(ROOT, 'tests', 'bench', 'fidelity.ts');
  try {
    return execFileSync(process.execPath, [script, BENCH_CORPUS], { encoding: 'utf8', maxBuffer: 1 << 22 });
  } catch (e) {
    // It exits non-zero when an article count differs or a document reads as mojibake: say so.
    const out = (e as { stdout?: string }).stdout ?? '';
    return `${out}\n(fidelity check FAILED: see the lines above)`;
  }
}

function uiReport(): string {
  const out = execFileSync(process.execPath, [join(ROOT, 'tests', 'e2e', 'ui-bench.ts'), ...(existsSync(BENCH_CORPUS) ? [BENCH_CORPUS] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const { rows, scroll, idle, longest } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rows: UiRow[]; scroll: FrameStats; idle: FrameStats; longest: string };
  // The library at scale (tests/e2e/library-bench.ts): the seeds and the bench corpus in one library.
  const libraryOut = execFileSync(process.execPath, [join(ROOT, 'tests', 'e2e', 'library-bench.ts'), ...(existsSync(BENCH_CORPUS) ? [BENCH_CORPUS] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rows.push(...(JSON.parse(libraryOut.trim().split('\n').pop() ?? '[]') as UiRow[]));
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
const corpora: Corpus[] = existsSync(BENCH_CORPUS) ? ['seeds', 'bench'] : ['seeds'];
if (phaseArg >= 0) {
  const phase = args[phaseArg + 1] as Phase;
  const corpus = args[args.indexOf('--corpus') + 1] as Corpus;
  process.stdout.write(JSON.stringify(await runPhase(corpus, phase)) + '\n');
} else if (args.includes('--briefs')) {
  // `node tests/bench/run.ts --briefs`: the briefs part alone.
  process.stdout.write(`\n${await briefsReport()}\n`);
} else if (args.includes('--links')) {
  process.stdout.write(`Clauseway links bench — Node ${process.version}, ${new Date().toISOString()}\n\n${linksReport()}\n`);
} else {
  process.stdout.write(`Clauseway engine bench — Node ${process.version}, ${new Date().toISOString()}\n`);
  if (!args.includes('--search')) {
    const rows: Measure[] = [];
    for (const corpus of corpora) for (const phase of ['baseline', 'parse', 'ingest'] as const) rows.push(child(corpus, phase));
    process.stdout.write(`\nIngest\n\n${table(rows)}\n`);
    const bench = rows.find((r) => r.corpus === 'bench' && r.phase === 'ingest');
    if (bench) process.stdout.write(`\n${ingestVerdicts(bench)}\n`);
    if (args.includes('--ingest')) process.exit(0);
  }
  for (const corpus of corpora) {
    const m = searchBench(corpus);
    process.stdout.write(`\nSearch, ${corpus} (${QUERIES.length} queries, limit 20)\n\n${searchReport(m)}\n`);
    if (corpus === 'bench') process.stdout.write(`\nTargets on the bench corpus:\n${searchVerdicts(m)}\n`);
  }
  if (!args.includes('--search')) process.stdout.write(`\n${annotationsReport()}\n`);
  if (!args.includes('--search')) process.stdout.write(`\n${await briefsReport()}\n`);
  // Issue 15: a file at the size limit (tests/bench/big-file.ts).
  if (!args.includes('--search')) process.stdout.write(`\n${bigFileReport()}\n`);
  if (!args.includes('--search')) process.stdout.write(`\n${linksReport()}\n`);
  if (!args.includes('--search') && existsSync(BENCH_CORPUS)) process.stdout.write(`\nReading the bench corpus\n\n${fidelityReport()}\n`);
  if (!args.includes('--search')) {
    if (existsSync('/usr/bin/chromium')) process.stdout.write(`\n${uiReport()}\n`);
    else process.stdout.write('\n(no /usr/bin/chromium: the end-to-end timings were not measured)\n');
  }
  if (!existsSync(BENCH_CORPUS)) process.stdout.write(`\n(bench corpus not found at ${BENCH_CORPUS}: only the seeds were measured)\n`);
}
