// The words a cross-link shares, marked in both clauses while the link is open: the clause read
// and the one the link opened in the other pane. One link's marks at a time; opening another
// replaces them, closing the panel clears them.

import type { Range } from '../../shared/snippet.ts';
import { createStore, useSelect } from '../common/store.ts';

/** Marks by clause id: offsets into each clause's text. */
export type SharedMarks = ReadonlyMap<string, readonly Range[]>;

const NONE: SharedMarks = new Map();
export const NO_RANGES: readonly Range[] = [];

const store = createStore<SharedMarks>(NONE);

export const sharedMarks = {
  get: store.get,
  subscribe: store.subscribe,
  /** Marks these ranges, and no others (a clause named twice keeps both sets). */
  show: (marks: readonly { clauseId: string; ranges: readonly Range[] }[]): void => {
    const next = new Map<string, Range[]>();
    for (const m of marks) if (m.ranges.length > 0) next.set(m.clauseId, [...(next.get(m.clauseId) ?? []), ...m.ranges]);
    store.set(next.size > 0 ? next : NONE);
  },
  clear: (): void => store.set(NONE),
};

/** Spans as marks: inside the text, in order, overlapping ones joined. */
export function asRanges(spans: readonly (readonly [number, number])[], length: number): Range[] {
  const sorted = spans.map(([s, e]): Range => [Math.max(0, s), Math.min(length, e)]).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The shared words to mark in one clause: the same array while they do not change. */
export const useSharedRanges = (clauseId: string): readonly Range[] => useSelect(store, (m) => m.get(clauseId) ?? NO_RANGES);
