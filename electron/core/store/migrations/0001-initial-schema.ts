import type { Database } from 'better-sqlite3';

export function initialSchema(db: Database): void {
  db.exec(`
    CREATE TABLE sources (
      id          INTEGER PRIMARY KEY,
      key         TEXT NOT NULL UNIQUE,   -- seeds/NAME for bundled files, the absolute path otherwise
      name        TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      size        INTEGER NOT NULL,
      encoding    TEXT NOT NULL,
      format      TEXT NOT NULL,
      ingested_at TEXT NOT NULL
    );
    CREATE INDEX sources_sha256 ON sources(sha256);

    CREATE TABLE documents (
      id            TEXT PRIMARY KEY,
      source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      ord           INTEGER NOT NULL,
      title         TEXT NOT NULL,
      issuer        TEXT,
      jurisdiction  TEXT NOT NULL,
      level         TEXT NOT NULL CHECK (level IN ('national', 'province', 'sar', 'city', 'district')),
      jurisdictions TEXT NOT NULL,        -- JSON [{name, level}], the first is the primary one
      date          TEXT,
      doc_number    TEXT,
      kind          TEXT NOT NULL CHECK (kind IN ('policy', 'notice', 'news')),
      valid_until   TEXT,
      clause_count  INTEGER NOT NULL
    );
    CREATE INDEX documents_source ON documents(source_id, ord);

    CREATE TABLE clauses (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,  -- stable, never reused: the search indexes refer to it
      id         TEXT NOT NULL UNIQUE,
      doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      parent_id  TEXT REFERENCES clauses(id) ON DELETE CASCADE,
      ord        INTEGER NOT NULL,        -- reading order within the document
      depth      INTEGER NOT NULL,
      kind       TEXT NOT NULL,
      label      TEXT NOT NULL,
      heading    TEXT,
      text       TEXT NOT NULL,
      citation   TEXT NOT NULL,
      table_json TEXT
    );
    CREATE INDEX clauses_doc ON clauses(doc_id, ord);
    CREATE INDEX clauses_parent ON clauses(parent_id);

    CREATE TABLE clause_units (
      clause_id TEXT NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
      ord       INTEGER NOT NULL,
      name      TEXT NOT NULL,
      role      TEXT NOT NULL CHECK (role IN ('lead', 'cooperate', 'support', 'responsible')),
      PRIMARY KEY (clause_id, ord)
    );
    CREATE INDEX clause_units_name ON clause_units(name);
  `);
}
