// The search query language, parsed the same way wherever a query is typed.
//
//   绿色 香港                  both terms must occur
//   "跨境理财通"  “单一窗口”    a quoted phrase must occur exactly (spaces inside included)
//   绿色金融 OR 可持续金融      either may occur (OR, in capitals, joins the terms beside it)
//   金融 -保险  金融 -"保险业"  the clause must not hold the excluded term
//   jurisdiction:珠海市 level:city kind:policy year:2019 year:2018-2021 doc:ID unit:市商务局    filters
//
// A filter alone (jurisdiction:珠海市) lists the clauses it keeps. Each term also searches its other
// forms: the short or full name of abbreviations.ts (跨境电商 ↔ 跨境电子商务), a document number in
// any brackets (doc-number.ts). What cannot be read is a problem with a code; the words for the
// user are in i18n.ts (queryProblemText), so that they follow the interface's language.

import { alternativesOf } from './abbreviations.ts';
import { docNumberForms } from './doc-number.ts';
import { fold } from './fold.ts';
import type { DocKind, Level } from './types.ts';

export interface SearchFilters {
  jurisdiction?: string;
  level?: Level;
  kind?: DocKind;
  yearFrom?: number;
  yearTo?: number;
  docId?: string;
  /** A responsible unit's name, or part of it (市地方金融监管局): the clauses naming it, in any role. */
  unit?: string;
}

export type QueryProblem =
  | { code: 'bad-level' | 'bad-kind' | 'bad-year'; value: string }
  | { code: 'unbalanced-quote' | 'stray-or' | 'only-excluded' };

/** A term and the other forms searched with it: shown as "also searched …". */
export interface Expansion {
  term: string;
  also: string[];
}

export interface ParsedQuery {
  /** The terms and phrases that must occur, as typed (each OR alternative too). */
  terms: string[];
  /** What must occur, folded: every group, each by any of its forms. */
  groups: string[][];
  /** What must not occur, folded. */
  excluded: string[];
  /** Every form of every group, folded: what a renderer marks. */
  folded: string[];
  /** The abbreviations searched beside what was typed. */
  expansions: Expansion[];
  filters: SearchFilters;
  problems: QueryProblem[];
}

const LEVELS: readonly Level[] = ['national', 'province', 'sar', 'city', 'district'];
const KINDS: readonly DocKind[] = ['policy', 'notice', 'news'];
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」' };
const FILTER = /^(jurisdiction|level|kind|year|doc|unit):(.+)$/;

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/** Words and quoted phrases; an opening quote without its close is a problem, its words kept. */
function tokenize(input: string, problems: QueryProblem[]): Token[] {
  const out: Token[] = [];
  const s = input.replace(/\u3000/g, ' ');
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') {
      i++;
      continue;
    }
    const negated = s[i] === '-' && i + 1 < s.length && s[i + 1] !== ' ';
    const at = negated ? i + 1 : i;
    const close = QUOTES[s[at] ?? ''];
    if (close !== undefined) {
      const end = s.indexOf(close, at + 1);
      if (end === -1) {
        problems.push({ code: 'unbalanced-quote' });
        i = at + 1;
        continue;
      }
      out.push({ text: s.slice(at + 1, end).trim(), quoted: true, negated });
      i = end + 1;
      continue;
    }
    let end = at;
    while (end < s.length && !/\s/.test(s[end] ?? '') && QUOTES[s[end] ?? ''] === undefined) end++;
    // A stray closing quote (”) is punctuation here, not a phrase.
    out.push({ text: s.slice(at, end).replace(/[”」]/g, ''), quoted: false, negated });
    i = Math.max(end, at + 1);
  }
  return out.filter((t) => t.text.length > 0);
}

/** The forms a folded term is searched by: itself first. */
function formsOf(folded: string): string[] {
  return [folded, ...alternativesOf(folded), ...docNumberForms(folded)];
}

function applyFilter(key: string, value: string, filters: SearchFilters, problems: QueryProblem[]): void {
  if (key === 'jurisdiction') filters.jurisdiction = value;
  else if (key === 'doc') filters.docId = value;
  else if (key === 'unit') filters.unit = value;
  else if (key === 'level') {
    if ((LEVELS as readonly string[]).includes(value)) filters.level = value as Level;
    else problems.push({ code: 'bad-level', value });
  } else if (key === 'kind') {
    if ((KINDS as readonly string[]).includes(value)) filters.kind = value as DocKind;
    else problems.push({ code: 'bad-kind', value });
  } else {
    const y = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
    if (y) {
      filters.yearFrom = Number(y[1]);
      filters.yearTo = Number(y[2] ?? y[1]);
    } else problems.push({ code: 'bad-year', value });
  }
}

export function parseQuery(input: string, base: SearchFilters = {}): ParsedQuery {
  const problems: QueryProblem[] = [];
  const filters: SearchFilters = { ...base };
  const terms: string[] = [];
  const groups: string[][] = [];
  const excluded: string[] = [];
  const expansions: Expansion[] = [];
  /** An OR was read and waits for the term after it. */
  let joining = false;
  const tokens = tokenize(input, problems);
  tokens.forEach((tok, n) => {
    if (!tok.quoted && !tok.negated && tok.text === 'OR') {
      const next = tokens[n + 1];
      const joinable = (t: Token | undefined): boolean => t !== undefined && !t.negated && (t.quoted || (t.text !== 'OR' && !FILTER.test(t.text)));
      if (joining || groups.length === 0 || !joinable(tokens[n - 1]) || !joinable(next)) {
        if (!problems.some((p) => p.code === 'stray-or')) problems.push({ code: 'stray-or' });
      } else joining = true;
      return;
    }
    const filter = tok.quoted || tok.negated ? null : FILTER.exec(tok.text);
    if (filter) {
      applyFilter(filter[1] ?? '', filter[2] ?? '', filters, problems);
      return;
    }
    const folded = fold(tok.text);
    if (tok.negated) {
      excluded.push(folded);
      return;
    }
    terms.push(tok.text);
    const forms = formsOf(folded);
    const also = alternativesOf(folded);
    if (also.length > 0) expansions.push({ term: tok.text, also });
    const last = groups[groups.length - 1];
    if (joining && last) {
      for (const f of forms) if (!last.includes(f)) last.push(f);
    } else groups.push(forms);
    joining = false;
  });
  if (groups.length === 0 && excluded.length > 0 && !hasFilter(filters)) problems.push({ code: 'only-excluded' });
  return { terms, groups, excluded, folded: [...new Set(groups.flat())], expansions, filters, problems };
}

export function hasFilter(f: SearchFilters): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '');
}
