// The FTS5 expression of a parsed query: every group by any of its forms (an OR of exact
// substrings), none of the excluded terms. Built from grams.ts's one-term expressions, which FTS5
// accepts as sub-expressions: `({grams} : (a)) OR ({grams} : (b))`.
//
// Groups of one form each are written as grams.ts writes them (`{grams} : (a AND b)`): the searcher
// keeps each expression's count by its text, and a one-term query's count is asked again for its
// idf; written another way, the same count was read twice (for 法, a second merge of 20 ms).

import { allTermsQuery } from './grams.ts';

type Column = 'grams' | 'hgrams';

/** Any of the (folded) terms. */
export function anyOf(terms: string[], column: Column = 'grams'): string {
  if (terms.length === 1) return allTermsQuery(terms, column);
  return terms.map((t) => `(${allTermsQuery([t], column)})`).join(' OR ');
}

/** Every group by one of its forms, and none of `excluded`. */
export function groupsQuery(groups: string[][], excluded: string[] = [], column: Column = 'grams'): string {
  const single = groups.every((g) => g.length === 1);
  const all = single ? allTermsQuery(groups.flat(), column) : groups.map((g) => `(${anyOf(g, column)})`).join(' AND ');
  return excluded.length === 0 ? all : `(${all}) NOT (${anyOf(excluded, column)})`;
}
