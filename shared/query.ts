// The search query language, parsed the same way wherever a query is typed.
//
//   绿色 香港                  both terms must occur
//   "跨境理财通"  “单一窗口”    a quoted phrase must occur exactly (spaces inside included)
//   jurisdiction:珠海市 level:city kind:policy year:2019 year:2018-2021 doc:ID    filters

import type { DocKind, Level } from './types.ts';
import { fold } from './fold.ts';

export interface SearchFilters {
  jurisdiction?: string;
  level?: Level;
  kind?: DocKind;
  yearFrom?: number;
  yearTo?: number;
  docId?: string;
}

export interface ParsedQuery {
  /** Terms and phrases as typed. */
  terms: string[];
  /** The same, folded for matching. */
  folded: string[];
  filters: SearchFilters;
  /** Problems with filters, for the user: "level:town is not a level". */
  problems: string[];
}

const LEVELS: readonly Level[] = ['national', 'province', 'sar', 'city', 'district'];
const KINDS: readonly DocKind[] = ['policy', 'notice', 'news'];
const TOKEN = /(?:"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+))/gu;

export function parseQuery(input: string, base: SearchFilters = {}): ParsedQuery {
  const terms: string[] = [];
  const filters: SearchFilters = { ...base };
  const problems: string[] = [];
  for (const m of input.replace(/\u3000/g, ' ').matchAll(TOKEN)) {
    const quoted = m[1] ?? m[2] ?? m[3];
    if (quoted !== undefined) {
      if (quoted.trim()) terms.push(quoted.trim());
      continue;
    }
    const word = m[4] ?? '';
    const filter = /^(jurisdiction|level|kind|year|doc):(.+)$/.exec(word);
    if (!filter) {
      terms.push(word);
      continue;
    }
    const [, key, value = ''] = filter;
    if (key === 'jurisdiction') filters.jurisdiction = value;
    else if (key === 'doc') filters.docId = value;
    else if (key === 'level') {
      if ((LEVELS as readonly string[]).includes(value)) filters.level = value as Level;
      else problems.push(`level:${value} is not a level (${LEVELS.join(', ')})`);
    } else if (key === 'kind') {
      if ((KINDS as readonly string[]).includes(value)) filters.kind = value as DocKind;
      else problems.push(`kind:${value} is not a kind (${KINDS.join(', ')})`);
    } else {
      const y = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
      if (y) {
        filters.yearFrom = Number(y[1]);
        filters.yearTo = Number(y[2] ?? y[1]);
      } else problems.push(`year:${value} is not a year or a range like 2018-2021`);
    }
  }
  return { terms, folded: terms.map(fold), filters, problems };
}
