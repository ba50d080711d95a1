// What ingest produces and the store keeps: the records of one parsed file. They live below both
// ingest/ and store/, so that neither needs the other to name them.

import type { DocKind, HistoryEvent, Jurisdiction, ReaderClause } from '../../../shared/types.ts';

/** How a file's bytes were read. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis';

/** How a file's text was laid out. */
export type Format = 'markdown' | 'html' | 'text';

/** A clause as stored: as the reader sees it, with its place in reading order. */
export interface ClauseRecord extends ReaderClause {
  ord: number;
  /** The clause's path of labels within its document (e.g. /chapter:3/article:2/item:1). */
  path: string;
}

export interface DocumentRecord {
  id: string;
  /** A hash of its title and clause texts: the same text stored from another file is a duplicate. */
  textSha: string;
  title: string;
  issuer: string | null;
  jurisdictions: Jurisdiction[];
  date: string | null;
  docNumber: string | null;
  kind: DocKind;
  validUntil: string | null;
  /** When it takes effect, when printed (自…起施行). */
  effective: string | null;
  /** Its history lines: adoption, approvals, amendments, revisions, promulgation, taking effect. */
  history: HistoryEvent[];
  clauses: ClauseRecord[];
}

export interface ParsedSource {
  name: string;
  /** The version of the rules that read it (PARSER_VERSION): a file read by older rules is read again. */
  parser: number;
  sha256: string;
  size: number;
  encoding: Encoding;
  format: Format;
  warnings: string[];
  documents: DocumentRecord[];
}
