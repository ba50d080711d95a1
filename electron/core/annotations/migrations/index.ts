// Schema steps of the user-data file (user.db), apart from the library's: append, never edit.

import type { Migration } from '../../store/migrations/index.ts';
import { userData } from './0001-user-data.ts';
import { manualLinks } from './0002-manual-links.ts';

export const USER_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'user data: annotations, their targets, tags, trash', up: userData },
  { version: 2, name: 'manual links between clauses', up: manualLinks },
];

export const USER_LATEST_VERSION = USER_MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
