// The view of an annotation as it crosses the API (plain data, JSON-safe). A highlight has one
// target per clause it covers, in reading order; a note on a whole clause has one target (the
// clause's opening words, which find the clause again); a note on a whole document has none.

import type { HighlightTarget } from './selectors.ts';

/** The six highlight colours, by name; the renderer maps each to its own shade. */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type Color = (typeof COLORS)[number];

export const ANNOTATION_KINDS = ['highlight', 'clause-note', 'doc-note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** anchored: every target placed in the current text; orphan: at least one could not be. */
export type AnnotationStatus = 'anchored' | 'orphan';

export interface AnnotationTarget extends HighlightTarget {
  docId: string;
  /** The clause's citation when the target was last placed: an orphan can still be shown. */
  citation: string;
  status: AnnotationStatus;
}

/** A note as the editor saves it: ProseMirror JSON of the note schema (shared/notes). */
export type NoteJSON = Record<string, unknown>;

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  /** Highlights have a colour; notes on a clause or a document may. */
  color: Color | null;
  status: AnnotationStatus;
  docId: string;
  /** The document's title when the annotation was made or last placed. */
  docTitle: string;
  targets: AnnotationTarget[];
  note: NoteJSON | null;
  noteText: string;
  tags: string[];
  /** ISO timestamps. */
  created: string;
  updated: string;
  /** When it was moved to the trash; null when it is not there. */
  deleted: string | null;
}

export const isColor = (value: unknown): value is Color => (COLORS as readonly unknown[]).includes(value);

/** How many annotations there are, by status, colour and tag (the annotations view's facets). */
export interface AnnotationCounts {
  total: number;
  anchored: number;
  orphan: number;
  trash: number;
  byColor: Record<Color, number>;
  byTag: { tag: string; count: number }[];
}
