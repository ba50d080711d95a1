// A reuse diff as the reader reads it: the engine gives character-level parts (same, added,
// dropped; earlier → later), and where words were dropped and others added in their place, that
// is one change. Each side then shows its own text: the earlier what was kept, dropped and changed
// from; the later what was kept, added and changed to.

import type { ReuseDiffResponse } from '../../shared/api.ts';

export type DiffOp = 'kept' | 'changed' | 'added' | 'dropped';

export interface DiffSegment {
  op: DiffOp;
  /** The earlier text's words ('' for an addition). */
  from: string;
  /** The later text's words ('' for a drop). */
  to: string;
}

/**
 * A character diff of two texts that differ much finds single characters in common everywhere
 * (建设, 平, 的), which are no reuse: a kept run shorter than this between two edits reads as part
 * of the change around it. Four characters is two Chinese words, the shortest run a reader takes
 * for words carried over.
 */
export const MIN_KEPT = 4;

export function segments(parts: ReuseDiffResponse['parts']): DiffSegment[] {
  return absorbShortKept(runs(parts));
}

function runs(parts: ReuseDiffResponse['parts']): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const p of parts) {
    if (p.text === '') continue;
    if (p.op === 'same') {
      out.push({ op: 'kept', from: p.text, to: p.text });
      continue;
    }
    const last = out[out.length - 1];
    // Edits side by side are one run: dropped words with added ones beside them are a change.
    const run = last && last.op !== 'kept' ? last : { op: 'kept', from: '', to: '' };
    const from = run.from + (p.op === 'dropped' ? p.text : '');
    const to = run.to + (p.op === 'added' ? p.text : '');
    const seg: DiffSegment = { op: from && to ? 'changed' : from ? 'dropped' : 'added', from, to };
    if (run === last) out[out.length - 1] = seg;
    else out.push(seg);
  }
  return out;
}

/** Joins kept runs shorter than MIN_KEPT between two edits into one change with them. */
function absorbShortKept(segs: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  segs.forEach((s, i) => {
    const last = out[out.length - 1];
    const next = segs[i + 1];
    const chance = s.op === 'kept' && s.to.length < MIN_KEPT && next !== undefined && next.op !== 'kept';
    // Into the edit before it: a chance match, or the edit after one.
    if (last && last.op !== 'kept' && (chance || s.op !== 'kept')) {
      const from = last.from + s.from;
      const to = last.to + s.to;
      out[out.length - 1] = { op: from && to ? 'changed' : from ? 'dropped' : 'added', from, to };
    } else out.push(s);
  });
  return out;
}

/** Characters kept, changed (on the later side), added and dropped. */
export function diffStats(segs: readonly DiffSegment[]): Record<DiffOp, number> {
  const stats: Record<DiffOp, number> = { kept: 0, changed: 0, added: 0, dropped: 0 };
  for (const s of segs) stats[s.op] += s.op === 'dropped' ? s.from.length : s.to.length;
  return stats;
}
