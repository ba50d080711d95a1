// What a document says about itself: issuer, jurisdiction and level, date, document number, kind,
// (validity: validity.ts). Read from the title, the lines under it, the signature and the front matter.

import type { DocKind, Jurisdiction, Level } from '../../../shared/types.ts';
import { fold } from '../../../shared/fold.ts';
import { isoDate } from './dates.ts';
import { issuerPlace, mentionsIn, placesIn, zoneIn, type Place } from './places.ts';

export { isoDate };

/** Bodies whose texts are national (matched on the folded name). */
const NATIONAL = /^(?:中共中央|中央|国务院|全国人民代表大会|全国人大|最高人民法院|最高人民检察院|中华人民共和国|国家|商务部|财政部|[^省市区县]{1,12}部(?:等|$|、|关于)|[^省市]{2,10}总局|人民银行|中国人民银行|海关总署|银保监会|证监会|国家发展改革委)/;
const NATIONWIDE: Jurisdiction = { name: '全国', level: 'national' };
const MACAU_SAR: Jurisdiction = { name: '澳门特别行政区', level: 'sar' };

const plain = (p: Place): Jurisdiction => ({ name: p.name, level: p.level });

function unique(list: Jurisdiction[]): Jurisdiction[] {
  return list.filter((j, i) => list.findIndex((k) => k.name === j.name) === i);
}

/** The most specific places of a title: a zone beats its city, a city its province. */
function mostSpecific(places: Place[]): Jurisdiction[] {
  const rank: Record<Level, number> = { district: 0, city: 1, sar: 1, province: 2, national: 3 };
  const best = Math.min(...places.map((p) => rank[p.level]));
  return places.filter((p) => rank[p.level] === best).map(plain);
}

/**
 * The SAR or zone a text is about when no issuer or title names a place (a Macau law's title is its
 * number): the one its opening names most, three times at least and more than all other places
 * together. A mainland text names its place in its issuer or title; its body names streets and
 * partners (中山路, 香港企业), which say nothing of whose text it is.
 */
function specialPlaceOfBody(body: string): Jurisdiction | null {
  const mentions = mentionsIn(body.slice(0, 5000));
  const n = new Map<string, number>();
  for (const m of mentions) if (m.level === 'sar' || m.level === 'district') n.set(m.name, (n.get(m.name) ?? 0) + 1);
  const [name, times] = [...n].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const place = mentions.find((m) => m.name === name);
  return place && times >= 3 && times * 2 > mentions.length ? plain(place) : null;
}

/** The stamp the Hong Kong Government prints under every press release: 香港時間16時00分. */
const HK_PRESS_STAMP = /香港时间\s*\d{1,2}\s*时\s*\d{1,2}\s*分/;

/**
 * The jurisdictions of a document, the primary first. A zone the title (or the issuer) names leads,
 * with its city, province and SAR after it; a Hong Kong press release is Hong Kong's; else the
 * issuer's place; else the places of the title; else a SAR or zone the body keeps naming (a Macau
 * law names no place in its title); else 全国. The places a national text's title names, and the
 * SARs any title names, follow the primary: a national law about Hong Kong is Hong Kong's too.
 */
export function jurisdictionsOf(issuer: string | null, title: string, body = '', docNumber: string | null = null): Jurisdiction[] {
  const bare = fold(title.replace(/^附件\s*\d+\s*/, ''));
  const foldedIssuer = issuer ? fold(issuer) : '';
  const fromIssuer = placesIn(foldedIssuer);
  const fromTitle = placesIn(bare);
  const sars = fromTitle.filter((p) => p.level === 'sar').map(plain);
  const national = issuer !== null && NATIONAL.test(foldedIssuer) && fromIssuer.length === 0;
  const primary = ((): Jurisdiction[] => {
    const zone = zoneIn(bare) ?? zoneIn(foldedIssuer);
    if (zone) return [...zone, ...(national ? [NATIONWIDE] : fromIssuer.slice(0, 1).map(plain))];
    // A Hong Kong Government press release is Hong Kong's, whatever city its title names.
    if (HK_PRESS_STAMP.test(fold(body.slice(-200)))) return [{ name: '香港特别行政区', level: 'sar' }, ...fromTitle.map(plain)];
    // A national text about a place (国务院 on a Beijing zone, 往来台湾地区) is national, and the place's.
    if (national) return [NATIONWIDE, ...fromTitle.map(plain)];
    const own = fromIssuer[0] ?? (issuer ? issuerPlace(issuer) : null);
    if (own) return [{ name: own.name, level: own.level }];
    if (NATIONAL.test(bare) && (fromTitle.length === 0 || /^(?:中华人民共和国|国务院|中共中央)/.test(bare))) return [NATIONWIDE, ...fromTitle.map(plain)];
    if (fromTitle.length > 0) return mostSpecific(fromTitle);
    const place = specialPlaceOfBody(body);
    if (place) return zoneIn(place.name) ?? [place];
    // Only Macau numbers its texts by number and year (第90/2023號行政命令).
    return docNumber && MACAU_NUMBER.test(fold(docNumber)) ? [MACAU_SAR] : [NATIONWIDE];
  })();
  return unique([...primary, ...sars]);
}

/** 粤府函〔2019〕31号, with any of the brackets printed for 〔〕 (﹝﹞ ［］ [] 【】 （）). */
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,10}[〔﹝［[【(]\s*(?:19|20)\d{2}\s*[〕﹞］\]】)]\s*第?\s*\d{1,4}\s*号)/;
const SERIAL = '[0-9一二三四五六七八九十百零〇○]{1,8}';
/** Joint issuers, a space or 、 between them: 财政部 税务总局公告2019年第39号, 食品药品监管局、海关总署第4号令. */
const ISSUERS = '(?:[\\u4e00-\\u9fa5]{2,20}[ 、]){0,2}[\\u4e00-\\u9fa5]{2,20}';
/**
 * A decree's or an announcement's number: 中华人民共和国国务院令第708号 (its 第708号 may stand on the
 * line below), 主席令第三十一号, 商务部令2019年第1号, 国家税务总局公告2019年第5号, 国家发展改革委第16号令.
 */
const DECREE_NUMBER = new RegExp(
  `(${ISSUERS}(?:令|公告|通告)\\s*(?:\\([^()]{1,8}\\))?\\s*(?:(?:19|20)\\d{2}\\s*年\\s*)?第\\s*${SERIAL}\\s*号` +
    `|${ISSUERS}第\\s*${SERIAL}\\s*号令)`,
);
/** The second line of a decree's header, 第493号 or 2019年第5号, alone. */
const SERIAL_ALONE = new RegExp(`^(?:(?:19|20)\\d{2}年)?第${SERIAL}号$`);
/** The Macau form, number/year: 第19/2024号法律, 第 128/2015 号行政长官公告. */
const MACAU_NUMBER = /(第\s*\d{1,4}\s*\/\s*(?:19|20)\d{2}\s*号\s*(?:法律|行政法规|行政长官批示|行政长官公告|行政命令|法令|批示|公告|通告|决议|命令)?)/;

/**
 * The first document number in the text, as printed but with its brackets as 〔〕 and no spaces.
 * Matched on the folded text (號 reads as 号), cut from the text as written.
 */
export function docNumberIn(text: string): string | null {
  // A date's 日 must not begin the name before a number: 2001年12月11日国务院令第334号.
  const folded = fold(text).replace(/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g, (d) => ' '.repeat(d.length));
  const m = DOC_NUMBER.exec(folded) ?? MACAU_NUMBER.exec(folded) ?? DECREE_NUMBER.exec(folded);
  if (!m?.[1]) return null;
  return text
    .slice(m.index, m.index + m[1].length)
    .replace(/\s/g, '')
    .replace(/[〔﹝［[【(（](\d{4})[〕﹞］\]】)）]/, '〔$1〕');
}

/** A line that is the serial of a decree or an announcement alone (第493号, 2019年第5号). */
export function isSerialLine(text: string): boolean {
  return SERIAL_ALONE.test(fold(text.replace(/\s/g, '')));
}

/**
 * Who issued a decree or an announcement, from its number: 中华人民共和国国务院令第493号 →
 * 中华人民共和国国务院, 国家税务总局公告2019年第5号 → 国家税务总局; null for other numbers (粤府函…
 * names its issuer by an abbreviation only).
 */
export function issuerOfNumber(docNumber: string | null): string | null {
  if (!docNumber) return null;
  const m = /^(.{2,40}?)(?:令|公告|通告)(?:\(|\d|第)/.exec(fold(docNumber));
  return m?.[1] ? docNumber.slice(0, m[1].length) : null;
}

/** A title that is a Macau number alone (第26/2024號法律) is completed by its name on the next line. */
export function isNumberTitle(title: string): boolean {
  const folded = fold(title.replace(/\s/g, ''));
  const m = MACAU_NUMBER.exec(folded);
  return m !== null && m.index === 0 && m[0].length === folded.length;
}

/** 广东省人民政府关于印发…的通知（粤府函〔2019〕31号） → the title without its number, and the number. */
export function cleanTitle(raw: string): { title: string; docNumber: string | null } {
  let title = raw.replace(/\s+/g, ' ').trim();
  let docNumber: string | null = null;
  const m = /[（(]([^（()）]*(?:[〔﹝［[]\d{4}[〕﹞］\]]|令|公告|通告)[^（()）]*[号號]令?)[）)]$/.exec(title);
  const inTitle = m ? docNumberIn(m[1] ?? '') : null;
  if (m && inTitle) {
    docNumber = inTitle;
    title = title.slice(0, m.index).trim();
  }
  // A Macau title opens with its number: 第26/2024號法律《…》.
  const macau = MACAU_NUMBER.exec(fold(title));
  if (macau?.index === 0 && macau[1]) docNumber ??= title.slice(0, macau[1].length).replace(/\s/g, '');
  // PDF conversion leaves spaces between Chinese characters of a title.
  title = title.replace(/(?<=[\u4e00-\u9fff）》])\s+(?=[\u4e00-\u9fff（《])/g, '');
  return { title, docNumber };
}

const ISSUER_PREFIX = /^([^《》]{2,40}?(?:人民政府办公厅|人民政府|办公厅|办公室|委员会|等\d{1,3}部门|部|局|厅|委|院|署|会))(?:关于|印发)/;

/** 广东省人民政府关于… → 广东省人民政府, read on the folded title and cut from the title as written. */
export function issuerFromTitle(title: string): string | null {
  const bare = title.replace(/^附件\s*\d+\s*/, '');
  const m = ISSUER_PREFIX.exec(fold(bare));
  return m?.[1] ? bare.slice(0, m[1].length) : null;
}

/** Titles of binding texts end with the name of their kind (read folded: 條例 is 条例). */
const POLICY_END = /(?:意见|措施|方案|办法|规定|规则|细则|纲要|规划|计划|条例|决定|指引|指南|法|法律|法令|行政法规|行政命令|批示|协议|解释|安排|守则|章程|修正案)$/;

/** What the text is, from its title, its page and its numbering; never from the script it is written in. */
export function kindOf(title: string, isNewsPage: boolean, labelledCount: number): DocKind {
  const t = fold(title);
  if (/(?:通知|通告|公告|函)$/.test(t)) return 'notice';
  if (isNewsPage) return 'news';
  if (labelledCount === 0 && !POLICY_END.test(t)) return 'news';
  return 'policy';
}
