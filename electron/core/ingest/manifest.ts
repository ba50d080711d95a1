// The seeds manifest: for the bundled files only, what no heuristic can know (where a newsletter's
// items begin, a date the text never prints, who issued an unsigned attachment). A user's file
// gets no manifest; everything it needs comes from the heuristics.

import { readFileSync } from 'node:fs';
import type { DocKind, Jurisdiction } from '../../../shared/types.ts';
import { IngestError } from './errors.ts';

export interface ManifestDocument {
  /** Explicit cut: the document's first line in the file. Either all documents of a file have it or none. */
  line?: number;
  /** First line of the body (default: the line after `line`). */
  body?: number;
  /** Drop this range (a cover page, a table of contents, section banners). */
  skip?: boolean;
  title?: string;
  issuer?: string;
  jurisdictions?: Jurisdiction[];
  date?: string;
  docNumber?: string;
  kind?: DocKind;
  validUntil?: string;
  /** Heuristic mode: the title the heuristics must find, checked so that a drift fails loudly. */
  expect?: string;
}

export interface ManifestFile {
  sha256: string;
  /** Applied to every document of the file unless the document says otherwise. */
  defaults?: ManifestDocument;
  documents: ManifestDocument[];
}

export interface Manifest {
  files: Record<string, ManifestFile>;
}

export function loadManifest(path: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new IngestError(path, `the seeds manifest cannot be read: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || !('files' in raw) || typeof raw.files !== 'object' || raw.files === null) {
    throw new IngestError(path, 'the seeds manifest has no "files" object');
  }
  return raw as Manifest;
}
