// Responsible units: the parenthesis that closes a measure or task and names who carries it out,
// e.g. （市地方金融监管局、发展改革委牵头，市财政局配合，人民银行广州分行支持）.

import type { ResponsibleUnit, UnitRole } from '../../../shared/types.ts';

const ROLE_WORDS: [RegExp, UnitRole][] = [
  [/(?:牵头|主责)$/, 'lead'],
  [/负责$/, 'responsible'],
  [/(?:配合|协助|参与)$/, 'cooperate'],
  [/支持$/, 'support'],
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

/**
 * 广州、深圳、珠海市人民政府 names three governments: the bare places share the last name's
 * suffix. Returns null when a name is no organisation at all.
 */
function expandElliptical(names: string[]): string[] | null {
  const last = names[names.length - 1];
  if (!last || !ORG_END.test(last) || last.length > 40) return null;
  const out: string[] = [];
  for (let i = 0; i < names.length - 1; i++) {
    const n = names[i] ?? '';
    if (ORG_END.test(n) && n.length <= 40) {
      out.push(n);
      continue;
    }
    // A bare place of 2–4 characters: give it the suffix that follows the last place.
    const place = names[names.length - 2] ?? n;
    if (n.length > 4 || place.length > 4 || ORG_END.test(place)) return null;
    out.push(n + last.slice(place.length));
  }
  out.push(last);
  return out;
}

/** Parses the responsible units at the end of a clause; null when the clause ends with none. */
export function parseUnits(text: string): UnitsMatch | null {
  const paren = trailingParenthesis(text);
  if (!paren) return null;
  const inner = paren.inner.trim();
  if (inner.length < 2 || inner.length > 300 || /[。；]/.test(inner)) return null;
  const units: ResponsibleUnit[] = [];
  // Groups are separated by commas; each may end with its role.
  for (const rawGroup of inner.split(/[，,]/)) {
    let group = rawGroup.trim();
    if (!group) continue;
    let role: UnitRole = 'responsible';
    for (const [re, r] of ROLE_WORDS) {
      if (re.test(group)) {
        role = r;
        group = group.replace(re, '');
        break;
      }
    }
    for (const part of group.split(/及|以及/)) {
      const names = expandElliptical(part.split('、').map((n) => n.trim()).filter(Boolean));
      if (!names) return null;
      for (const name of names) units.push({ name, role });
    }
  }
  if (units.length === 0) return null;
  return { units, printed: text.trimEnd().replace(/[。.；;]$/, '').slice(paren.start) };
}
