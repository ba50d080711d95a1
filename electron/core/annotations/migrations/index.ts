// Schema steps of the user-data file (user.db), apart from the library's: append, never edit.

import type { Migration } from '../../store/migrations/index.ts';
import { userData } from './0001-user-data.ts';
import { briefs } from './0003-briefs.ts';

export const USER_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'user data: annotations, their targets, tags, trash', up: userData },
  // briefs (issue 14); version 2 is links-engine's
  { version: 3, name: 'briefs: sections, excerpts with their citations, free text, headings', up: briefs },
];

export const USER_LATEST_VERSION = USER_MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
