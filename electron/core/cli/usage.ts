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
  options: AnnotationOptions & BriefCommandOptions;
  print: (data: unknown, text: () => string) => void;
  err: (s: string) => void;
  /** The environment the command runs in (briefs: CLAUSEWAY_CHROMIUM). */
  env?: NodeJS.ProcessEnv;
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

// ── briefs (issue 14) ──
export interface BriefCommandOptions {
  format?: string;
  annotation?: string[];
  subtitle?: string;
  section?: string;
}

export const BRIEF_USAGE = `  brief create TITLE [--subtitle TEXT]            a new brief: {id}
  brief add BRIEF_ID CLAUSE_ID… [--annotation ID]… [--tag T] [--color C] [--quote TEXT] [--section ID]
                     clauses (or --quote's words of one), annotations, or those a tag and colour select
  brief list         the briefs, last changed first
  brief show BRIEF_ID                             a brief with its excerpts, citations and links
  brief export BRIEF_ID --format docx|pdf|html|md --out FILE
                     the brief as Word (GB/T 9704 layout), PDF (needs Chromium), HTML or Markdown`;


// ---- links (issue 13) ----
export const LINK_USAGE = `  related CLAUSE_ID [--limit N]
                     the clause's links, best first: yours, citations, reuse, related clauses
  compare DOC_A DOC_B
                     two documents clause by clause: matched pairs, and what each lacks
  link CLAUSE_A CLAUSE_B [--why TEXT]
                     link two clauses yourself (kept with the annotations)
  unlink LINK_ID     delete such a link`;

// ---- import (issue 15) ----
export const IMPORT_USAGE = `  import [FILE|DIR…]  the same as ingest; Word files (.docx) too
  correct DOC_ID [--title T] [--issuer I] [--jurisdiction J] [--level L] [--date D]
                 [--doc-number N] [--kind K] [--valid-until D] [--reset FIELD]…
                     correct a document's metadata (kept across re-imports; '' clears a field)`;
