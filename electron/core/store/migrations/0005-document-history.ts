import type { Database } from 'better-sqlite3';
import { versionKey } from '../../model/versions.ts';

/**
 * A law's history as printed under its title (adoption, amendments, taking effect), the date it
 * takes effect, and the key that finds the other versions of one text in the library. Documents
 * stored before get their key now and their history when their file is next read (the reading
 * rules' version rose with this step).
 */
export function documentHistory(db: Database): void {
  db.exec(`
    ALTER TABLE documents ADD COLUMN effective TEXT;
    ALTER TABLE documents ADD COLUMN history TEXT NOT NULL DEFAULT '[]';  -- JSON: HistoryEvent[]
    ALTER TABLE documents ADD COLUMN version_key TEXT NOT NULL DEFAULT '';
  `);
  const set = db.prepare('UPDATE documents SET version_key = ? WHERE id = ?');
  for (const d of db.prepare<[], { id: string; title: string }>('SELECT id, title FROM documents').all()) set.run(versionKey(d.title), d.id);
  db.exec('CREATE INDEX documents_version_key ON documents(version_key)');
}
