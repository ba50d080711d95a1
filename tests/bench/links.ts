// The links bench (issue 13): every link computed on the seeds and the bench corpus, in processes
// of their own so that each peak memory is its own: a quarter of the corpus, then the rest arriving
// (the incremental update an import runs), then the whole computed again, beside a baseline of
// the same run (reading and folding every clause: the floor any comparison stands on). Then one
// clause's links (p95, with their evidence) beside a plain FTS5 query per clause, and the labelled
// set scored on the seeds alone and inside the whole corpus.
//
//   node tests/bench/links.ts          the report (npm run bench prints it too)

import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { ingestFile, ingestSeeds } from '../../electron/core/ingest/ingest-files.ts';
import { LinkReader, updateLinks } from '../../electron/core/links/index.ts';
import { gramsOf } from '../../electron/core/search/grams.ts';
import { Library } from '../../electron/core/store/library.ts';
import { fold } from '../../shared/fold.ts';
import { tempDir } from '../helpers/library.ts';
import { scoreLinks } from '../helpers/links-score.ts';
import { BENCH_CORPUS, benchFiles } from './corpus.ts';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

type Step = 'ingest-quarter' | 'ingest-rest' | 'reimport' | 'baseline' | 'links' | 'query' | 'seeds';

interface StepResult {
  step: Step;
  seconds: number;
  peakRssMb: number;
  documents: number;
  clauses: number;
  links: number;
  full: boolean;
  p50?: number;
  p95?: number;
  baselineP50?: number;
  baselineP95?: number;
  recall?: number;
  precision?: number;
  /** CPU seconds of the step (user and system): what a shared machine's load distorts least. */
  cpuSeconds?: number;
  /** Per clause compared: postings read, clauses touched, candidates scored exactly. */
  perClause?: { postings: number; touched: number; scored: number };
}

const QUERIED = 500;
/** Files removed and imported again to time an incremental update. */
const REIMPORTED = 30;
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const rss = (): number => process.resourceUsage().maxRSS / 1024;

function ranked(reader: LinkReader): (id: string) => string[] {
  return (id) => reader.clauseLinks(id, 10).flatMap((l) => (l.clauseId && l.kind !== 'citation' ? [l.clauseId] : []));
}

/** The labelled set on a library of the seeds alone. */
function seedsStep(): StepResult {
  const { dir, cleanup } = tempDir('clauseway-bench-links-seeds-');
  const seeds = Library.open(dir);
  try {
    ingestSeeds(seeds);
    const u = updateLinks(seeds);
    const s = scoreLinks(seeds, ranked(new LinkReader(seeds)));
    return { step: 'seeds', seconds: u.ms / 1000, documents: seeds.documentCount(), clauses: u.clauses, links: u.links, full: u.full, peakRssMb: rss(), recall: s.recallAt10, precision: s.precisionAt5 };
  } finally {
    seeds.close();
    cleanup();
  }
}

/** One step, in this process, on the library in `dir`. */
function runStep(step: Step, dir: string): StepResult {
  if (step === 'seeds') return seedsStep();
  const library = Library.open(dir);
  const base = { step, seconds: 0, peakRssMb: 0, documents: library.documentCount(), clauses: 0, links: 0, full: false };
  try {
    const files = benchFiles();
    const quarter = Math.ceil(files.length / 4);
    const t0 = performance.now();
    if (step === 'reimport') {
      const again = files.slice(-REIMPORTED);
      for (const f of again) library.db.prepare('DELETE FROM sources WHERE key = ?').run(`bench/${basename(f)}`);
      for (const f of again) ingestFile(library, f, { key: `bench/${basename(f)}` });
      return { ...base, seconds: (performance.now() - t0) / 1000, documents: library.documentCount(), peakRssMb: rss() };
    }
    if (step === 'ingest-quarter' || step === 'ingest-rest') {
      if (step === 'ingest-quarter') ingestSeeds(library);
      for (const f of step === 'ingest-quarter' ? files.slice(0, quarter) : files.slice(quarter)) ingestFile(library, f, { key: `bench/${basename(f)}` });
      return { ...base, seconds: (performance.now() - t0) / 1000, documents: library.documentCount(), peakRssMb: rss() };
    }
    if (step === 'baseline') {
      let n = 0;
      for (const r of library.db.prepare<[], { text: string }>("SELECT text FROM clauses WHERE kind NOT IN ('signature', 'table')").iterate()) n += fold(r.text).length > 0 ? 1 : 0;
      return { ...base, seconds: (performance.now() - t0) / 1000, clauses: n, peakRssMb: rss() };
    }
    if (step === 'links') {
      const cpu0 = process.cpuUsage();
      const u = updateLinks(library);
      const cpu = process.cpuUsage(cpu0);
      const r = u.retrieval;
      const per = (x: number): number => (r.clauses > 0 ? x / r.clauses : 0);
      const perClause = { postings: per(r.postings), touched: per(r.touched), scored: per(r.scored) };
      return { ...base, seconds: u.ms / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, perClause, clauses: u.clauses, links: u.links, documents: u.documents, full: u.full, peakRssMb: rss() };
    }
    // query: one clause's links with their evidence, against a plain FTS5 query per clause.
    const reader = new LinkReader(library);
    const ids = library.db.prepare<[number], { id: string; text: string }>("SELECT id, text FROM clauses WHERE kind NOT IN ('signature', 'table') AND length(text) >= 12 ORDER BY (seq * 7919) % 100003 LIMIT ?").all(QUERIED);
    const fts = library.db.prepare('SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? ORDER BY rank LIMIT 10');
    const ours: number[] = [];
    const plain: number[] = [];
    let links = 0;
    reader.clauseLinks(ids[0]?.id ?? '');
    for (const c of ids) {
      let t = performance.now();
      links += reader.clauseLinks(c.id, 10).length;
      ours.push(performance.now() - t);
      const phrase = `{grams} : "${gramsOf(fold(c.text.slice(0, 6))).split(' ').slice(0, 5).join(' ')}"`;
      t = performance.now();
      fts.all(phrase);
      plain.push(performance.now() - t);
    }
    const s = scoreLinks(library, ranked(reader));
    return { ...base, clauses: ids.length, links, p50: percentile(ours, 50), p95: percentile(ours, 95), baselineP50: percentile(plain, 50), baselineP95: percentile(plain, 95), peakRssMb: rss(), recall: s.recallAt10, precision: s.precisionAt5 };
  } finally {
    library.close();
  }
}

function child(step: Step, dir: string): StepResult {
  const out = execFileSync(process.execPath, [import.meta.filename, '--step', step, '--dir', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as StepResult;
}

const f = (n: number | undefined, d = 2): string => (n === undefined ? '' : n.toFixed(d));

export function linksReport(): string {
  const lines = ['Links (tests/bench/links.ts)', '', `load average at the start: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`, ''];
  const seeds = child('seeds', '');
  lines.push(`seeds: ${seeds.documents} documents, ${seeds.clauses} clauses compared, ${seeds.links} links in ${f(seeds.seconds)} s; labelled set: recall@10 ${f(seeds.recall, 3)} (target 0.9), precision@5 ${f(seeds.precision, 3)} (target 0.8)`);
  if (!existsSync(BENCH_CORPUS)) return [...lines, `(bench corpus not found at ${BENCH_CORPUS})`].join('\n');
  const { dir, cleanup } = tempDir('clauseway-bench-links-');
  try {
    const rows: [string, StepResult][] = [];
    child('ingest-quarter', dir);
    rows.push(['quarter: read and fold every clause (baseline)', child('baseline', dir)]);
    rows.push(['quarter: all links', child('links', dir)]);
    child('ingest-rest', dir);
    rows.push(['whole: read and fold every clause (baseline)', child('baseline', dir)]);
    // Four times the documents: the weights moved, so the update computes everything again.
    rows.push(['whole: all links', child('links', dir)]);
    child('reimport', dir);
    rows.push([`whole: ${REIMPORTED} files imported again (incremental)`, child('links', dir)]);
    const q = child('query', dir);
    lines.push('', '| step | documents | clauses | links | seconds | CPU s | peak RSS MB | × baseline | per clause: postings, touched, scored |', '|---|---|---|---|---|---|---|---|---|');
    for (const [what, r] of rows) {
      const baseline = rows.find(([w, b]) => b.step === 'baseline' && w.split(':')[0] === what.split(':')[0])?.[1];
      const ratio = r.step !== 'baseline' && baseline && baseline.seconds > 0 ? `${f(r.seconds / baseline.seconds, 1)}×` : '';
      const per = r.perClause ? `${f(r.perClause.postings, 0)}, ${f(r.perClause.touched, 0)}, ${f(r.perClause.scored, 1)}` : '';
      lines.push(`| ${what} | ${r.step === 'baseline' ? '' : r.documents} | ${r.clauses} | ${r.step === 'baseline' ? '' : r.links} | ${f(r.seconds)} | ${f(r.cpuSeconds)} | ${f(r.peakRssMb, 0)} | ${ratio} | ${per} |`);
    }
    const quarterAll = rows[1]?.[1];
    const wholeAll = rows[3]?.[1];
    lines.push('');
    if (quarterAll && wholeAll) lines.push(`growth: a quarter ${f(quarterAll.seconds)} s (${quarterAll.clauses} clauses) → the whole ${f(wholeAll.seconds)} s (${wholeAll.clauses} clauses): ${f(wholeAll.seconds / quarterAll.seconds, 1)}× the time for ${f(wholeAll.clauses / quarterAll.clauses, 1)}× the clauses`);
    lines.push(`one clause's links with evidence (${q.clauses} clauses): p50 ${f(q.p50)} ms, p95 ${f(q.p95)} ms; a plain FTS5 query per clause: p50 ${f(q.baselineP50)} ms, p95 ${f(q.baselineP95)} ms`);
    lines.push(`labelled set inside the whole library: recall@10 ${f(q.recall, 3)}, precision@5 ${f(q.precision, 3)}`);
    const verdict = (ok: boolean): string => (ok ? 'met   ' : 'MISSED');
    if (wholeAll) {
      lines.push('', `${verdict(wholeAll.seconds <= 60)} all links of the whole corpus in ${f(wholeAll.seconds, 1)} s within 60 s`);
      lines.push(`${verdict(wholeAll.peakRssMb <= 1536)} peak memory ${f(wholeAll.peakRssMb, 0)} MB under 1536 MB`);
    }
    lines.push(`${verdict((q.p95 ?? Infinity) <= 20)} one clause's links p95 ${f(q.p95)} ms within 20 ms`);
    lines.push(`${verdict((seeds.recall ?? 0) >= 0.9 && (seeds.precision ?? 0) >= 0.8)} labelled set recall@10 ${f(seeds.recall, 3)} ≥ 0.9, precision@5 ${f(seeds.precision, 3)} ≥ 0.8`);
    return lines.join('\n');
  } finally {
    cleanup();
  }
}

const args = process.argv.slice(2);
const stepArg = args.indexOf('--step');
if (stepArg >= 0) {
  process.stdout.write(JSON.stringify(runStep(args[stepArg + 1] as Step, args[args.indexOf('--dir') + 1] ?? '')) + '\n');
} else if (import.meta.filename === process.argv[1]) {
  process.stdout.write(`${linksReport()}\n`);
}
