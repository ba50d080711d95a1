import type { Database } from 'better-sqlite3';

/**
 * Manual links (issue 13): a reader's link between two clauses, with the reason they gave. Each end
 * keeps what it was made on (clause id, document, citation, the clause's text) so that it can be
 * found again after a re-import (the clause-id continuity of the library), shown when it cannot
 * (an orphan, kept), and exported with the annotations.
 */
export function manualLinks(db: Database): void {
  db.exec(`
    CREATE TABLE manual_links (
      id      TEXT PRIMARY KEY,        -- a UUID, kept by export and import
      why     TEXT NOT NULL DEFAULT '',
      status  TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
      created TEXT NOT NULL,
      updated TEXT NOT NULL
    );
    CREATE TABLE manual_link_ends (
      link_id   TEXT NOT NULL REFERENCES manual_links(id) ON DELETE CASCADE,
      ord       INTEGER NOT NULL CHECK (ord IN (0, 1)),
      clause_id TEXT NOT NULL,
      doc_id    TEXT NOT NULL,
      doc_title TEXT NOT NULL,
      citation  TEXT NOT NULL,
      text      TEXT NOT NULL,         -- the clause's text when last found
      status    TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
      PRIMARY KEY (link_id, ord)
    ) WITHOUT ROWID;
    CREATE INDEX manual_link_ends_clause ON manual_link_ends(clause_id);
    CREATE INDEX manual_link_ends_doc ON manual_link_ends(doc_id);
  `);
}
