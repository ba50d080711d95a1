// From what the page shows to offsets in clause text, on every clause of the seeds: the runs of a
// clause's layout are its text as shown; a selection reported as runs (as the page reports a DOM
// selection) becomes one target per clause whose quote is the clause text at its offsets and the
// words shown between the selection's ends; highlights and search marks cut the same runs.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Library } from '../../electron/core/store/library.ts';
import type { ReaderClause } from '../../shared/api.ts';
import { layoutClause, type Run } from '../../renderer/reader/clause-layout.ts';
import { pieces, type HighlightSpan } from '../../renderer/annotations/pieces.ts';
import { quoteWithSource, targetRefs, targetsOfPicks, type RunPick } from '../../renderer/annotations/selection.ts';
import { docByTitle, seededLibrary } from '../helpers/library.ts';

let library: Library;
let cleanup: () => void;
before(() => ({ library, cleanup } = seededLibrary()));
after(() => cleanup());

const allClauses = (): ReaderClause[] => library.listDocuments().flatMap((d) => library.documentView(d.id)?.clauses ?? []);

/** The runs of a clause in the order the page shows them. */
function runsOf(c: ReaderClause): Run[] {
  const l = layoutClause(c);
  const runs: Run[] = [];
  if (l.heading?.run) runs.push(l.heading.run);
  for (const p of l.paragraphs) {
    if (p.heading) runs.push(p.heading);
    runs.push(p.body);
  }
  for (const row of l.table ?? []) for (const cell of row) if (cell) runs.push(cell);
  return runs;
}

test('a clause is shown as runs of its own text: in order, apart only at line breaks and tabs, covering it', () => {
  let tables = 0;
  let inlineHeadings = 0;
  for (const c of allClauses()) {
    const runs = runsOf(c);
    const l = layoutClause(c);
    if (l.table) tables++;
    inlineHeadings += l.paragraphs.filter((p) => p.heading).length;
    // A preface prints its name apart from its text; everything else shown is text of the clause.
    let at = 0;
    for (const r of runs) {
      assert.ok(r.start >= at && r.end >= r.start && r.end <= c.text.length, `${c.citation}: runs in order, inside the text`);
      assert.match(c.text.slice(at, r.start), /^[\n\t]*$/, `${c.citation}: only a break between runs`);
      at = r.end;
    }
    assert.equal(at, c.text.length, `${c.citation}: the runs reach the end of the text`);
    if (l.heading?.run) assert.equal(c.text.slice(l.heading.run.start, l.heading.run.end), c.heading);
  }
  assert.ok(tables >= 4, 'the newsletter tables are shown cell by cell');
  assert.ok(inlineHeadings > 50, 'clauses that open with their heading');
});

/** A selection from (clause a, run i, offset x) to (clause b, run j, offset y), reported as the page does. */
function pickRange(clauses: ReaderClause[], a: number, i: number, x: number, b: number, j: number, y: number): RunPick[] {
  const picks: RunPick[] = [];
  for (let k = a; k <= b; k++) {
    const c = clauses[k] as ReaderClause;
    const runs = runsOf(c);
    runs.forEach((r, n) => {
      if ((k === a && n < i) || (k === b && n > j)) return;
      const pick: RunPick = { clauseId: c.id, start: r.start, end: r.end };
      if (k === a && n === i) pick.from = x;
      if (k === b && n === j) pick.to = y;
      picks.push(pick);
    });
  }
  return picks;
}

test('a selection across clauses: one target per clause, the quote is the text at its offsets and what was shown', () => {
  const doc = docByTitle(library, '中国（珠海）跨境电子商务综合试验区实施方案');
  const clauses = library.documentView(doc.id)?.clauses ?? [];
  // A small deterministic generator: the same selections on every run.
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const a = rand(clauses.length - 1);
    const b = Math.min(clauses.length - 1, a + rand(3));
    const ra = runsOf(clauses[a] as ReaderClause);
    const rb = runsOf(clauses[b] as ReaderClause);
    const i = rand(ra.length);
    const j = a === b ? i + rand(ra.length - i) : rand(rb.length);
    const runA = ra[i] as Run;
    const runB = (a === b ? ra : rb)[j] as Run;
    const x = rand(runA.end - runA.start + 1);
    const y = a === b && i === j ? x + rand(runB.end - runB.start - x + 1) : rand(runB.end - runB.start + 1);
    const textOf = new Map(clauses.map((c) => [c.id, c.text]));
    const targets = targetsOfPicks(pickRange(clauses, a, i, x, b, j, y), (id) => textOf.get(id));

    // The oracle: the characters shown from the start point to the end point, clause by clause.
    const expected: { clauseId: string; shown: string }[] = [];
    for (let k = a; k <= b; k++) {
      const c = clauses[k] as ReaderClause;
      const runs = runsOf(c);
      const from = k === a ? runA.start + x : (runs[0]?.start ?? 0);
      const to = k === b ? runB.start + y : c.text.length;
      const shown = c.text.slice(from, Math.max(from, to)).trim();
      if (shown) expected.push({ clauseId: c.id, shown });
    }
    assert.deepEqual(targets.map((t) => t.clauseId), expected.map((e) => e.clauseId), `round ${round}: the clauses selected, in order`);
    for (const [n, t] of targets.entries()) {
      const text = textOf.get(t.clauseId) ?? '';
      assert.equal(t.quote, text.slice(t.start, t.end), 'the quote is the clause text at its offsets');
      assert.equal(t.quote, expected[n]?.shown, 'the quote is what was selected, its spaces at the ends trimmed');
      assert.notEqual(t.quote.trim(), '');
    }
  }
});

test('ends outside the text are clamped, unknown clauses left out; the API targets and the copied quote', () => {
  const doc = docByTitle(library, '粤港澳大湾区发展规划纲要');
  const clauses = library.documentView(doc.id)?.clauses ?? [];
  const chapter = clauses.find((c) => c.kind === 'chapter' && c.text.includes('\n')) as ReaderClause;
  const next = clauses[clauses.indexOf(chapter) + 1] as ReaderClause;
  const textOf = (id: string): string | undefined => (id === chapter.id ? chapter.text : id === next.id ? next.text : undefined);
  const picks: RunPick[] = [
    { clauseId: chapter.id, start: 0, end: chapter.text.length, from: -5, to: chapter.text.length + 9 },
    { clauseId: 'ffffffffffff-ffffffffff', start: 0, end: 10 },
    { clauseId: next.id, start: 0, end: next.text.length, to: 4 },
  ];
  const targets = targetsOfPicks(picks, textOf);
  assert.deepEqual(targets.map((t) => [t.clauseId, t.start, t.end]), [[chapter.id, 0, chapter.text.trimEnd().length], [next.id, 0, 4]]);
  assert.deepEqual(targetRefs(targets)[1], { clauseId: next.id, quote: next.text.slice(0, 4), at: 0 });
  const citationOf = (id: string): string => (id === chapter.id ? chapter.citation : next.citation);
  const copied = quoteWithSource('“{quote}”（{citation}）', targets, citationOf);
  assert.equal(copied, `“${chapter.text.trimEnd()}\n${next.text.slice(0, 4)}”（${chapter.citation} — ${next.citation}）`);
  // $ in a quote stays as it is (no replacement patterns).
  assert.equal(quoteWithSource('{quote}|{citation}', [{ clauseId: next.id, start: 0, end: 2, quote: '$&' }], () => 'x$1'), '$&|x$1');
});

test('highlights and search marks cut a run into pieces: the newest highlight on top, marks kept inside', () => {
  const run: Run = { start: 10, end: 30 };
  const spans: HighlightSpan[] = [
    { id: 'a', color: 'yellow', start: 5, end: 20, hasNote: false },
    { id: 'b', color: 'blue', start: 15, end: 25, hasNote: true },
    { id: 'elsewhere', color: 'green', start: 40, end: 50, hasNote: false },
  ];
  const cut = pieces(run, spans, [[8, 12]]);
  assert.deepEqual(
    cut.map((p) => [p.start, p.end, p.highlight?.id ?? null, p.marked, p.closes]),
    [
      [10, 15, 'a', false, false],
      [15, 18, 'b', false, false],
      [18, 20, 'b', true, false],
      [20, 22, 'b', true, false],
      [22, 25, 'b', false, true],
      [25, 30, null, false, false],
    ],
  );
  // The pieces tile the run exactly.
  assert.equal(cut[0]?.start, run.start);
  assert.equal(cut[cut.length - 1]?.end, run.end);
  for (let k = 1; k < cut.length; k++) assert.equal(cut[k]?.start, cut[k - 1]?.end);
  assert.deepEqual(pieces(run, [], []).map((p) => [p.start, p.end]), [[10, 30]]);
});
