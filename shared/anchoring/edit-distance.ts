// Edit distances for re-anchoring: Levenshtein between two short strings (context windows), and
// the approximate search of a pattern in a text (Sellers' semi-global distance with Ukkonen's
// cut-off, so that a search allowing k errors costs about k × text length, not pattern × text).

/** Levenshtein distance; the strings compared here are context windows of a few dozen chars. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/** 1 for equal strings, 0 for nothing in common; two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every place where `pattern` occurs in `text` with at most `maxErrors` edits. Ends that follow
 * one another describe one place seen at several lengths: each such run yields its best match.
 */
export function approximateSearch(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  const m = pattern.length;
  if (m === 0 || text.length === 0) return [];
  const k = Math.min(Math.max(0, Math.floor(maxErrors)), m);
  // cost[i]: fewest edits turning pattern[0, i) into some text ending here; from[i]: where it starts.
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  let active = Math.min(k, m); // the last row whose cost can still be ≤ k
  const found: ApproximateMatch[] = [];
  let run: ApproximateMatch | null = null;
  for (let j = 1; j <= text.length; j++) {
    const ch = text.charCodeAt(j - 1);
    nextCost[0] = 0;
    nextFrom[0] = j;
    const last = Math.min(m, active + 1);
    for (let i = 1; i <= last; i++) {
      const diag = (cost[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === ch ? 0 : 1);
      const up = i <= active ? (cost[i] ?? 0) + 1 : Number.MAX_SAFE_INTEGER;
      const left = (nextCost[i - 1] ?? 0) + 1;
      if (diag <= up && diag <= left) {
        nextCost[i] = diag;
        nextFrom[i] = from[i - 1] ?? 0;
      } else if (up <= left) {
        nextCost[i] = up;
        nextFrom[i] = from[i] ?? 0;
      } else {
        nextCost[i] = left;
        nextFrom[i] = nextFrom[i - 1] ?? 0;
      }
    }
    active = last;
    while (active > 0 && (nextCost[active] ?? 0) > k) active--;
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
    const errors = active === m ? (cost[m] ?? 0) : -1;
    if (errors >= 0 && errors <= k) {
      const match = { start: from[m] ?? 0, end: j, errors };
      // Of one run, the fewest errors; among equals, the length nearest the pattern's.
      const nearer = (a: ApproximateMatch, b: ApproximateMatch): boolean => Math.abs(a.end - a.start - m) < Math.abs(b.end - b.start - m);
      if (run === null || match.errors < run.errors || (match.errors === run.errors && nearer(match, run))) run = match;
    } else if (run !== null) {
      found.push(run);
      run = null;
    }
  }
  if (run !== null) found.push(run);
  return found;
}
