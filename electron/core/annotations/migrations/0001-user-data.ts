import type { Database } from 'better-sqlite3';

/** Marks the file as Clauseway user data (its header's application_id): 'CWud'. */
export const USER_DATA_APPLICATION_ID = 0x43577564;

// Clause and document ids are plain text: the corpus lives in another file and may be deleted
// and rebuilt, so nothing here may reference it, and nothing there may cascade into here.
export function userData(db: Database): void {
  db.pragma(`application_id = ${USER_DATA_APPLICATION_ID}`);
  db.exec(`
    CREATE TABLE annotations (
      id          TEXT PRIMARY KEY,      -- a UUID, kept by export and import
      kind        TEXT NOT NULL CHECK (kind IN ('highlight', 'clause-note', 'doc-note')),
      color       TEXT CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple', 'orange')),
      status      TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
      doc_id      TEXT NOT NULL,
      doc_title   TEXT NOT NULL,
      note_json   TEXT,                  -- ProseMirror JSON of the note schema
      note_text   TEXT NOT NULL DEFAULT '',
      note_folded TEXT NOT NULL DEFAULT '',  -- note_text folded as search folds
      created     TEXT NOT NULL,
      updated     TEXT NOT NULL,
      deleted     TEXT                   -- in the trash since then; NULL when not
    );
    CREATE INDEX annotations_doc ON annotations(doc_id);
    CREATE INDEX annotations_updated ON annotations(updated);

    CREATE TABLE targets (
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      ord           INTEGER NOT NULL,
      clause_id     TEXT NOT NULL,
      doc_id        TEXT NOT NULL,
      citation      TEXT NOT NULL,
      exact         TEXT NOT NULL,
      prefix        TEXT NOT NULL,
      suffix        TEXT NOT NULL,
      start_offset  INTEGER NOT NULL,
      end_offset    INTEGER NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('anchored', 'orphan')),
      PRIMARY KEY (annotation_id, ord)
    ) WITHOUT ROWID;
    CREATE INDEX targets_clause ON targets(clause_id);
    CREATE INDEX targets_doc ON targets(doc_id);

    CREATE TABLE tags (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE annotation_tags (
      annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (annotation_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
  `);
}
