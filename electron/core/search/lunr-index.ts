// The Lunr side of search: word-level relevance over what a reader scans first, the document
// titles and the clause headings (with each headed clause's lead sentence). It ranks; FTS5
// decides what matches (see README, "Search").
//
// Lunr indexes cannot be changed once built, so the index lives in two stored shards: a large
// `base` and a small `delta` that takes the documents added since. Adding documents rebuilds only
// the delta; removed documents are filtered out until the base is rebuilt, which happens when the
// delta or the removals grow past a share of the base. Nothing is rebuilt when nothing changed.

import lunr from 'lunr';
import type { Database } from 'better-sqlite3';
import { fold } from '../../../shared/fold.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export interface WordToken {
  text: string;
  start: number;
  length: number;
}

/**
 * The one tokenizer, used at index and at query time: the folded text cut into words by ICU's
 * dictionary (Intl.Segmenter), and for Chinese words longer than two characters their bigrams too,
 * so that 金融科技 in a heading meets 金融 or 科技 in a query whichever way either was cut.
 */
export function wordTokens(text: string): WordToken[] {
  const folded = fold(text);
  const out: WordToken[] = [];
  for (const s of segmenter.segment(folded)) {
    if (!s.isWordLike) continue;
    out.push({ text: s.segment, start: s.index, length: s.segment.length });
    if (s.segment.length > 2 && CJK.test(s.segment)) {
      for (let i = 0; i + 2 <= s.segment.length; i++) out.push({ text: s.segment.slice(i, i + 2), start: s.index + i, length: 2 });
    }
  }
  return out;
}

function lunrTokenizer(obj?: string | object | object[] | null): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = typeof obj === 'string' ? obj : Array.isArray(obj) ? obj.filter((x): x is string => typeof x === 'string').join(' ') : '';
  return wordTokens(text).map((t, index) => new lunr.Token(t.text, { position: [t.start, t.length], index }));
}

interface Entry {
  ref: string;
  title?: string;
  heading?: string;
  text?: string;
}

/** `d:ID` for a document (its title), `c:ID` for a headed clause (heading and lead sentence). */
function entriesFor(db: Database, docIds: string[]): Entry[] {
  const out: Entry[] = [];
  const doc = db.prepare<[string], { title: string }>('SELECT title FROM documents WHERE id = ?');
  const clauses = db.prepare<[string], { id: string; heading: string; text: string }>('SELECT id, heading, text FROM clauses WHERE doc_id = ? AND heading IS NOT NULL ORDER BY ord');
  for (const id of docIds) {
    const d = doc.get(id);
    if (!d) continue;
    out.push({ ref: `d:${id}`, title: d.title });
    for (const c of clauses.all(id)) {
      const body = c.text.startsWith(c.heading) ? c.text.slice(c.heading.length).replace(/^[。．.：:\s]+/, '') : c.text;
      const lead = /^[^。；！？\n]{0,80}[。；！？]?/.exec(body)?.[0] ?? '';
      out.push({ ref: `c:${c.id}`, heading: c.heading, text: lead });
    }
  }
  return out;
}

function build(entries: Entry[]): lunr.Index {
  return lunr(function () {
    // No English pipeline: its trimmer erases every CJK character and its stemmer means nothing here.
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.tokenizer = lunrTokenizer as typeof lunr.tokenizer;
    this.metadataWhitelist = ['position'];
    this.ref('ref');
    this.field('title', { boost: 10 });
    this.field('heading', { boost: 4 });
    this.field('text');
    for (const e of entries) this.add(e);
  });
}

interface Shard {
  name: 'base' | 'delta';
  docIds: Set<string>;
  entries: number;
  index: lunr.Index;
}

export interface LunrMatch {
  ref: string;
  score: number;
  /** Where the query's words stand in the title or heading: [start, length] pairs. */
  positions: { field: 'title' | 'heading' | 'text'; start: number; length: number }[];
}

export interface RefreshReport {
  rebuilt: 'none' | 'delta' | 'base';
  entries: number;
  ms: number;
}

export class LunrShards {
  private readonly db: Database;
  private shards: Shard[] = [];
  private live = new Set<string>();

  constructor(db: Database) {
    this.db = db;
  }

  /** Loads the stored shards; no index is built here. */
  load(): void {
    const rows = this.db.prepare<[], { name: 'base' | 'delta'; doc_ids: string; entries: number; index_json: string }>('SELECT name, doc_ids, entries, index_json FROM lunr_shards').all();
    this.shards = rows.map((r) => ({ name: r.name, docIds: new Set(JSON.parse(r.doc_ids) as string[]), entries: r.entries, index: lunr.Index.load(JSON.parse(r.index_json) as object) }));
    this.live = new Set(this.db.prepare<[], { id: string }>('SELECT id FROM documents').all().map((r) => r.id));
  }

  get loadedEntries(): number {
    return this.shards.reduce((n, s) => n + s.entries, 0);
  }

  /** Brings the shards in line with the library's documents, rebuilding as little as possible. */
  refresh(): RefreshReport {
    const t0 = performance.now();
    const current = new Set(this.db.prepare<[], { id: string }>('SELECT id FROM documents').all().map((r) => r.id));
    this.live = current;
    const base = this.shards.find((s) => s.name === 'base');
    const delta = this.shards.find((s) => s.name === 'delta');
    const covered = new Set([...(base?.docIds ?? []), ...(delta?.docIds ?? [])]);
    const added = [...current].filter((id) => !covered.has(id));
    const removedFromBase = base ? [...base.docIds].filter((id) => !current.has(id)).length : 0;
    const deltaGone = delta ? [...delta.docIds].some((id) => !current.has(id)) : false;
    if (added.length === 0 && !deltaGone && removedFromBase === 0) return { rebuilt: 'none', entries: this.loadedEntries, ms: performance.now() - t0 };

    const deltaDocs = [...(delta?.docIds ?? []), ...added].filter((id) => current.has(id));
    const deltaEntries = entriesFor(this.db, deltaDocs);
    const baseSize = base?.entries ?? 0;
    const rebuildBase = !base || deltaEntries.length > Math.max(2000, baseSize * 0.2) || removedFromBase > (base.docIds.size * 0.1);
    const write = this.db.prepare('INSERT OR REPLACE INTO lunr_shards (name, doc_ids, entries, index_json) VALUES (?, ?, ?, ?)');
    const store = (name: 'base' | 'delta', docIds: string[], entries: Entry[]): Shard => {
      const index = build(entries);
      write.run(name, JSON.stringify(docIds), entries.length, JSON.stringify(index));
      return { name, docIds: new Set(docIds), entries: entries.length, index };
    };
    if (rebuildBase) {
      const all = [...current].sort();
      const entries = entriesFor(this.db, all);
      this.db.transaction(() => {
        this.shards = [store('base', all, entries)];
        this.db.prepare("DELETE FROM lunr_shards WHERE name = 'delta'").run();
      })();
      return { rebuilt: 'base', entries: entries.length, ms: performance.now() - t0 };
    }
    this.db.transaction(() => {
      this.shards = [base, store('delta', deltaDocs, deltaEntries)];
    })();
    return { rebuilt: 'delta', entries: deltaEntries.length, ms: performance.now() - t0 };
  }

  /** Scores of titles and headed clauses for the query's words; documents no longer present are skipped. */
  match(text: string): LunrMatch[] {
    const tokens = [...new Set(wordTokens(text).map((t) => t.text))];
    if (tokens.length === 0) return [];
    const out: LunrMatch[] = [];
    for (const shard of this.shards) {
      const results = shard.index.query((q) => {
        for (const t of tokens) q.term(t, { usePipeline: false });
      });
      for (const r of results) {
        const docId = r.ref.startsWith('d:') ? r.ref.slice(2) : r.ref.slice(2, r.ref.indexOf('-'));
        if (!this.live.has(docId)) continue;
        const positions: LunrMatch['positions'] = [];
        for (const fields of Object.values(r.matchData.metadata as Record<string, Record<string, unknown>>)) {
          for (const [field, meta] of Object.entries(fields)) {
            const pos = (meta as { position?: [number, number][] }).position ?? [];
            for (const [start, length] of pos) positions.push({ field: field as 'title' | 'heading' | 'text', start, length });
          }
        }
        out.push({ ref: r.ref, score: r.score, positions });
      }
    }
    return out;
  }
}
