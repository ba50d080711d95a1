// Numbered schema migrations. Append a new file and a line here; never edit a released step.

import type { Database } from 'better-sqlite3';
import { initialSchema } from './0001-initial-schema.ts';
import { searchIndex } from './0002-search-index.ts';
import { stableIdentities } from './0003-stable-identities.ts';
import { links } from './0004-links.ts';
import { documentHistory } from './0005-document-history.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema: sources, documents, clauses, units', up: initialSchema },
  { version: 2, name: 'search: FTS5 exact-recall index and stored Lunr shards', up: searchIndex },
  { version: 3, name: 'stable identities: text hashes, clause paths and aliases, a revision counter', up: stableIdentities },
  { version: 4, name: 'links: computed cross-links between clauses, citations', up: links },
  { version: 5, name: 'document history: history lines, the date in effect, the key of its versions', up: documentHistory },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
