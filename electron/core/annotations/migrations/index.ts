// Schema steps of the user-data file (user.db), apart from the library's: append, never edit.

import type { Migration } from '../../store/migrations/index.ts';
import { userData } from './0001-user-data.ts';
import { manualLinks } from './0002-manual-links.ts';
import { briefs } from './0003-briefs.ts';
import { metadataCorrections } from './0004-metadata-corrections.ts';

export const USER_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'user data: annotations, their targets, tags, trash', up: userData },
  { version: 2, name: 'manual links between clauses', up: manualLinks },
  { version: 3, name: 'briefs: sections, excerpts with their citations, free text, headings', up: briefs },
  { version: 4, name: 'metadata corrections, by document', up: metadataCorrections },
];

export const USER_LATEST_VERSION = USER_MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
