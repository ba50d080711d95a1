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

export function segments(parts: ReuseDiffResponse['parts']): DiffSegment[] {
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

/** Characters kept, changed (on the later side), added and dropped. */
export function diffStats(segs: readonly DiffSegment[]): Record<DiffOp, number> {
  const stats: Record<DiffOp, number> = { kept: 0, changed: 0, added: 0, dropped: 0 };
  for (const s of segs) stats[s.op] += s.op === 'dropped' ? s.from.length : s.to.length;
  return stats;
}
