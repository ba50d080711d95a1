import type { Database } from 'better-sqlite3';

/**
 * Computed cross-links (issue 13, electron/core/links/). Rows refer to clauses by seq and go with
 * them (a re-import deletes and re-inserts a file's clauses: their links are computed again);
 * `link_docs` says which documents' links are computed, so that a start recomputes nothing and
 * an import computes only what it brought. Manual links are user data: they live in user.db.
 */
export function links(db: Database): void {
  db.exec(`
    CREATE TABLE clause_links (        -- each pair of clauses once, the smaller seq first
      clause_seq INTEGER NOT NULL REFERENCES clauses(seq) ON DELETE CASCADE,
      other_seq  INTEGER NOT NULL REFERENCES clauses(seq) ON DELETE CASCADE,
      sim        REAL NOT NULL,          -- similarity with support, before preference (links/related.ts)
      PRIMARY KEY (clause_seq, other_seq),
      CHECK (clause_seq < other_seq)
    ) WITHOUT ROWID;
    CREATE INDEX clause_links_other ON clause_links(other_seq);

    CREATE TABLE link_citations (
      clause_seq INTEGER NOT NULL REFERENCES clauses(seq) ON DELETE CASCADE,
      start      INTEGER NOT NULL,
      end        INTEGER NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('title', 'number')),
      text       TEXT NOT NULL,          -- as printed
      key        TEXT NOT NULL,          -- as looked up (links/citations.ts)
      doc_id     TEXT                    -- the document it names; resolved again at every update
    );
    CREATE INDEX link_citations_clause ON link_citations(clause_seq);
    CREATE INDEX link_citations_doc ON link_citations(doc_id);

    CREATE TABLE link_docs (
      doc_id   TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      computed TEXT NOT NULL
    );
    CREATE TABLE link_stats (
      name  TEXT PRIMARY KEY,
      value BLOB NOT NULL
    );
  `);
}
