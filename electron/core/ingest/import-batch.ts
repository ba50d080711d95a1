// An import as the app runs it: a list of files (named as the user knows them), read, parsed and
// stored as the command line does it (batch.ts's ingestMany: Word files through docx.ts, a large
// folder parsed in threads and stored many files to a transaction), and a summary of what became
// of each: added, updated, unchanged, a duplicate of a file already in the library, or refused
// with the reason. A file that fails never stops the rest.

import { resolve } from 'node:path';
import type { ImportItem, ImportItemStatus, ImportReason, ImportSummary } from '../../../shared/api.ts';
import type { IngestOutcome, Library } from '../store/library.ts';
import { IngestError } from './errors.ts';
import { ingestMany, parseFile } from './batch.ts';

export interface ImportFile {
  /** Where the bytes are. */
  path: string;
  /** How messages and the library name it: the path given, or an uploaded file's own name. */
  name: string;
  /** The library key (document ids derive from it); the absolute path when not given. */
  key?: string;
  /** Known to be refused before it is read, and why (an upload that never arrived). */
  refused?: string;
  refusedWhy?: ImportReason;
}

/** Any importable file, Word documents included; `name` is how messages name it. */
export async function ingestPath(library: Library, path: string, options: { key?: string; name?: string } = {}): Promise<IngestOutcome> {
  const key = options.key ?? resolve(path);
  return library.store(key, await parseFile({ path, key, name: options.name ?? path }));
}

function itemOf(name: string, o: IngestOutcome): ImportItem {
  const duplicate = o.duplicateOf !== null && (o.status === 'unchanged' || o.documents === 0);
  return {
    name,
    status: duplicate ? 'duplicate' : o.status,
    documents: duplicate ? 0 : o.documents,
    clauses: duplicate ? 0 : o.clauses,
    reason: duplicate ? `the same text is already in the library as ${o.duplicateOf ?? ''}` : null,
    why: duplicate ? { code: 'duplicate', params: { of: o.duplicateOf ?? '' } } : null,
    // The reason says what the store's warning says of the twin.
    warnings: duplicate ? o.warnings.filter((w) => !w.includes(`already in the library as ${o.duplicateOf ?? ''}`) && !w.includes(`from ${o.duplicateOf ?? ''};`)) : o.warnings,
    docIds: duplicate ? [] : o.docIds,
  };
}

const OTHER: ImportReason = { code: 'other', params: {} };
const refusal = (name: string, reason: string, why: ImportReason = OTHER): ImportItem => ({ name, status: 'refused', documents: 0, clauses: 0, reason, warnings: [], docIds: [], why });

export function summarize(items: ImportItem[]): ImportSummary {
  const counts: Record<ImportItemStatus, number> = { added: 0, updated: 0, unchanged: 0, duplicate: 0, refused: 0 };
  for (const i of items) counts[i.status]++;
  return { items, counts };
}

/**
 * Imports the files through ingestMany, as the command line does (parse threads for a large folder,
 * many files to a transaction, each in a savepoint of its own); `onFile` hears how many are done and
 * the file just read. Each file's outcome stands where the file stood in `files`.
 */
export async function importBatch(library: Library, files: readonly ImportFile[], onFile?: (done: number, total: number, name: string) => void): Promise<ImportSummary> {
  const items: (ImportItem | undefined)[] = files.map((f) => (f.refused === undefined ? undefined : refusal(f.name, f.refused, f.refusedWhy)));
  const readable = files.flatMap((f, i) => (f.refused === undefined ? [{ path: f.path, name: f.name, key: f.key ?? resolve(f.path), at: i }] : []));
  const byKey = new Map(readable.map((r) => [r.key, r]));
  const byPath = new Map(readable.map((r) => [r.path, r]));
  let done = files.length - readable.length;
  onFile?.(done, files.length, readable[0]?.name ?? '');
  const outcomes = await ingestMany(library, readable, {
    onFile: (path) => onFile?.(++done, files.length, byPath.get(path)?.name ?? path),
    onError: (path, e) => {
      const r = byPath.get(path);
      if (r) items[r.at] = e instanceof IngestError ? refusal(r.name, e.problem, e.why) : refusal(r.name, e.message);
    },
  });
  for (const o of outcomes) {
    const r = byKey.get(o.source);
    if (r) items[r.at] = itemOf(r.name, o);
  }
  return summarize(items.map((item, i) => item ?? refusal(files[i]?.name ?? '', 'the import ended without a word on this file')));
}
