// An import as the app runs it: a list of files (named as the user knows them), each read as the
// command line reads it (batch.ts's parseFile: Word files through docx.ts), parsed and stored in its own
// transaction, and a summary of what became of each: added, updated, unchanged, a duplicate of
// a file already in the library, or refused with the reason. A file that fails never stops the rest.

import { resolve } from 'node:path';
import type { ImportItem, ImportItemStatus, ImportReason, ImportSummary } from '../../../shared/api.ts';
import { DatabaseError } from '../store/database.ts';
import type { IngestOutcome, Library } from '../store/library.ts';
import { IngestError } from './errors.ts';
import { parseFile } from './batch.ts';

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

/** Imports the files one by one; `onFile` hears of each before it starts. */
export async function importBatch(library: Library, files: readonly ImportFile[], onFile?: (done: number, total: number, name: string) => void): Promise<ImportSummary> {
  const items: ImportItem[] = [];
  for (const [i, f] of files.entries()) {
    onFile?.(i, files.length, f.name);
    if (f.refused !== undefined) {
      items.push(refusal(f.name, f.refused, f.refusedWhy));
      continue;
    }
    try {
      items.push(itemOf(f.name, await ingestPath(library, f.path, { name: f.name, ...(f.key === undefined ? {} : { key: f.key }) })));
    } catch (e) {
      if (!(e instanceof IngestError || e instanceof DatabaseError)) throw e;
      items.push(e instanceof IngestError ? refusal(f.name, e.problem, e.why) : refusal(f.name, e.message));
    }
  }
  return summarize(items);
}
