// Citations in a clause's text: titles in 《》 and document numbers (国办发〔2015〕46号, with any of
// the brackets printed for 〔〕), and the documents of the library they name. Both are compared
// folded (Traditional and Simplified alike, full-width and half-width alike).

import { fold } from '../../../shared/fold.ts';
import type { TextSpan } from '../../../shared/api.ts';

export interface Citation {
  kind: 'title' | 'number';
  text: string;
  at: TextSpan;
  /** What it is looked up by. */
  key: string;
}

const TITLE = /《([^《》\n]{2,120})》/g;
const NUMBER = /[\u4e00-\u9fa5]{1,10}[〔﹝［[【(（]\s*(?:19|20)\d{2}\s*[〕﹞］\]】)）]\s*第?\s*\d{1,5}\s*号/g;
/** What a sentence puts before a document number, not part of its issuer's abbreviation: 根据国办发… */
const LEAD = /^(?:根据|依据|按照|参照|落实|贯彻|执行|印发|转发|通过|经|据|按|依|见|及|和|与|或|并)+/;

/** A title as compared: folded, without spaces, brackets and dashes in one form each. */
export function titleKey(title: string): string {
  return fold(title)
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[—–－~～―]+/g, '-')
    .replace(/[“”"「」『』]/g, '"');
}

/** A document number as compared: 粤府函〔2019〕31号 whatever its brackets and spaces. */
export function numberKey(number: string): string {
  return fold(number)
    .replace(/\s+/g, '')
    .replace(/^.*?([\u4e00-\u9fa5]{1,10})[〔﹝［[【(（](\d{4})[〕﹞］\]】)）]第?0*(\d+)号$/, '$1〔$2〕$3号');
}

/** The citations of a clause's text, in order. Offsets are those of the text as displayed. */
export function citationsIn(text: string): Citation[] {
  const folded = fold(text);
  const out: Citation[] = [];
  for (const m of folded.matchAll(TITLE)) {
    const inner = m[1] ?? '';
    out.push({ kind: 'title', text: text.slice(m.index, m.index + m[0].length), at: [m.index, m.index + m[0].length], key: titleKey(inner) });
  }
  // Every document number ends in 号: most clauses need not be searched for one.
  for (const m of folded.includes('号') ? folded.matchAll(NUMBER) : []) {
    const lead = LEAD.exec(m[0])?.[0].length ?? 0;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    out.push({ kind: 'number', text: text.slice(start, end), at: [start, end], key: numberKey(m[0].slice(lead)) });
  }
  return out.sort((a, b) => a.at[0] - b.at[0]);
}

/**
 * The short titles a text defines for the titles it cites: 《粤港澳大湾区发展规划纲要》（以下简称
 * 《规划纲要》）, …（简称“纲要”）: short key → full key, folded as citations are.
 */
export function shortTitlesIn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of fold(text).matchAll(SHORT_FORM)) {
    const full = titleKey(m[1] ?? '');
    const short = titleKey(m[2] ?? '');
    if (short && short !== full) out.set(short, full);
  }
  return out;
}

const SHORT_FORM = /《([^《》\n]{2,120})》\s*[（(]\s*(?:以下)?(?:简称|称)\s*[《“"「『]?([^《》“”"「」『』（）()\n]{2,30}?)[》”"」』]?\s*[）)]/g;

/**
 * The keys a document's citations are looked up by, in their order: a short title the document
 * defined (shortTitlesIn) stands for its full title, and so does one that ends a title the same
 * document cites in full (《规划纲要》 after 《粤港澳大湾区发展规划纲要》), when only one does.
 */
export function expandShortTitles(citations: readonly Pick<Citation, 'kind' | 'key'>[], defined: ReadonlyMap<string, string>): string[] {
  const full = [...new Set(citations.filter((c) => c.kind === 'title').map((c) => c.key))];
  return citations.map((c) => {
    if (c.kind !== 'title') return c.key;
    const named = defined.get(c.key);
    if (named) return named;
    const longer = full.filter((k) => k.length > c.key.length && k.endsWith(c.key));
    return longer.length === 1 ? (longer[0] ?? c.key) : c.key;
  });
}

export interface CitableDocument {
  id: string;
  title: string;
  docNumber: string | null;
}

/**
 * The names a document is cited by: its title (without an attachment's 附件1), the document a
 * notice prints (…关于印发X的通知 is cited as 《X》), its document number. A citation that leaves
 * out the issuer (《关于推进…的实施意见》 for 广州市关于推进…的实施意见) is matched in resolve().
 */
export function namesOf(doc: CitableDocument): string[] {
  const title = titleKey(doc.title.replace(/^附件\s*\d+\s*[.．、:：]?\s*/, ''));
  const names = [title];
  const printed = /印发(.+?)的通知$/.exec(title);
  if (printed?.[1]) names.push(printed[1].replace(/^《(.*)》$/, '$1'));
  return names;
}

/** What a title may begin with that its citations leave out: the state, or places (广东省广州市). */
const PLACE_PREFIX = /^(?:中华人民共和国|(?:[\u4e00-\u9fa5]{1,10}?(?:省|市|自治区|特别行政区|自治州|自治县|县|区))+)$/;

/** The least length of a short title looked up among the library's titles by its ending. */
const MIN_SHORT_TITLE = 4;

export class CitationResolver {
  private readonly byName = new Map<string, string>();
  private readonly byNumber = new Map<string, string>();
  /** [title key, doc id] of every title, for citations that leave the issuer out. */
  private readonly titles: [string, string][] = [];

  constructor(docs: readonly CitableDocument[]) {
    for (const d of docs) {
      for (const n of namesOf(d)) if (!this.byName.has(n)) this.byName.set(n, d.id);
      if (d.docNumber) this.byNumber.set(numberKey(d.docNumber), d.id);
      this.titles.push([namesOf(d)[0] ?? '', d.id]);
    }
  }

  /** The document a citation names, or null. */
  resolve(c: Pick<Citation, 'kind' | 'key'>): string | null {
    if (c.kind === 'number') return this.byNumber.get(c.key) ?? null;
    const exact = this.byName.get(c.key);
    if (exact) return exact;
    // 《关于…》 for a title that begins with its issuer (广州市关于…), or a title cited without the
    // state or place it begins with (《治安管理处罚法》 for 中华人民共和国治安管理处罚法), ending one
    // title of the library and no other, of four characters at least: shorter ones are mostly a
    // kind of document (《条例》, 《通知》). What is left out must be only that name: 《仲裁条例》
    // does not name 浙江省劳动人事争议调解仲裁条例, nor 《规划纲要》 every plan's outline (a document
    // that means one says so: shortTitlesIn, expandShortTitles).
    const issuerLeft = c.key.startsWith('关于');
    if (!issuerLeft && c.key.length < MIN_SHORT_TITLE) return null;
    const hits = new Set(
      this.titles
        .filter(([t]) => t.length > c.key.length && t.endsWith(c.key))
        .filter(([t]) => (issuerLeft ? t.length - c.key.length <= 30 : PLACE_PREFIX.test(t.slice(0, t.length - c.key.length))))
        .map(([, id]) => id),
    );
    return hits.size === 1 ? ([...hits][0] ?? null) : null;
  }
}
