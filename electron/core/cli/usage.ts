// What the command line's commands share without loading them: the annotation commands' usage,
// their options and context, and the error of a command used wrongly.

import type { Library } from '../store/library.ts';

export interface AnnotationOptions {
  quote?: string;
  color?: string;
  note?: string;
  tag?: string[];
  at?: string;
  out?: string;
  status?: string;
  doc?: string;
}

export interface CommandContext {
  library: Library;
  dataDir: string;
  options: AnnotationOptions;
  print: (data: unknown, text: () => string) => void;
  err: (s: string) => void;
}

export const ANNOTATION_USAGE = `  annotate CLAUSE_ID --quote TEXT [--color C] [--note TEXT] [--tag T]… [--at OFFSET]
                     highlight TEXT in the clause (its first occurrence, or the one at OFFSET)
  annotations [--doc ID] [--tag T] [--color C] [--status anchored|orphan]
                     the annotations of the library
  annotations export --out FILE    all annotations as W3C Web Annotation JSON-LD
  annotations import FILE          the annotations of such a file (again: nothing doubles)
  backup             a verified copy of the user data (annotations, notes, tags)
  restore FILE       the user data from such a copy (the current one is kept aside)`;

/** A command used wrongly: said on stderr with the usage, exit 2. */
export class CommandError extends Error {}

// ---- import (issue 15) ----
export const IMPORT_USAGE = `  import [FILE|DIR…]  the same as ingest; Word files (.docx) too
  correct DOC_ID [--title T] [--issuer I] [--jurisdiction J] [--level L] [--date D]
                 [--doc-number N] [--kind K] [--valid-until D] [--reset FIELD]…
                     correct a document's metadata (kept across re-imports; '' clears a field)`;
