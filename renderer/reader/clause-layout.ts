// How a clause's text stands on screen: a heading line, paragraphs (the first may open with its
// inline heading), or a table; each shown piece is a run of ReaderClause.text, [start, end). The
// view renders runs and nothing else of the text, so that a selection, a highlight or a mark maps
// to offsets in the clause text, never to the DOM's own (labels, units and search marks are not
// text of the clause).

import type { ReaderClause } from '../../shared/api.ts';

/** A stretch of the clause's text: offsets into ReaderClause.text (UTF-16 code units). */
export interface Run {
  start: number;
  end: number;
}

export interface LayoutParagraph {
  /** The first paragraph of a clause without a heading line: it carries the clause's label. */
  lead: boolean;
  /** Its opening words when they are the clause's heading (（一）指导思想。…), shown in bold. */
  heading: Run | null;
  /** The rest of the paragraph. */
  body: Run;
}

export interface ClauseLayout {
  /**
   * The heading line of a chapter, a section or a part: a run of the text (第一章's first line
   * is its heading), or, for 前言, words the text does not hold (`run` null).
   */
  heading: { text: string; run: Run | null } | null;
  paragraphs: LayoutParagraph[];
  /** A table's cells, row by row; null for a cell that is not a run of the text as stored. */
  table: (Run | null)[][] | null;
}

const HEADING_KINDS = new Set(['volume', 'chapter', 'section', 'part', 'preface']);
const HEADING_END = /[。．.：:]/;

/** The runs of `text` between separators (\n between paragraphs, \t between cells). */
function split(text: string, at: number, separator: string): Run[] {
  const runs: Run[] = [];
  let start = at;
  for (const part of text.split(separator)) {
    runs.push({ start, end: start + part.length });
    start += part.length + 1;
  }
  return runs;
}

/** Cells as runs when the stored text is the table's rows and cells as shown; else as shown only. */
function tableRuns(clause: ReaderClause, table: string[][]): (Run | null)[][] {
  const rows = split(clause.text, 0, '\n');
  const same = rows.length === table.length && table.every((row, i) => row.join('\t') === clause.text.slice(rows[i]?.start, rows[i]?.end));
  if (!same) return table.map((row) => row.map(() => null));
  return rows.map((r) => split(clause.text.slice(r.start, r.end), r.start, '\t'));
}

export function layoutClause(clause: ReaderClause): ClauseLayout {
  const { text, heading } = clause;
  const lines = split(text, 0, '\n');
  const first = lines[0] ? text.slice(lines[0].start, lines[0].end) : '';
  // 第一章 规划背景 on its own line is a heading; 前言 prints its name apart from its text.
  const asHeading = heading !== null && HEADING_KINDS.has(clause.kind) && (first === heading || clause.kind === 'preface');
  const headingLine = asHeading ? { text: heading, run: clause.kind === 'preface' ? null : (lines[0] ?? null) } : null;
  if (clause.table) return { heading: headingLine, paragraphs: [], table: tableRuns(clause, clause.table) };
  const body = asHeading && clause.kind !== 'preface' ? lines.slice(1) : lines;
  const paragraphs = body.map((run, i): LayoutParagraph => {
    const lead = i === 0 && !asHeading;
    const p = text.slice(run.start, run.end);
    if (!lead || !heading || !p.startsWith(heading)) return { lead, heading: null, body: run };
    const end = run.start + heading.length + (HEADING_END.test(p.charAt(heading.length)) ? 1 : 0);
    return { lead, heading: { start: run.start, end }, body: { start: end, end: run.end } };
  });
  return { heading: headingLine, paragraphs, table: null };
}
