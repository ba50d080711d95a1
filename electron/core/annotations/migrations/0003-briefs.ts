import type { Database } from 'better-sqlite3';

// Briefs are user data beside the annotations. An excerpt keeps what it quoted and its citation
// as they were when it was added (JSON of BriefCitation): the library may change or lose the
// clause, and the brief must still say what it quoted and from where. Annotation and clause ids
// are plain text, as in 0001: an excerpt outlives its annotation and its clause.
export function briefs(db: Database): void {
  db.exec(`
    CREATE TABLE briefs (
      id       TEXT PRIMARY KEY,         -- a UUID, kept by export and import
      title    TEXT NOT NULL,
      subtitle TEXT,
      created  TEXT NOT NULL,
      updated  TEXT NOT NULL,
      deleted  TEXT                      -- in the trash since then; NULL when not
    );
    CREATE INDEX briefs_updated ON briefs(updated);

    CREATE TABLE brief_sections (
      id       TEXT PRIMARY KEY,
      brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
      ord      INTEGER NOT NULL,
      heading  TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX brief_sections_brief ON brief_sections(brief_id, ord);

    CREATE TABLE brief_items (
      id            TEXT PRIMARY KEY,
      section_id    TEXT NOT NULL REFERENCES brief_sections(id) ON DELETE CASCADE,
      ord           INTEGER NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('excerpt', 'text', 'heading')),
      clause_id     TEXT,                -- excerpt: the clause quoted (NULL: a whole document)
      annotation_id TEXT,                -- excerpt: the annotation it was made from
      quote         TEXT NOT NULL DEFAULT '',
      whole_clause  INTEGER NOT NULL DEFAULT 0,
      color         TEXT CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple', 'orange')),
      note_json     TEXT,                -- ProseMirror JSON of the note schema (excerpt, text)
      heading       TEXT NOT NULL DEFAULT '',
      citation_json TEXT,                -- excerpt: BriefCitation when it was added
      added         TEXT NOT NULL
    );
    CREATE INDEX brief_items_section ON brief_items(section_id, ord);
  `);
}
