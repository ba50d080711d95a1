import type { Database } from 'better-sqlite3';
import { textHash } from '../../model/identity.ts';

/**
 * Identities that outlive a re-import. Documents keep a hash of their text (the same text from
 * another file is a duplicate, whatever ids say); clauses keep their path of labels; old clause
 * ids that a re-import retired point to their successors (or to where they stood, when removed);
 * a revision counter tells readers their cached documents are stale.
 */
export function stableIdentities(db: Database): void {
  db.exec(`
    ALTER TABLE sources ADD COLUMN parser INTEGER NOT NULL DEFAULT 1;  -- the reading rules' version
    ALTER TABLE documents ADD COLUMN text_sha TEXT NOT NULL DEFAULT '';
    ALTER TABLE clauses ADD COLUMN path TEXT NOT NULL DEFAULT '';
    CREATE TABLE clause_aliases (
      old_id       TEXT PRIMARY KEY,   -- a clause id that no longer exists
      doc_id       TEXT NOT NULL,      -- the document it belonged to (no foreign key: it may go)
      successor_id TEXT NOT NULL,      -- the clause that holds its text now, or stands where it stood
      reason       TEXT NOT NULL CHECK (reason IN ('moved', 'removed')),
      content_sha  TEXT NOT NULL,      -- a hash of its text: the id comes back if the text does
      created      TEXT NOT NULL
    );
    CREATE INDEX clause_aliases_successor ON clause_aliases(successor_id);
    CREATE TABLE library_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO library_meta (key, value) VALUES ('revision', 1);
  `);
  const docs = db.prepare<[], { id: string; title: string }>('SELECT id, title FROM documents').all();
  const clauses = db.prepare<[string], { label: string; heading: string | null; text: string }>('SELECT label, heading, text FROM clauses WHERE doc_id = ? ORDER BY ord');
  const set = db.prepare('UPDATE documents SET text_sha = ? WHERE id = ?');
  for (const d of docs) set.run(textHash(d.title, clauses.all(d.id)), d.id);
  db.exec('CREATE INDEX documents_text_sha ON documents(text_sha)');
}
