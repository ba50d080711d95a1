// The command line's part of issue 15: `import` (the same as `ingest`, Word files included), what
// follows every import (the user's corrections put back on top of the heuristics, then the
// annotations placed again), and `correct DOC_ID --date …`, a correction of a document's metadata.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MetadataChange } from '../../../shared/api.ts';
import { METADATA_FIELDS, type DocumentSummary, type MetadataField } from '../../../shared/types.ts';
import { Corrections, openUserData, reanchorDocuments, USER_DATA_FILE, type AnnotationStore } from '../annotations/index.ts';
import { CommandError, type CommandContext } from './usage.ts';

export interface CorrectOptions {
  title?: string;
  issuer?: string;
  jurisdiction?: string;
  level?: string;
  date?: string;
  'doc-number'?: string;
  kind?: string;
  'valid-until'?: string;
  reset?: string[];
}

/** The user data for the length of `f`, when there is any (a library never annotated has none). */
function withCorrections<T>(ctx: CommandContext, create: boolean, f: (c: Corrections, store: AnnotationStore) => T): T | null {
  if (!create && !existsSync(join(ctx.dataDir, USER_DATA_FILE))) return null;
  const { store, notices } = openUserData(ctx.dataDir);
  for (const n of notices) ctx.err(`clauseway: ${n}\n`);
  try {
    return f(new Corrections(store), store);
  } finally {
    store.close();
  }
}

/** After an import: the corrections of the documents it touched, back on top of their rows. */
export function correctAfter(ctx: CommandContext, docIds: readonly string[]): void {
  if (docIds.length > 0) withCorrections(ctx, false, (c) => c.apply(ctx.library, docIds));
}

/** Documents as `docs` lists them: `corrected` names the fields the user corrected. */
export function markCorrected(ctx: CommandContext, docs: DocumentSummary[]): DocumentSummary[] {
  return (
    withCorrections(ctx, false, (c) => {
      const fields = c.fieldsByDocument();
      return docs.map((d) => c.mark(d, fields.get(d.id)));
    }) ?? docs
  );
}

const LEVELS = ['national', 'province', 'sar', 'city', 'district'] as const;
const KINDS = ['policy', 'notice', 'news'] as const;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (!found) throw new CommandError(`--${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return found;
}

/** `--issuer ''` clears a field the heuristics filled wrongly. */
const orNull = (v: string | undefined): string | null | undefined => (v === undefined ? undefined : v === '' ? null : v);

export function changeOf(o: CorrectOptions): MetadataChange {
  const reset = (o.reset ?? []).map((f): MetadataField => {
    const field = METADATA_FIELDS.find((m) => m === f);
    if (!field) throw new CommandError(`--reset takes a field: ${METADATA_FIELDS.join(', ')}; not "${f}"`);
    return field;
  });
  const change: MetadataChange = {
    title: o.title,
    issuer: orNull(o.issuer),
    jurisdiction: o.jurisdiction,
    level: oneOf('level', o.level, LEVELS),
    date: orNull(o.date),
    docNumber: orNull(o['doc-number']),
    kind: oneOf('kind', o.kind, KINDS),
    validUntil: orNull(o['valid-until']),
    ...(reset.length > 0 ? { reset } : {}),
  };
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as MetadataChange;
  if (Object.keys(given).length === 0) throw new CommandError('correct needs a field to set (--title, --issuer, --jurisdiction, --level, --date, --doc-number, --kind, --valid-until) or --reset FIELD');
  return given;
}

/** `correct DOC_ID --date 2024-01-09 …`: answers the document as corrected. */
export function runCorrect(args: string[], ctx: CommandContext, options: CorrectOptions): number {
  const [docId, ...more] = args;
  if (!docId || more.length > 0) throw new CommandError('usage: clauseway correct DOC_ID [--title T] [--issuer I] [--date D] … [--reset FIELD]');
  const change = changeOf(options);
  const doc = withCorrections(ctx, true, (c, store) => {
    const corrected = c.correct(ctx.library, docId, change);
    // Citations begin with the title: the annotations' copies follow a new one.
    reanchorDocuments(store, ctx.library, [docId]);
    return corrected;
  });
  if (!doc) throw new CommandError('the user data could not be opened');
  ctx.print(doc, () => {
    const fields = new Set(doc.corrected ?? []);
    const line = (f: MetadataField, v: string | null): string => `  ${f.padEnd(12)} ${v ?? '—'}${fields.has(f) ? '  (corrected)' : ''}`;
    return [`${doc.id}  ${doc.title}`, line('title', doc.title), line('issuer', doc.issuer), line('jurisdiction', doc.jurisdiction), line('level', doc.level), line('date', doc.date), line('docNumber', doc.docNumber), line('kind', doc.kind), line('validUntil', doc.validUntil)].join('\n') + '\n';
  });
  return 0;
}
