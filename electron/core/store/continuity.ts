// Carrying clause identities over a re-import. The new version of a document (a file edited, or
// the same file read by a better parser) is aligned with the stored one clause by clause: a clause
// whose text goes on keeps its id, wherever its label moved (第三条 that became 第四条 is still the
// same clause to a reader's links and notes); a clause rewritten in place keeps the id of the one
// it replaces; new clauses get ids from their path of labels, never an id that meant another text.
// Old ids that no longer exist become aliases: to the clause that took their text in (a merge), or
// to the nearest surviving clause when their text was removed, saying so.

import { createHash } from 'node:crypto';
import { clauseId, withIds } from '../model/identity.ts';
import type { ClauseRecord, DocumentRecord } from '../model/records.ts';

export interface StoredClause {
  id: string;
  heading: string | null;
  text: string;
}

export interface Alias {
  oldId: string;
  successorId: string;
  reason: 'moved' | 'removed';
  /** A hash of the text the id stood for, so that the id comes back with its text. */
  contentSha: string;
}

export interface Continuity {
  /** The new clauses' ids, in their order. */
  ids: string[];
  aliases: Alias[];
}

/** Two texts are one clause's when this share of their character pairs agree. */
const SAME_CLAUSE = 0.5;
/** A removed clause's text went into another when this share of its character pairs is there. */
const TAKEN_IN = 0.6;
/** How far from its expected place a clause is looked for once exact matches are made. */
const WINDOW = 40;

const content = (c: { heading: string | null; text: string }): string => `${c.heading ?? ''}\n${c.text}`.replace(/\s+/g, '');

const contentSha = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  if (s.length === 1) m.set(s, 1);
  return m;
}

function shared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [g, k] of a) n += Math.min(k, b.get(g) ?? 0);
  return n;
}

const NONE: ReadonlyMap<string, number> = new Map();

const size = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((n, k) => n + k, 0);

/** Dice similarity of two clauses' texts over character pairs (1 = same text). */
function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const total = size(a) + size(b);
  return total === 0 ? 1 : (2 * shared(a, b)) / total;
}

/**
 * Aligns the stored clauses of a document (reading order) with its new clauses and returns the id
 * each new clause takes, and aliases for the stored ids that go.
 * `retired`: ids this document used before (with the hash of their text): one comes back when its
 * text does, and is never given to another text.
 */
export function carryOver(docId: string, stored: readonly StoredClause[], next: readonly ClauseRecord[], retired: ReadonlyMap<string, string> = new Map()): Continuity {
  const oldKeys = stored.map(content);
  const newKeys = next.map(content);
  const match = new Array<number>(next.length).fill(-1); // new index → old index
  const taken = new Array<boolean>(stored.length).fill(false);

  // 1. Identical texts: the old clause at the same id (same path) first, then the first free one.
  const byContent = new Map<string, number[]>();
  oldKeys.forEach((k, i) => byContent.set(k, [...(byContent.get(k) ?? []), i]));
  const derived = next.map((c) => clauseId(docId, c.path));
  next.forEach((_, j) => {
    const candidates = byContent.get(newKeys[j] ?? '')?.filter((i) => !taken[i]) ?? [];
    const i = candidates.find((k) => stored[k]?.id === derived[j]) ?? candidates[0];
    if (i === undefined) return;
    match[j] = i;
    taken[i] = true;
  });

  // 2. Edited texts: within each gap between matched clauses, the most similar free old clause.
  const grams = (keys: string[]): Map<string, number>[] => keys.map(bigrams);
  const oldGrams = grams(oldKeys);
  const newGrams = grams(newKeys);
  /** The matched clauses around new clause j: their old indexes (lo, hi) and their new ones. */
  const gapOf = (j: number): { lo: number; hi: number; from: number; to: number } => {
    let lo = -1;
    let from = -1;
    for (let k = j - 1; k >= 0; k--) if ((match[k] ?? -1) >= 0) { lo = match[k] ?? -1; from = k; break; }
    let hi = stored.length;
    let to = next.length;
    for (let k = j + 1; k < next.length; k++) if ((match[k] ?? -1) >= 0) { hi = match[k] ?? stored.length; to = k; break; }
    return lo < hi ? { lo, hi, from, to } : { lo: -1, hi: stored.length, from: -1, to: next.length };
  };
  next.forEach((_, j) => {
    if ((match[j] ?? -1) >= 0) return;
    const { lo, hi, from: jFrom, to: jTo } = gapOf(j);
    // Where it would stand if the gap were edited evenly, and a window around it.
    const expected = Math.round(lo + ((j - jFrom) * (hi - lo)) / (jTo - jFrom));
    const from = Math.max(lo + 1, expected - WINDOW);
    const to = Math.min(hi, expected + WINDOW + 1);
    let best = -1;
    let bestScore = SAME_CLAUSE;
    for (let i = from; i < to; i++) {
      if (taken[i]) continue;
      const score = similarity(oldGrams[i] ?? NONE, newGrams[j] ?? NONE);
      if (score > bestScore || (best < 0 && score >= bestScore)) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) {
      match[j] = best;
      taken[best] = true;
    }
  });

  // 3. Ids: carried over, or back with their text, or rewritten in place (the unmatched old clause
  // at the same path), or new.
  const oldIds = new Set(stored.map((c) => c.id));
  const used = new Set<string>();
  const retiredByContent = new Map<string, string>();
  for (const [id, sha] of retired) if (!retiredByContent.has(sha)) retiredByContent.set(sha, id);
  const ids = next.map((_, j) => {
    const i = match[j] ?? -1;
    const carried = i >= 0 ? stored[i]?.id : undefined;
    if (carried !== undefined) {
      used.add(carried);
      return carried;
    }
    return '';
  });
  next.forEach((_, j) => {
    if (ids[j]) return;
    const back = retiredByContent.get(contentSha(newKeys[j] ?? ''));
    if (back !== undefined && !used.has(back)) {
      used.add(back);
      ids[j] = back;
    }
  });
  next.forEach((c, j) => {
    if (ids[j]) return;
    const own = derived[j] ?? clauseId(docId, c.path);
    const inPlace = stored.findIndex((o) => o.id === own);
    if (inPlace >= 0 && !taken[inPlace] && !used.has(own)) {
      taken[inPlace] = true;
      match[j] = inPlace;
      used.add(own);
      ids[j] = own;
      return;
    }
    let salt = 0;
    let id = own;
    while (used.has(id) || oldIds.has(id) || retired.has(id)) id = clauseId(docId, c.path, ++salt);
    used.add(id);
    ids[j] = id;
  });

  // 4. Old ids that go: into the new clause that took their text in, else to where they stood.
  const successorOfOld = new Map<number, number>();
  match.forEach((i, j) => { if (i >= 0) successorOfOld.set(i, j); });
  const aliases: Alias[] = [];
  stored.forEach((o, i) => {
    if (taken[i] || next.length === 0) return;
    const own = oldGrams[i] ?? NONE;
    const total = size(own);
    // Its text can only have gone between the survivors around it.
    let before = 0;
    for (let k = i - 1; k >= 0; k--) {
      const j = successorOfOld.get(k);
      if (j !== undefined) { before = j; break; }
    }
    let after = next.length - 1;
    for (let k = i + 1; k < stored.length; k++) {
      const j = successorOfOld.get(k);
      if (j !== undefined) { after = j; break; }
    }
    let into = -1;
    if (total > 0) {
      let best = TAKEN_IN;
      for (let j = Math.min(before, after); j <= Math.min(Math.max(before, after), before + 2 * WINDOW); j++) {
        const part = shared(own, newGrams[j] ?? NONE) / total;
        if (part >= best) {
          best = part;
          into = j;
        }
      }
    }
    if (into >= 0) {
      aliases.push({ oldId: o.id, successorId: ids[into] ?? '', reason: 'moved', contentSha: contentSha(oldKeys[i] ?? '') });
      return;
    }
    // Removed: it stood after the survivor before it (or at the top of the document).
    aliases.push({ oldId: o.id, successorId: ids[before] ?? '', reason: 'removed', contentSha: contentSha(oldKeys[i] ?? '') });
  });
  return { ids, aliases };
}

export interface PreviousDocument {
  id: string;
  textSha: string;
  clauses: StoredClause[];
  /** Ids retired by earlier re-imports, with the hash of their text: never given to another text. */
  retired: ReadonlyMap<string, string>;
}

export interface CarriedDocument {
  doc: DocumentRecord;
  aliases: Alias[];
}

/** Two versions are one document when this share of their clause texts is in both. */
const SAME_DOCUMENT = 0.3;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n / (a.size + b.size - n);
}

/**
 * Pairs a file's new documents with the ones it held (by id, else by shared clause texts, so that
 * a document whose id rule changed keeps its old id) and carries clause ids over within each pair.
 */
export function carryDocuments(previous: readonly PreviousDocument[], next: readonly DocumentRecord[]): CarriedDocument[] {
  const pairOf = new Map<number, PreviousDocument>();
  const free = new Set(previous);
  next.forEach((d, j) => {
    const same = previous.find((p) => p.id === d.id && free.has(p));
    if (same) {
      pairOf.set(j, same);
      free.delete(same);
    }
  });
  const keys = (texts: readonly { heading: string | null; text: string }[]): Set<string> => new Set(texts.map(content).filter(Boolean));
  const oldKeys = new Map(previous.map((p) => [p, keys(p.clauses)]));
  next.forEach((d, j) => {
    if (pairOf.has(j) || free.size === 0) return;
    const mine = keys(d.clauses);
    let best: PreviousDocument | null = null;
    let bestScore = SAME_DOCUMENT;
    for (const p of free) {
      const score = p.textSha === d.textSha ? 1 : overlap(mine, oldKeys.get(p) ?? new Set());
      if (score >= bestScore) {
        best = p;
        bestScore = score;
      }
    }
    if (best) {
      pairOf.set(j, best);
      free.delete(best);
    }
  });
  return next.map((d, j) => {
    const p = pairOf.get(j);
    if (!p) return { doc: d, aliases: [] };
    const { ids, aliases } = carryOver(p.id, p.clauses, d.clauses, p.retired);
    return { doc: withIds(d, p.id, (_, i) => ids[i] ?? clauseId(p.id, d.clauses[i]?.path ?? '')), aliases };
  });
}
