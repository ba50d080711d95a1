// Which documents are about the query: one entry per document (its title, every clause heading it
// prints, its opening text, each field boosted apart), scored by BM25 as Lunr scores a document.
// FTS5 decides which clauses match; these scores weigh into their order (see README, "Search").
//
// Lunr built this index until issue 12, and its stored index was the problem: Lunr bakes each
// term's weight from the statistics of the index it is built in, so a library imported in two
// batches (a base and a delta shard) ranked 人民法院's documents on two scales (top 20 lists sharing
// 0 of 20 with a one-shot import); loading it built structures the scoring never reads (545 ms for
// the bench corpus), and a query collected match data for every posting (22 ms for 人民法院). Here
// the shards store term frequencies and field lengths, and a query computes Lunr's BM25 with the
// statistics of all live documents at once: the same scores whatever the library's history, from
// a parse of the stored JSON, with work in proportion to the postings read. A test checks the
// scores against Lunr's own on one index.
//
// The index lives in two stored shards: a large `base` and a small `delta` that takes the documents
// added or changed since. Changes rebuild only the delta; removed documents are skipped until the
// base is rebuilt, which happens when the delta or the removals grow past a share of the base.
// Nothing is rebuilt when nothing changed; shards are parsed on the first query, and parsed again
// when another process stored new ones.

import type { Database, Statement } from 'better-sqlite3';
import { fold } from '../../../shared/fold.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const FIELDS = ['title', 'heading', 'text'] as const;
type Field = (typeof FIELDS)[number];
const BOOST: Record<Field, number> = { title: 10, heading: 3, text: 1 };
/** Lunr's BM25 parameters. */
const K1 = 1.2;
const B = 0.75;
/** How much of a document's opening text goes in: enough to say what it is about. */
const LEAD_CHARS = 150;
/** A word in more than this share of the documents is too common to tell them apart. */
const COMMON_SHARE = 0.3;
const FORMAT = 2;

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

/** A shard as stored (JSON): documents by their position in the shard's list of ids. */
interface StoredShard {
  v: typeof FORMAT;
  /** Per document, the tokens of each field, flat. */
  lengths: number[];
  /** Per word, per field: document, term frequency, document, term frequency… */
  postings: Record<string, [number[], number[], number[]]>;
  /** Where words stand in titles, for highlighting: word → document → start, length, start… */
  titles: Record<string, Record<string, number[]>>;
  /** Words left out as too common: the number of documents of the shard holding each. */
  common: Record<string, number>;
}

interface Shard {
  name: 'base' | 'delta';
  /** Row version: a shard stored again by anyone is read again. */
  rowid: number;
  /** `id@version` of each document, in the order of the shard's positions. */
  keys: string[];
  data: StoredShard | null;
}

export interface DocumentMatch {
  /** The document id. */
  ref: string;
  score: number;
  /** Where the query's words stand in the title: [start, length] pairs. */
  positions: { field: 'title'; start: number; length: number }[];
}

export interface RefreshReport {
  rebuilt: 'none' | 'delta' | 'base';
  entries: number;
  ms: number;
}

interface Entry {
  key: string;
  fields: Record<Field, string>;
}

/** FNV-1a of a string, in base 36: short, and enough to tell a title from the one before it. */
function titleMark(title: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Every document as `id@version.title`: the version is its first clause's seq, new at each
 * re-import; the title's mark is new when the user corrects the title (the rows carry corrections).
 */
function currentKeys(db: Database): Map<string, string> {
  const rows = db.prepare<[], { id: string; v: number | null; title: string }>('SELECT d.id, (SELECT min(seq) FROM clauses c WHERE c.doc_id = d.id) AS v, d.title FROM documents d').all();
  return new Map(rows.map((r) => [`${r.id}@${r.v ?? 0}.${titleMark(r.title)}`, r.id]));
}

function entriesFor(db: Database, keys: string[], ids: Map<string, string>): Entry[] {
  const doc = db.prepare<[string], { title: string }>('SELECT title FROM documents WHERE id = ?');
  const headings = db.prepare<[string], string>('SELECT heading FROM clauses WHERE doc_id = ? AND heading IS NOT NULL ORDER BY ord').pluck();
  const lead = db.prepare<[number, string], string | null>('SELECT substr(group_concat(text, char(10)), 1, ?) FROM (SELECT text FROM clauses WHERE doc_id = ? ORDER BY ord LIMIT 3)').pluck();
  return keys.flatMap((key): Entry[] => {
    const id = ids.get(key) ?? '';
    const d = doc.get(id);
    return d ? [{ key, fields: { title: d.title, heading: headings.all(id).join('\n'), text: lead.get(LEAD_CHARS, id) ?? '' } }] : [];
  });
}

/** A shard of the entries; `othersHolding` counts the documents outside it that hold a word. */
function buildShard(entries: Entry[], totalDocs: number, othersHolding: (word: string) => number): StoredShard {
  const lengths: number[] = [];
  const postings = new Map<string, [number[], number[], number[]]>();
  const titles = new Map<string, Record<string, number[]>>();
  entries.forEach((e, ref) => {
    FIELDS.forEach((field, i) => {
      const f = i as 0 | 1 | 2;
      const tokens = wordTokens(e.fields[field]);
      lengths.push(tokens.length);
      const tf = new Map<string, number>();
      for (const t of tokens) {
        tf.set(t.text, (tf.get(t.text) ?? 0) + 1);
        if (field === 'title') {
          const at = titles.get(t.text) ?? {};
          titles.set(t.text, at);
          const list: number[] | undefined = at[ref];
          if (list) list.push(t.start, t.length);
          else at[ref] = [t.start, t.length];
        }
      }
      for (const [word, n] of tf) {
        let p = postings.get(word);
        if (!p) postings.set(word, (p = [[], [], []]));
        p[f].push(ref, n);
      }
    });
  });
  const limit = commonLimit(totalDocs);
  const out: StoredShard = { v: FORMAT, lengths, postings: {}, titles: {}, common: {} };
  for (const [word, p] of postings) {
    const holding = new Set([...p[0], ...p[1], ...p[2]].filter((_, i) => i % 2 === 0)).size;
    if (holding + othersHolding(word) > limit) out.common[word] = holding;
    else {
      out.postings[word] = p;
      const at = titles.get(word);
      if (at) out.titles[word] = at;
    }
  }
  return out;
}

const commonLimit = (docs: number): number => Math.max(50, docs * COMMON_SHARE);

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

interface Loaded {
  s: Shard;
  data: StoredShard;
  /** Per position: the document is still in the library. */
  live: boolean[];
}

/** The shards as one index: live documents in all, and the average length of each field. */
interface Corpus {
  shards: Loaded[];
  docs: number;
  avg: [number, number, number];
}

export class DocumentIndex {
  private readonly db: Database;
  private shards: Shard[] = [];
  /** Keys of the library's documents when last looked at. */
  private live = new Set<string>();
  private corpus: Corpus | null = null;
  private readonly stored: Statement<[], { name: 'base' | 'delta'; rowid: number }>;
  private readonly keysOf: Statement<[number], string>;

  constructor(db: Database) {
    this.db = db;
    this.stored = db.prepare('SELECT name, rowid FROM lunr_shards');
    this.keysOf = db.prepare<[number], string>('SELECT doc_ids FROM lunr_shards WHERE rowid = ?').pluck();
  }

  /** Brings the stored shards in line with the library's documents, rebuilding as little as possible. */
  refresh(): RefreshReport {
    const t0 = performance.now();
    this.sync();
    const ids = currentKeys(this.db);
    this.live = new Set(ids.keys());
    this.corpus = null;
    const base = this.shards.find((s) => s.name === 'base');
    const delta = this.shards.find((s) => s.name === 'delta');
    const covered = new Set([...(base?.keys ?? []), ...(delta?.keys ?? [])]);
    const added = [...ids.keys()].filter((k) => !covered.has(k));
    const removedFromBase = base ? base.keys.filter((k) => !this.live.has(k)).length : 0;
    const deltaGone = delta ? delta.keys.some((k) => !this.live.has(k)) : false;
    if (added.length === 0 && !deltaGone && removedFromBase === 0) return { rebuilt: 'none', entries: base || delta ? covered.size : 0, ms: performance.now() - t0 };

    const deltaKeys = [...(delta?.keys ?? []), ...added].filter((k) => this.live.has(k));
    const baseSize = base?.keys.length ?? 0;
    const rebuildBase = !base || deltaKeys.length > Math.max(2000, baseSize * 0.2) || removedFromBase > baseSize * 0.1;
    const write = this.db.prepare('INSERT OR REPLACE INTO lunr_shards (name, doc_ids, entries, index_json) VALUES (?, ?, ?, ?)');
    if (rebuildBase) {
      const keys = [...ids.keys()].sort();
      const data = buildShard(entriesFor(this.db, keys, ids), keys.length, () => 0);
      this.db.transaction(() => {
        this.db.prepare("DELETE FROM lunr_shards WHERE name = 'delta'").run();
        write.run('base', JSON.stringify(keys), keys.length, JSON.stringify(data));
      })();
      this.sync();
      return { rebuilt: 'base', entries: keys.length, ms: performance.now() - t0 };
    }
    const baseData = this.parsed(base);
    const liveBase = base.keys.filter((k) => this.live.has(k)).length;
    const data = buildShard(entriesFor(this.db, deltaKeys, ids), liveBase + deltaKeys.length, (w) => baseData.common[w] ?? holding(base, baseData, w, this.live));
    write.run('delta', JSON.stringify(deltaKeys), deltaKeys.length, JSON.stringify(data));
    this.sync();
    return { rebuilt: 'delta', entries: deltaKeys.length, ms: performance.now() - t0 };
  }

  /**
   * Documents holding every word of the query, best first, with Lunr's BM25 over all live
   * documents; removed documents are skipped. Words found in most documents say nothing about any
   * of them and cost the most to score: they are left out.
   */
  match(text: string): DocumentMatch[] {
    const words = [...new Set(wordTokens(text).map((t) => t.text))];
    if (words.length === 0) return [];
    this.sync();
    const { shards, docs, avg } = this.loaded();

    // A word absent from every shard, or too common, cannot tell documents apart (and as a
    // required word it would exclude them all): it is left out of the query.
    const kept = words.filter((w) => {
      const n = shards.reduce((sum, x) => sum + (x.data.common[w] ?? holding(x.s, x.data, w, this.live)), 0);
      return n > 0 && n <= commonLimit(docs);
    });
    if (kept.length === 0) return [];
    // Lunr counts a document once per field that holds the word.
    const idf = kept.map((w) => {
      const withWord = shards.reduce((n, x) => n + (x.data.postings[w]?.reduce((m, list) => m + countLive(list, x.live), 0) ?? 0), 0);
      return Math.log(1 + Math.abs((docs - withWord + 0.5) / (withWord + 0.5)));
    });
    const out: DocumentMatch[] = [];
    for (const { s, data, live } of shards) {
      const score = new Map<number, number>();
      /** How many of the words a document holds (and the last one counted). */
      const held = new Map<number, [count: number, last: number]>();
      kept.forEach((w, wi) => {
        data.postings[w]?.forEach((list, f) => {
          const boost = BOOST[FIELDS[f] ?? 'text'];
          for (let i = 0; i < list.length; i += 2) {
            const ref = list[i] ?? 0;
            const tf = list[i + 1] ?? 0;
            if (!live[ref]) continue;
            const norm = K1 * (1 - B + (B * (data.lengths[ref * 3 + f] ?? 0)) / (avg[f] || 1)) + tf;
            score.set(ref, (score.get(ref) ?? 0) + round3(((idf[wi] ?? 0) * (K1 + 1) * tf * boost) / norm));
            const h = held.get(ref);
            if (!h) held.set(ref, [1, wi]);
            else if (h[1] !== wi) held.set(ref, [h[0] + 1, wi]);
          }
        });
      });
      for (const [ref, [count]] of held) {
        if (count !== kept.length) continue;
        const key = s.keys[ref] ?? '';
        const positions = kept.flatMap((w) => pairs(data.titles[w]?.[ref] ?? []));
        out.push({ ref: key.slice(0, key.lastIndexOf('@')), score: (score.get(ref) ?? 0) / Math.sqrt(kept.length), positions });
      }
    }
    return out.sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  /**
   * Reads which shards are stored; a shard whose row changed is parsed again when next needed, and
   * the library's documents are read again (whoever stores a shard has changed them).
   */
  private sync(): void {
    const rows = this.stored.all();
    const changed = rows.length !== this.shards.length || rows.some((r) => !this.shards.some((s) => s.name === r.name && s.rowid === r.rowid));
    if (!changed && this.live.size > 0) return;
    this.shards = rows.map((r) => {
      const known = this.shards.find((s) => s.name === r.name && s.rowid === r.rowid);
      return known ?? { name: r.name, rowid: r.rowid, keys: JSON.parse(this.keysOf.get(r.rowid) ?? '[]') as string[], data: null };
    });
    // A shard from before this format (Lunr's own) is no shard: the next refresh builds it anew.
    this.shards = this.shards.filter((s) => s.keys.every((k) => k.includes('@')));
    this.live = new Set(currentKeys(this.db).keys());
    this.corpus = null;
  }

  private loaded(): Corpus {
    if (this.corpus) return this.corpus;
    const shards = this.shards.map((s): Loaded => ({ s, data: this.parsed(s), live: s.keys.map((k) => this.live.has(k)) }));
    const docs = shards.reduce((n, x) => n + x.live.filter(Boolean).length, 0);
    const avg: [number, number, number] = [0, 0, 0];
    for (const { data, live } of shards) {
      live.forEach((l, ref) => {
        if (l) for (let f = 0; f < 3; f++) avg[f as 0 | 1 | 2] += data.lengths[ref * 3 + f] ?? 0;
      });
    }
    for (let f = 0; f < 3; f++) avg[f as 0 | 1 | 2] /= Math.max(1, docs);
    this.corpus = { shards, docs, avg };
    return this.corpus;
  }

  private parsed(s: Shard): StoredShard {
    if (!s.data) {
      const json = this.db.prepare<[number], string>('SELECT index_json FROM lunr_shards WHERE rowid = ?').pluck().get(s.rowid) ?? '{}';
      const data = JSON.parse(json) as Partial<StoredShard>;
      s.data = data.v === FORMAT ? (data as StoredShard) : { v: FORMAT, lengths: [], postings: {}, titles: {}, common: {} };
    }
    return s.data;
  }
}

function countLive(list: number[], live: boolean[]): number {
  let n = 0;
  for (let i = 0; i < list.length; i += 2) if (live[list[i] ?? -1]) n++;
  return n;
}

/** Live documents of a shard holding a word, in any field. */
function holding(s: Shard, data: StoredShard, word: string, live: Set<string>): number {
  const p = data.postings[word];
  if (!p) return 0;
  const refs = new Set<number>();
  for (const list of p) for (let i = 0; i < list.length; i += 2) refs.add(list[i] ?? -1);
  return [...refs].filter((r) => live.has(s.keys[r] ?? '')).length;
}

function pairs(flat: number[]): DocumentMatch['positions'] {
  const out: DocumentMatch['positions'] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ field: 'title', start: flat[i] ?? 0, length: flat[i + 1] ?? 0 });
  return out;
}
