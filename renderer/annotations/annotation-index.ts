// A document's annotations indexed for the reader: each clause's highlight spans and notes, so
// that a clause finds its own in one lookup however many the document holds. A new index shares
// every clause's array with the one before when that clause's part did not change, so that only
// the clauses whose highlights changed render again.

import type { Annotation } from '../../shared/api.ts';
import type { HighlightSpan } from './pieces.ts';

export interface DocAnnotations {
  /** The document's annotations outside the trash, oldest first. */
  list: readonly Annotation[];
  /** Each clause's highlights, oldest first. */
  spans: ReadonlyMap<string, readonly HighlightSpan[]>;
  /** Notes on whole clauses, by clause. */
  clauseNotes: ReadonlyMap<string, readonly Annotation[]>;
  /** Notes on the whole document. */
  docNotes: readonly Annotation[];
}

export const NO_SPANS: readonly HighlightSpan[] = Object.freeze([]);
export const NO_NOTES: readonly Annotation[] = Object.freeze([]);
export const EMPTY_DOC: DocAnnotations = Object.freeze({ list: NO_NOTES, spans: new Map(), clauseNotes: new Map(), docNotes: NO_NOTES });

const sameSpan = (a: HighlightSpan, b: HighlightSpan): boolean => a.id === b.id && a.color === b.color && a.start === b.start && a.end === b.end && a.hasNote === b.hasNote;
const sameArray = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean => a.length === b.length && a.every((x, i) => same(x, b[i] as T));

function keep<T>(next: Map<string, T[]>, previous: ReadonlyMap<string, readonly T[]> | undefined, same: (x: T, y: T) => boolean): Map<string, readonly T[]> {
  const out = new Map<string, readonly T[]>();
  for (const [key, items] of next) {
    const before = previous?.get(key);
    out.set(key, before && sameArray(before, items, same) ? before : items);
  }
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const items = map.get(key);
  if (items) items.push(item);
  else map.set(key, [item]);
}

/** Does the annotation belong on this document (made in it, or with a target in it)? */
export const isOnDocument = (a: Annotation, docId: string): boolean => a.docId === docId || a.targets.some((t) => t.docId === docId);

export function indexDocument(docId: string, list: readonly Annotation[], previous?: DocAnnotations): DocAnnotations {
  const spans = new Map<string, HighlightSpan[]>();
  const clauseNotes = new Map<string, Annotation[]>();
  const docNotes: Annotation[] = [];
  for (const a of list) {
    if (a.deleted !== null) continue;
    if (a.kind === 'doc-note') {
      if (a.docId === docId) docNotes.push(a);
      continue;
    }
    for (const t of a.targets) {
      // A target that could not be placed in today's text is listed as an orphan, never guessed at.
      if (t.docId !== docId || t.status !== 'anchored') continue;
      if (a.kind === 'clause-note') push(clauseNotes, t.clauseId, a);
      else if (a.color) push(spans, t.clauseId, { id: a.id, color: a.color, start: t.position.start, end: t.position.end, hasNote: a.noteText.trim() !== '' });
    }
  }
  return {
    list,
    spans: keep(spans, previous?.spans, sameSpan),
    clauseNotes: keep(clauseNotes, previous?.clauseNotes, Object.is),
    docNotes: previous && sameArray(previous.docNotes, docNotes, Object.is) ? previous.docNotes : docNotes,
  };
}

/**
 * The list with `a` in its place: replacing the one with its id, or where its creation puts it
 * (a restored annotation goes back under the newer ones); without it once it is in the trash.
 */
export function withAnnotation(list: readonly Annotation[], a: Annotation): Annotation[] {
  const i = list.findIndex((x) => x.id === a.id);
  const out = [...list];
  if (a.deleted !== null) {
    if (i >= 0) out.splice(i, 1);
    return out;
  }
  if (i >= 0) out[i] = a;
  else {
    const after = out.findIndex((x) => x.created > a.created);
    out.splice(after < 0 ? out.length : after, 0, a);
  }
  return out;
}
