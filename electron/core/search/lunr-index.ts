// The Lunr side of search: which documents are about the query. One entry per document, with its
// title, every clause heading it prints, and its opening text, each field boosted apart. FTS5
// decides which clauses match; Lunr's document scores weigh into their order (see README, "Search").
// Measured on the bench corpus, a clause-level Lunr index over the full text could not be built
// (111 s, 6.5 GB, too large to serialize) and one over headings answered frequent words in up to
// 280 ms; at document level it loads and answers in a few milliseconds.
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
function wordTokens(text: string): WordToken[] {
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

/**
 * Positions are kept for titles only, where results highlight them: kept for every field they
 * tripled the time to parse the stored index (bench corpus: 861 ms against 247 ms).
 */
function lunrTokenizer(obj?: string | object | object[] | null, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = typeof obj === 'string' ? obj : Array.isArray(obj) ? obj.filter((x): x is string => typeof x === 'string').join(' ') : '';
  const isTitle = (metadata as { fields?: string[] } | undefined)?.fields?.includes('title') ?? false;
  return wordTokens(text).map((t, index) => new lunr.Token(t.text, isTitle ? { position: [t.start, t.length], index } : { index }));
}

interface Entry {
  ref: string;
  title: string;
  heading: string;
  text: string;
}

/** How much of a document's opening text goes in: enough to say what it is about. */
const LEAD_CHARS = 150;

/**
 * Entries for the documents, in order. A document's ref is its position in the shard's list, in
 * base 36: every posting of the inverted index repeats a ref, and short refs made the stored index
 * (and the time to parse it at start) several times smaller than document ids did.
 */
function entriesFor(db: Database, docIds: string[]): Entry[] {
  const out: Entry[] = [];
  const doc = db.prepare<[string], { title: string }>('SELECT title FROM documents WHERE id = ?');
  const headings = db.prepare<[string], { heading: string }>('SELECT heading FROM clauses WHERE doc_id = ? AND heading IS NOT NULL ORDER BY ord');
  const lead = db.prepare<[number, string], { text: string | null }>("SELECT substr(group_concat(text, char(10)), 1, ?) AS text FROM (SELECT text FROM clauses WHERE doc_id = ? ORDER BY ord LIMIT 3)");
  docIds.forEach((id, i) => {
    const d = doc.get(id);
    if (!d) return;
    const text = lead.get(LEAD_CHARS, id)?.text ?? '';
    out.push({ ref: i.toString(36), title: d.title, heading: headings.all(id).map((h) => h.heading).join('\n'), text });
  });
  return out;
}

/**
 * Words found in most documents (总则, 法律责任, 人民政府 in a corpus of laws) tell no document apart
 * and are left out of queries; they are left out of the index too, where they were most of its
 * postings.
 */
function commonWords(entries: Entry[]): Set<string> {
  const df = new Map<string, number>();
  for (const e of entries) {
    const seen = new Set(wordTokens(`${e.title}\n${e.heading}\n${e.text}`).map((t) => t.text));
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const limit = Math.max(50, entries.length * COMMON_SHARE);
  return new Set([...df].filter(([, n]) => n > limit).map(([w]) => w));
}

function build(entries: Entry[]): lunr.Index {
  const common = commonWords(entries);
  const tokenizer = (obj?: string | object | object[] | null, metadata?: object): lunr.Token[] => lunrTokenizer(obj, metadata).filter((t) => !common.has(t.toString()));
  return lunr(function () {
    // No English pipeline: its trimmer erases every CJK character and its stemmer means nothing here.
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.tokenizer = tokenizer as typeof lunr.tokenizer;
    this.metadataWhitelist = ['position'];
    this.ref('ref');
    this.field('title', { boost: 10 });
    this.field('heading', { boost: 3 });
    this.field('text');
    for (const e of entries) this.add(e);
  });
}

/** A word in more than this share of the documents is too common to tell them apart. */
const COMMON_SHARE = 0.3;

type Posting = Record<string, Record<string, unknown> | number>;

/** How many documents hold a word, in any field, read from the inverted index. */
function documentFrequency(index: lunr.Index, word: string): number {
  const posting = (index as unknown as { invertedIndex: Record<string, Posting | undefined> }).invertedIndex[word];
  if (!posting) return 0;
  const refs = new Set<string>();
  for (const [field, v] of Object.entries(posting)) if (field !== '_index' && typeof v === 'object') for (const ref of Object.keys(v)) refs.add(ref);
  return refs.size;
}

interface Shard {
  name: 'base' | 'delta';
  /** In the order of the refs. */
  docList: string[];
  docIds: Set<string>;
  entries: number;
  index: lunr.Index;
}

export interface LunrMatch {
  /** The document id. */
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
    this.shards = rows.map((r) => {
      const docList = JSON.parse(r.doc_ids) as string[];
      return { name: r.name, docList, docIds: new Set(docList), entries: r.entries, index: lunr.Index.load(JSON.parse(r.index_json) as object) };
    });
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
      return { name, docList: docIds, docIds: new Set(docIds), entries: entries.length, index };
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

  /**
   * Documents scored for the query's words, best first; removed documents are skipped. Words found
   * in most documents say nothing about any of them and cost the most to score: they are left out.
   */
  match(text: string): LunrMatch[] {
    const words = [...new Set(wordTokens(text).map((t) => t.text))];
    if (words.length === 0) return [];
    const out: LunrMatch[] = [];
    for (const shard of this.shards) {
      // A word absent from the index was too common to keep (or is in no document): it cannot tell
      // documents apart, and as a required term it would exclude them all.
      const tokens = words.filter((w) => {
        const n = documentFrequency(shard.index, w);
        return n > 0 && n <= Math.max(50, shard.entries * COMMON_SHARE);
      });
      if (tokens.length === 0) continue;
      // A document is about the query when it holds every word of it.
      const results = shard.index.query((q) => {
        for (const t of tokens) q.term(t, { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
      });
      for (const r of results) {
        const docId = shard.docList[parseInt(r.ref, 36)];
        if (docId === undefined || !this.live.has(docId)) continue;
        const positions: LunrMatch['positions'] = [];
        for (const fields of Object.values(r.matchData.metadata as Record<string, Record<string, unknown>>)) {
          for (const [field, meta] of Object.entries(fields)) {
            const pos = (meta as { position?: unknown[] }).position ?? [];
            for (const p of pos) if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') positions.push({ field: field as LunrMatch['positions'][number]['field'], start: p[0], length: p[1] });
          }
        }
        out.push({ ref: docId, score: r.score, positions });
      }
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
