// Responsible units: the parenthesis that closes a measure or task and names who carries it out,
// e.g. （市地方金融监管局、发展改革委牵头，市财政局配合，人民银行广州分行支持）. Read on the folded
// text (牽頭 is 牵头, 辦 is 办), the names kept as printed.

import { fold } from '../../../shared/fold.ts';
import type { ResponsibleUnit, UnitRole } from '../../../shared/types.ts';
import { mentionsIn } from './places.ts';

const ROLE_WORDS: [RegExp, UnitRole][] = [
  [/(?:牵头|主责)$/, 'lead'],
  [/负责$/, 'responsible'],
  [/(?:配合|协助|参与)$/, 'cooperate'],
  // 支援: Taiwan's word for 支持.
  [/(?:支持|支援)$/, 'support'],
];

/** What an organisation's name ends with, in the units lists of these texts. */
const ORG_END = /(?:局|委|办|厅|府|院|会|行|所|部|署|组|处|站|区|县|市|校|中心|大学|交易所|单位|政府|机构|公司|集团|管委会|委员会|办公室|分行|支行|海关|税务局|监管局|证监局|银保监局|成员单位|各区|各市|各县)$/;

export interface UnitsMatch {
  units: ResponsibleUnit[];
  /** The parenthesis as printed, including its brackets. */
  printed: string;
}

/** The last balanced parenthesis at the very end of the text, with what it encloses. */
function trailingParenthesis(text: string): { inner: string; start: number } | null {
  const t = text.trimEnd().replace(/[。.；;]$/, '');
  const last = t.at(-1);
  if (last !== '）' && last !== ')') return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === '）' || c === ')') depth++;
    else if (c === '（' || c === '(') {
      depth--;
      if (depth === 0) return { inner: t.slice(i + 1, -1), start: i };
    }
  }
  return null;
}

/** A piece of the text as printed, with its folded twin of the same length for recognition. */
interface Span {
  text: string;
  key: string;
}

const sliceOf = (s: Span, from: number, to?: number): Span => ({ text: s.text.slice(from, to), key: s.key.slice(from, to) });

function trimmed(s: Span): Span {
  const start = s.key.length - s.key.trimStart().length;
  return sliceOf(s, start, s.key.trimEnd().length);
}

/** Splits at each match of the separator in the folded text. */
function splitSpan(s: Span, separator: RegExp): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of s.key.matchAll(separator)) {
    out.push(sliceOf(s, at, m.index));
    at = m.index + m[0].length;
  }
  out.push(sliceOf(s, at));
  return out;
}

/**
 * 广州、深圳、珠海市人民政府 names three governments: the bare places share the last name's
 * suffix. Returns null when a name is no organisation at all.
 */
function expandElliptical(names: Span[]): Span[] | null {
  const last = names[names.length - 1];
  if (!last || !ORG_END.test(last.key) || last.key.length > 40) return null;
  const out: Span[] = [];
  for (let i = 0; i < names.length - 1; i++) {
    const n = names[i];
    if (!n) continue;
    const shared = sharedGovernment(n, last);
    if (shared) {
      out.push(shared);
      continue;
    }
    if (ORG_END.test(n.key) && n.key.length <= 40) {
      out.push(n);
      continue;
    }
    // A bare place of 2–4 characters: give it the suffix that follows the last place.
    const place = names[names.length - 2] ?? n;
    if (n.key.length > 4 || place.key.length > 4 || ORG_END.test(place.key)) return null;
    const suffix = sliceOf(last, place.key.length);
    out.push({ text: n.text + suffix.text, key: n.key + suffix.key });
  }
  out.push(last);
  return out;
}

/** 越秀区政府 as the last name of the list makes 越秀区 alone 越秀区政府 too. */
const PLACE_ALONE = /^[\u4e00-\u9fff]{1,4}[区县市]$/u;
const PLACE_GOVERNMENT = /^[\u4e00-\u9fff]{1,4}([区县市])(?:人民政府|政府|管委会)$/u;

function sharedGovernment(n: Span, last: Span): Span | null {
  const gov = PLACE_GOVERNMENT.exec(last.key);
  if (!gov || !PLACE_ALONE.test(n.key) || n.key.at(-1) !== gov[1]) return null;
  const suffix = sliceOf(last, last.key.indexOf(gov[1] ?? '') + 1);
  return { text: n.text + suffix.text, key: n.key + suffix.key };
}

/** The level a department's name opens with (省商务厅, 市财政局). */
const LEVEL_PREFIX = /^[省市区县]/u;
/** Names that need no level: they carry their own (各区, 国家…, 人民银行…, 海关总署…). */
const OWN_LEVEL = /^(?:各|国家|中国|中央|全国|人民银行|海关|共青团)/u;
const DEPARTMENT = /(?:厅|局|委|办|委员会|办公室)$/u;

/**
 * 省人力资源社会保障厅、住房城乡建设厅、商务厅 are three of the province's departments: a
 * department named without a level takes the level of the name before it in the list, unless it
 * opens with a place (广东海事局) or names a body that has its own level.
 */
function sharedLevel(names: Span[]): Span[] {
  let level: Span | null = null;
  return names.map((n) => {
    if (LEVEL_PREFIX.test(n.key)) {
      level = sliceOf(n, 0, 1);
      return n;
    }
    if (!level || OWN_LEVEL.test(n.key) || !DEPARTMENT.test(n.key) || mentionsIn(n.key)[0]?.index === 0) {
      level = null;
      return n;
    }
    return { text: level.text + n.text, key: level.key + n.key };
  });
}

/** Parses the responsible units at the end of a clause; null when the clause ends with none. */
export function parseUnits(text: string): UnitsMatch | null {
  const paren = trailingParenthesis(text);
  if (!paren) return null;
  const inner = trimmed({ text: paren.inner, key: fold(paren.inner) });
  if (inner.key.length < 2 || inner.key.length > 300 || /[。；]/.test(inner.key)) return null;
  const units: ResponsibleUnit[] = [];
  // Groups are separated by commas; each may end with its role.
  for (const rawGroup of splitSpan(inner, /[，,]/g)) {
    let group = trimmed(rawGroup);
    if (!group.key) continue;
    let role: UnitRole = 'responsible';
    for (const [re, r] of ROLE_WORDS) {
      const m = re.exec(group.key);
      if (m) {
        role = r;
        group = sliceOf(group, 0, m.index);
        break;
      }
    }
    for (const part of splitSpan(group, /以及|及/g)) {
      const names = expandElliptical(splitSpan(part, /、/g).map(trimmed).filter((n) => n.key.length > 0));
      if (!names) return null;
      for (const name of sharedLevel(names)) units.push({ name: name.text, role });
    }
  }
  if (units.length === 0) return null;
  return { units, printed: text.trimEnd().replace(/[。.；;]$/, '').slice(paren.start) };
}
