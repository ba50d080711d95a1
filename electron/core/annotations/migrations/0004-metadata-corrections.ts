import type { Database } from 'better-sqlite3';

// A user's corrections of a document's metadata, by document id (ids survive re-imports of the
// same file and a rebuilt library). `original` is what the heuristics said when last applied, so
// that a reset can put it back without reading the file again.
export function metadataCorrections(db: Database): void {
  db.exec(`
    CREATE TABLE corrections (
      doc_id   TEXT NOT NULL,
      field    TEXT NOT NULL CHECK (field IN ('title', 'issuer', 'jurisdiction', 'level', 'date', 'docNumber', 'kind', 'validUntil')),
      value    TEXT,                 -- the user's value; NULL clears the field
      original TEXT,                 -- the heuristics' value
      updated  TEXT NOT NULL,
      PRIMARY KEY (doc_id, field)
    ) WITHOUT ROWID;
  `);
}
