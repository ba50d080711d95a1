// What a document says about itself: issuer, jurisdiction and level, date, document number, kind,
// validity. Read from the title, the lines under it, the signature and the front matter.

import type { DocKind, Jurisdiction, Level } from '../../../shared/types.ts';
import { parseNumeral } from '../../../shared/numerals.ts';

const GD_CITIES = ['广州', '深圳', '珠海', '汕头', '佛山', '韶关', '河源', '梅州', '惠州', '汕尾', '东莞', '中山', '江门', '阳江', '湛江', '茂名', '肇庆', '清远', '潮州', '揭阳', '云浮'];
const OTHER_CITIES = ['南京', '杭州', '宁波', '厦门', '青岛', '成都', '武汉', '西安', '济南', '郑州', '长沙', '苏州', '无锡', '大连', '沈阳', '哈尔滨', '长春', '福州', '南宁', '海口', '三亚', '昆明', '贵阳', '合肥', '南昌', '石家庄', '太原', '兰州', '银川', '西宁', '拉萨', '乌鲁木齐', '呼和浩特'];
const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
const PROVINCES = ['广东', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆'];
const SARS: [RegExp, string][] = [
  [/香港|香港特别行政区|香港特區/, '香港'],
  [/澳门|澳門/, '澳门'],
];
/** Bodies whose texts are national. */
const NATIONAL = /^(?:中共中央|中央|国务院|國務院|全国人民代表大会|全国人大|最高人民法院|最高人民检察院|中华人民共和国|中華人民共和國|国家|商务部|财政部|[^省市区县]{1,12}部(?:等|$|、|关于)|[^省市]{2,10}总局|人民银行|中国人民银行|海关总署|银保监会|证监会|国家发展改革委)/;

interface Place {
  name: string;
  level: Level;
  index: number;
}

function placesIn(text: string): Place[] {
  const found: Place[] = [];
  const add = (name: string, level: Level, index: number): void => {
    if (index >= 0 && !found.some((p) => p.name === name)) found.push({ name, level, index });
  };
  for (const [re, name] of SARS) {
    const m = re.exec(text);
    if (m) add(name, 'sar', m.index);
  }
  for (const c of [...GD_CITIES, ...OTHER_CITIES]) {
    // 广州市, 广州 or 穗-less mentions; not inside a longer name like 广州期货交易所 at the very start of a place.
    const i = text.indexOf(c);
    if (i >= 0) add(`${c}市`, 'city', i);
  }
  for (const c of MUNICIPALITIES) add(`${c}市`, 'province', text.indexOf(c));
  for (const p of PROVINCES) add(['内蒙古', '广西', '西藏', '宁夏', '新疆'].includes(p) ? p : `${p}省`, 'province', text.indexOf(p));
  // A city inside its own province's name (广东省广州市) is the city; keep order of appearance.
  return found.sort((a, b) => a.index - b.index);
}

/** The jurisdictions of a document: its issuer's place, or the places its title names. */
export function jurisdictionsOf(issuer: string | null, title: string): Jurisdiction[] {
  const fromIssuer = issuer ? placesIn(issuer) : [];
  if (issuer && NATIONAL.test(issuer) && fromIssuer.length === 0) return [{ name: '全国', level: 'national' }];
  const primary = fromIssuer[0];
  if (primary) return [{ name: primary.name, level: primary.level }];
  const fromTitle = placesIn(title.replace(/^附件\s*\d+\s*/, ''));
  if (NATIONAL.test(title) && (fromTitle.length === 0 || /^(?:中华人民共和国|国务院|中共中央)/.test(title))) return [{ name: '全国', level: 'national' }];
  if (fromTitle.length > 0) {
    // The most specific places the title names: a city beats its province.
    const rank: Record<Level, number> = { district: 0, city: 1, sar: 1, province: 2, national: 3 };
    const best = Math.min(...fromTitle.map((p) => rank[p.level]));
    return fromTitle.filter((p) => rank[p.level] === best).map((p) => ({ name: p.name, level: p.level }));
  }
  return [{ name: '全国', level: 'national' }];
}

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,10}[〔［[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*第?\s*\d{1,4}\s*号)/;

export function docNumberIn(text: string): string | null {
  const m = DOC_NUMBER.exec(text);
  return m?.[1]?.replace(/\s/g, '').replace(/[［[【(（](\d{4})[］\]】)）]/, '〔$1〕') ?? null;
}

/** 广东省人民政府关于印发…的通知（粤府函〔2019〕31号） → the title without its number, and the number. */
export function cleanTitle(raw: string): { title: string; docNumber: string | null } {
  let title = raw.replace(/\s+/g, ' ').trim();
  let docNumber: string | null = null;
  const m = /[（(]([^（()）]*〔\d{4}〕[^（()）]*号)[）)]$/.exec(title);
  if (m) {
    docNumber = docNumberIn(m[1] ?? '');
    title = title.slice(0, m.index).trim();
  }
  // PDF conversion leaves spaces between Chinese characters of a title.
  title = title.replace(/(?<=[\u4e00-\u9fff）》])\s+(?=[\u4e00-\u9fff（《])/g, '');
  return { title, docNumber };
}

const ISSUER_PREFIX = /^(.{2,40}?(?:人民政府办公厅|人民政府|办公厅|办公室|委员会|等\d{1,3}部门|部|局|厅|委|院|署|会))(?:关于|印发)/;

export function issuerFromTitle(title: string): string | null {
  const m = ISSUER_PREFIX.exec(title.replace(/^附件\s*\d+\s*/, ''));
  return m?.[1] ?? null;
}

export function isoDate(text: string): string | null {
  const s = text.replace(/\s/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const ymd = /((?:19|20)\d{2})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?/.exec(s);
  if (ymd) return `${ymd[1] ?? ''}-${(ymd[2] ?? '').padStart(2, '0')}-${(ymd[3] ?? '').padStart(2, '0')}`;
  const cn = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(s);
  if (cn) {
    const year = (cn[1] ?? '').replace(/[〇零一二三四五六七八九]/g, (c) => String(parseNumeral(c) ?? 0));
    const month = String(parseNumeral(cn[2] ?? '') ?? 0).padStart(2, '0');
    const day = String(parseNumeral(cn[3] ?? '') ?? 0).padStart(2, '0');
    return `${year}-${month}-${day}`;
  }
  return null;
}

/** 有效期至2021年12月31日 / 有效期3年 (counted from the document's date). */
export function validityOf(text: string, date: string | null): string | null {
  const until = /有效期(?:至|到|截至)\s*([0-9０-９〇零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)/.exec(text);
  if (until) return isoDate(until[1] ?? '');
  const years = /有效期(?:为)?\s*([0-9０-９一二三四五六七八九十]{1,2})\s*年/.exec(text);
  if (years && date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const n = parseNumeral(years[1] ?? '') ?? 0;
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + n);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  return null;
}

export function kindOf(title: string, isNewsPage: boolean, labelledCount: number): DocKind {
  if (/(?:通知|通告|公告|函)$/.test(title)) return 'notice';
  if (isNewsPage) return 'news';
  if (labelledCount === 0 && !/(?:意见|措施|方案|办法|规定|规则|细则|纲要|规划|计划|条例|决定|指引|指南|法|协议)$/.test(title)) return 'news';
  return 'policy';
}
