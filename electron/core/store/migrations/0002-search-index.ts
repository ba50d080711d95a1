import type { Database } from 'better-sqlite3';
import { indexClauses } from '../../search/fts.ts';

/**
 * The exact-recall index (FTS5 over tokens made in code, see search/grams.ts) and the stored
 * Lunr shards. The FTS5 table holds no content of its own: rows are keyed by clauses.seq and
 * removed with their clause by a trigger. Two columns: the clause text, and its heading (so that
 * clauses headed by the query are found without a scan); bm25 ranks by the text alone.
 */
export function searchIndex(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE clause_grams USING fts5(grams, hgrams, content='', contentless_delete=1, detail='full', tokenize='unicode61 remove_diacritics 0');
    INSERT INTO clause_grams (clause_grams, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
    CREATE TRIGGER clauses_remove_grams AFTER DELETE ON clauses BEGIN
      DELETE FROM clause_grams WHERE rowid = old.seq;
    END;
    CREATE TABLE lunr_shards (
      name     TEXT PRIMARY KEY CHECK (name IN ('base', 'delta')),
      doc_ids  TEXT NOT NULL,   -- JSON array of the documents the shard covers (one entry each)
      entries  INTEGER NOT NULL,
      index_json TEXT NOT NULL
    );
  `);
  indexClauses(db, 'SELECT seq, text, heading FROM clauses');
}
