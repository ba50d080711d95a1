// Match ranges and snippets. Pure: the engine uses them for search results, the renderer for
// marks and find-in-document. Matching happens on folded text (same length as the displayed text),
// so the ranges apply to the text as displayed. The fold is passed in: the engine folds with
// opencc at once, the renderer loads opencc after its first paint (renderer/fold.ts).

export type Fold = (text: string) => string;

export type Range = [start: number, end: number];

export interface Excerpt {
  text: string;
  /** Ranges in `text` to mark. */
  marks: Range[];
  /** The excerpt starts or ends inside the clause. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Every occurrence of every (folded) term in the text, merged and sorted. */
export function matchRanges(text: string, foldedTerms: string[], fold: Fold): Range[] {
  const folded = fold(text);
  const ranges: Range[] = [];
  for (const term of foldedTerms) {
    if (!term) continue;
    for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + term.length)) ranges.push([i, i + term.length]);
  }
  return mergeRanges(ranges);
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A window of about `width` characters around the run of matches that shows the most different
 * terms, then the most matches, cut after a sentence or clause mark when one is near.
 */
export function excerpt(text: string, ranges: Range[], fold: Fold, width = 90): Excerpt {
  if (text.length <= width) return { text, marks: ranges, clippedStart: false, clippedEnd: false };
  let bestStart = 0;
  let bestCount = -1;
  for (const r of ranges) {
    const windowStart = Math.max(0, r[0] - Math.floor(width / 4));
    const inside = ranges.filter((x) => x[0] >= windowStart && x[1] <= windowStart + width);
    // A window showing every different term beats one showing one term many times.
    const distinct = new Set(inside.map((x) => fold(text.slice(x[0], x[1])))).size;
    const count = distinct * 1000 + inside.length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = windowStart;
    }
  }
  // Prefer to start just after a sentence mark within the lead-in.
  const lead = text.slice(Math.max(0, bestStart - 15), bestStart + 10);
  const cut = Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('；'), lead.lastIndexOf('，'), lead.lastIndexOf('\n'));
  const first = ranges[0];
  if (cut >= 0) {
    const candidate = Math.max(0, bestStart - 15) + cut + 1;
    if (!first || candidate <= first[0] || candidate <= bestStart) bestStart = candidate;
  }
  const start = Math.min(bestStart, Math.max(0, text.length - width));
  const end = Math.min(text.length, start + width);
  const marks = ranges.filter((r) => r[0] >= start && r[1] <= end).map((r): Range => [r[0] - start, r[1] - start]);
  return { text: text.slice(start, end), marks, clippedStart: start > 0, clippedEnd: end < text.length };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The excerpt as one string, matches in <mark>, everything else escaped. */
export function markedSnippet(e: Excerpt): string {
  let out = e.clippedStart ? '…' : '';
  let at = 0;
  for (const [s, t] of e.marks) {
    out += escapeHtml(e.text.slice(at, s)) + '<mark>' + escapeHtml(e.text.slice(s, t)) + '</mark>';
    at = t;
  }
  out += escapeHtml(e.text.slice(at)) + (e.clippedEnd ? '…' : '');
  return out.replace(/\n/g, ' ');
}
