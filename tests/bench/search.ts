// The search bench: index build and size, start-up, and the query mix of queries.ts, each query
// beside three baselines measured in the same process on the same library:
//
//   bare FTS5   the terms as one FTS5 MATCH … ORDER BY rank LIMIT 20, no filter, no boost
//   LIKE 20     the first 20 clauses whose text holds every term (LIKE '%t%'), filter joined
//   LIKE scan   every such clause: the cost of reading the clauses a filter selects
//
// Each phase runs in a process of its own (peak RSS is its own). Run alone with
//   node tests/bench/search.ts [--corpus seeds|bench] [--dir DIR] [--rounds N] [--no-build]
// DIR keeps the prepared library between runs (it is built when absent); --no-build measures its
// indexes as they are instead of building them again.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile, ingestSeeds } from '../../electron/core/ingest/ingest-files.ts';
import { indexClauses, mergeSegments } from '../../electron/core/search/fts.ts';
import { allTermsQuery } from '../../electron/core/search/grams.ts';
import { MAX_LIMIT, Searcher } from '../../electron/core/search/searcher.ts';
import { Library } from '../../electron/core/store/library.ts';
import { parseQuery, type SearchFilters } from '../../shared/query.ts';
import { benchFiles, type Corpus } from './corpus.ts';
import { QUERIES, type QueryKind } from './queries.ts';

export interface QueryTiming {
  kind: QueryKind;
  q: string;
  count: boolean;
  ms: number;
  bare: number;
  likeTop: number;
  likeScan: number;
  matches: number;
}

export interface BuildMeasure {
  clauses: number;
  ftsBuildS: number;
  lunrBuildS: number;
  ftsMb: number;
  lunrMb: number;
  lunrEntries: number;
  buildPeakRssMb: number;
}

export interface SearchMeasure {
  corpus: Corpus;
  /** Absent when the run reused a library without rebuilding its indexes. */
  build?: BuildMeasure;
  /** Library.open to the first search answered, in a fresh process. */
  firstSearchMs: number;
  /** The same process: importing the engine's modules before that. */
  importMs: number;
  queries: QueryTiming[];
  recall: { phrases: number; found: number; expected: number };
  queryPeakRssMb: number;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** The median of 5 timed runs after one untimed run. */
function time(f: () => unknown): number {
  f();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    f();
    runs.push(performance.now() - t);
  }
  return quantile(runs, 0.5);
}

/** A library of the corpus (the bench corpus comes with the seeds, as a user's library would). */
function prepare(corpus: Corpus, dir: string): void {
  const library = Library.open(dir);
  ingestSeeds(library);
  if (corpus === 'bench') for (const f of benchFiles()) ingestFile(library, f);
  new Searcher(library.db).open();
  library.close();
}

/** Both indexes built from scratch over the library's clauses (the library keeps them). */
function build(dir: string): BuildMeasure {
  const library = Library.open(dir);
  const db = library.db;
  const t0 = performance.now();
  db.transaction(() => {
    db.prepare("INSERT INTO clause_grams (clause_grams) VALUES ('delete-all')").run();
    indexClauses(db, 'SELECT seq, text, heading FROM clauses');
  })();
  mergeSegments(db);
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

/** The engine as a fresh process starts it, up to its first answer. */
function first(dir: string, importMs: number): Partial<SearchMeasure> {
  const t0 = performance.now();
  const library = Library.open(dir);
  const searcher = new Searcher(library.db);
  const report = searcher.open();
  if (report.rebuilt !== 'none') throw new Error(`a start rebuilt the ${report.rebuilt} shard`);
  searcher.search('绿色金融', { limit: 20 });
  const firstSearchMs = performance.now() - t0;
  library.close();
  return { firstSearchMs, importMs };
}

/** The LIKE baseline: the SQL of a filter, written apart from the engine's. */
function likeSql(terms: string[], f: SearchFilters): { sql: string; params: (string | number)[] } {
  const where = terms.map(() => "c.text LIKE '%' || ? || '%'");
  const params: (string | number)[] = [...terms];
  if (f.jurisdiction) {
    where.push("EXISTS (SELECT 1 FROM json_each(d.jurisdictions) j WHERE (json_extract(j.value, '$.name') IN (?, ? || '市', ? || '省', ? || '区', ? || '县', ? || '特别行政区') OR json_extract(j.value, '$.name') LIKE ? || '%合作区'))");
    params.push(...Array<string>(7).fill(f.jurisdiction));
  }
  const simple: [string, string | number | undefined][] = [
    ['d.level = ?', f.level],
    ['d.kind = ?', f.kind],
    ['CAST(substr(d.date, 1, 4) AS INTEGER) >= ?', f.yearFrom],
    ['CAST(substr(d.date, 1, 4) AS INTEGER) <= ?', f.yearTo],
    ['d.id = ?', f.docId],
  ];
  for (const [sql, value] of simple) {
    if (value === undefined) continue;
    where.push(sql);
    params.push(value);
  }
  return { sql: `SELECT c.seq FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE ${where.join(' AND ')}`, params };
}

/**
 * Recall against an oracle the engine does not use: phrases of 2–8 characters cut at random from
 * random clauses (seeded); every clause whose text holds the phrase must be among the results.
 */
function recall(library: Library, searcher: Searcher): SearchMeasure['recall'] {
  const db = library.db;
  const max = (db.prepare('SELECT max(seq) AS n FROM clauses').get() as { n: number }).n;
  let seed = 12;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = { phrases: 0, found: 0, expected: 0 };
  const clause = db.prepare<[number], { text: string }>('SELECT text FROM clauses WHERE seq >= ? ORDER BY seq LIMIT 1');
  const containing = db.prepare<[string], { id: string }>('SELECT id FROM clauses WHERE instr(text, ?) > 0');
  while (out.phrases < 50) {
    const chars = Array.from(clause.get(1 + Math.floor(random() * max))?.text ?? '');
    const len = 2 + Math.floor(random() * 7);
    if (chars.length < len) continue;
    const start = Math.floor(random() * (chars.length - len + 1));
    const phrase = chars.slice(start, start + len).join('');
    if (/["“”「」\s]/.test(phrase)) continue;
    const expected = containing.all(phrase).map((r) => r.id);
    if (expected.length > MAX_LIMIT) continue;
    const found = new Set(searcher.search(phrase, { limit: MAX_LIMIT }).hits.map((h) => h.clauseId));
    out.phrases++;
    out.expected += expected.length;
    out.found += expected.filter((id) => found.has(id)).length;
  }
  return out;
}

/** Every query of the mix: ours and the three baselines. */
function queries(dir: string): Partial<SearchMeasure> {
  const library = Library.open(dir);
  const searcher = new Searcher(library.db);
  searcher.open();
  const db = library.db;
  const bare = db.prepare('SELECT rowid FROM clause_grams WHERE clause_grams MATCH ? ORDER BY rank LIMIT 20');
  const out: QueryTiming[] = [];
  for (const { kind, q, count = false } of QUERIES) {
    const parsed = parseQuery(q);
    const like = likeSql(parsed.terms, parsed.filters);
    const top = db.prepare(`${like.sql} LIMIT 20`);
    const scan = db.prepare(like.sql);
    const ms = time(() => searcher.search(q, { limit: 20, count }));
    out.push({
      kind,
      q,
      count,
      ms,
      bare: time(() => bare.all(allTermsQuery(parsed.folded))),
      likeTop: time(() => top.all(...like.params)),
      likeScan: time(() => scan.all(...like.params)),
      matches: searcher.search(q, { limit: 1, count: true }).total ?? 0,
    });
  }
  const r = recall(library, searcher);
  library.close();
  return { queries: out, recall: r, queryPeakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function child(args: string[]): Partial<SearchMeasure> | BuildMeasure {
  const out = execFileSync(process.execPath, [import.meta.filename, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Partial<SearchMeasure> | BuildMeasure;
}

/** The whole search bench over one corpus; `dir` keeps its library (else a temporary one). */
export function searchBench(corpus: Corpus, dir?: string, rebuild = true): SearchMeasure {
  const where = dir ?? mkdtempSync(join(tmpdir(), 'clauseway-search-bench-'));
  try {
    if (!existsSync(join(where, 'clauseway.db'))) {
      mkdirSync(where, { recursive: true });
      child(['--prepare', corpus, where]);
    }
    const built = rebuild ? (child(['--build', where]) as BuildMeasure) : undefined;
    return { corpus, ...(built ? { build: built } : {}), ...child(['--first', where]), ...child(['--queries', where]) } as SearchMeasure;
  } finally {
    if (!dir) rmSync(where, { recursive: true, force: true });
  }
}

const fmt = (n: number | undefined, digits = 1): string => (n === undefined ? '' : n.toFixed(digits));

function markdown(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

const stats = (xs: number[]): string => `${fmt(quantile(xs, 0.5), 2)} / ${fmt(quantile(xs, 0.95), 2)} / ${fmt(Math.max(...xs), 2)}`;

/** Index sizes and times, start-up, and the mix by kind with p50 / p95 / max beside each baseline. */
export function searchReport(m: SearchMeasure): string {
  const b = m.build;
  const index = markdown(
    ['corpus', 'clauses', 'FTS5 build s', 'doc index build s', 'FTS5 MB', 'doc index MB (docs)', 'build peak RSS MB', 'imports ms', 'open → first answer ms', 'query peak RSS MB'],
    [[m.corpus, String(b?.clauses ?? ''), fmt(b?.ftsBuildS, 2), fmt(b?.lunrBuildS, 2), fmt(b?.ftsMb), b ? `${fmt(b.lunrMb)} (${b.lunrEntries})` : '', fmt(b?.buildPeakRssMb, 0), fmt(m.importMs, 0), fmt(m.firstSearchMs, 0), fmt(m.queryPeakRssMb, 0)]],
  );
  const kinds = [...new Set(m.queries.map((q) => q.kind))];
  const byKind = (qs: QueryTiming[], label: string): string[] => [label, String(qs.length), stats(qs.map((q) => q.ms)), stats(qs.map((q) => q.bare)), stats(qs.map((q) => q.likeTop)), stats(qs.map((q) => q.likeScan))];
  const kindTable = markdown(
    ['kind', 'queries', 'ours p50 / p95 / max ms', 'bare FTS5', 'LIKE 20', 'LIKE scan'],
    [...kinds.map((k) => byKind(m.queries.filter((q) => q.kind === k), k)), byKind(m.queries, 'all')],
  );
  const perQuery = markdown(
    ['query', 'kind', 'matches', 'ours ms', 'bare FTS5', 'LIKE 20', 'LIKE scan', '× bare'],
    m.queries.map((q) => [q.q + (q.count ? ' (+count)' : ''), q.kind, String(q.matches), fmt(q.ms, 2), fmt(q.bare, 2), fmt(q.likeTop, 2), fmt(q.likeScan, 2), fmt(q.ms / q.bare)]),
  );
  return `${index}\n\nBy kind (median of 5 runs per query)\n\n${kindTable}\n\nEvery query\n\n${perQuery}`;
}

/** The targets of issue 12 on the bench corpus, checked against this run. */
export function searchVerdicts(m: SearchMeasure): string {
  const ms = m.queries.map((q) => q.ms);
  const slowest = m.queries.reduce((a, b) => (b.ms > a.ms ? b : a));
  const filtered = m.queries.filter((q) => q.kind === 'filtered');
  const over = filtered.filter((q) => q.ms > q.likeScan);
  const b = m.build;
  const peak = Math.max(b?.buildPeakRssMb ?? 0, m.queryPeakRssMb);
  const checks: [string, boolean][] = [
    ...(b ? [[`index build ${fmt(b.ftsBuildS + b.lunrBuildS)} s within 60 s`, b.ftsBuildS + b.lunrBuildS <= 60] as [string, boolean]] : []),
    [`peak memory ${fmt(peak, 0)} MB under 1536 MB`, peak < 1536],
    [`first search answered ${fmt(m.firstSearchMs, 0)} ms after the library opens, within 250 ms`, m.firstSearchMs <= 250],
    [`query p95 ${fmt(quantile(ms, 0.95))} ms within 30 ms`, quantile(ms, 0.95) <= 30],
    [`slowest query ${fmt(slowest.ms)} ms (${slowest.q}) within 60 ms`, slowest.ms <= 60],
    [`filtered queries within their LIKE scan: ${filtered.length - over.length} of ${filtered.length}${over.map((q) => `; ${q.q} ${fmt(q.ms)} > ${fmt(q.likeScan)} ms`).join('')}`, over.length === 0],
    [`recall against LIKE on ${m.recall.phrases} random phrases: ${m.recall.found} of ${m.recall.expected} clauses`, m.recall.found === m.recall.expected],
  ];
  return checks.map(([what, ok]) => `${ok ? 'met   ' : 'MISSED'}  ${what}`).join('\n');
}

const isMain = process.argv[1] === import.meta.filename;
if (isMain) {
  const importMs = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { prepare: { type: 'string' }, build: { type: 'string' }, first: { type: 'string' }, queries: { type: 'string' }, corpus: { type: 'string' }, dir: { type: 'string' }, rounds: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  if (values.prepare) {
    prepare(values.prepare as Corpus, positionals[0] ?? '');
    process.stdout.write('{}\n');
  } else if (values.build) process.stdout.write(JSON.stringify(build(values.build)) + '\n');
  else if (values.first) process.stdout.write(JSON.stringify(first(values.first, importMs)) + '\n');
  else if (values.queries) process.stdout.write(JSON.stringify(queries(values.queries)) + '\n');
  else {
    const corpus = (values.corpus ?? 'bench') as Corpus;
    for (let r = 0; r < Number(values.rounds ?? 1); r++) {
      const m = searchBench(corpus, values.dir, !values['no-build']);
      process.stdout.write(`\nSearch, ${corpus}, round ${r + 1} (${new Date().toISOString()})\n\n${searchReport(m)}\n\n${corpus === 'bench' ? searchVerdicts(m) : ''}\n`);
    }
  }
}
