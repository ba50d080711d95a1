// A run of clause text cut where highlights and search marks begin and end, so that both show
// at once: each piece knows the highlight on top of it (if any) and whether a search mark covers
// it. Work is proportional to the highlights of one clause, never to those of the document.

import type { Color } from '../../shared/api.ts';
import type { Range } from '../../shared/snippet.ts';
import type { Run } from '../reader/clause-layout.ts';

/** One highlight's place in one clause: offsets into the clause text. */
export interface HighlightSpan {
  id: string;
  color: Color;
  start: number;
  end: number;
  /** The highlight carries a note: its last piece shows a sign of it. */
  hasNote: boolean;
}

interface Piece {
  /** Offsets into the clause text. */
  start: number;
  end: number;
  /** The newest highlight covering the piece (spans come oldest first). */
  highlight: HighlightSpan | null;
  /** A search or find mark covers the piece. */
  marked: boolean;
  /** Words this clause shares with the clause a cross-link opened beside it (renderer/links). */
  shared: boolean;
  /** The piece ends its highlight (where a note's sign goes). */
  closes: boolean;
}

/**
 * The pieces of `run`. `spans`: the clause's highlights, oldest first; `marks`: search marks as
 * offsets relative to the run's start (what matchRanges gives for the run's text); `shared`: the
 * words a cross-link shares, as offsets into the clause text.
 */
export function pieces(run: Run, spans: readonly HighlightSpan[], marks: readonly Range[], shared: readonly Range[] = []): Piece[] {
  const inside = spans.filter((s) => s.start < run.end && s.end > run.start);
  const cuts = new Set<number>([run.start, run.end]);
  for (const s of inside) {
    cuts.add(Math.max(run.start, s.start));
    cuts.add(Math.min(run.end, s.end));
  }
  const absolute = marks.map(([s, e]): Range => [run.start + s, run.start + e]);
  const sharedHere = shared.filter(([s, e]) => s < run.end && e > run.start);
  for (const [s, e] of [...absolute, ...sharedHere]) {
    cuts.add(Math.max(run.start, s));
    cuts.add(Math.min(run.end, e));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    let highlight: HighlightSpan | null = null;
    for (const s of inside) if (s.start <= start && s.end >= end) highlight = s;
    const marked = absolute.some(([s, e]) => s <= start && e >= end);
    const isShared = sharedHere.some(([s, e]) => s <= start && e >= end);
    out.push({ start, end, highlight, marked, shared: isShared, closes: highlight !== null && highlight.end === end });
  }
  return out;
}
