// Find in the document, without a view: every occurrence of a term in the clauses' folded texts.

import type { Range } from '../../shared/snippet.ts';

/** One occurrence: the clause's index, and where it stands in the clause's text. */
export interface Occurrence {
  clause: number;
  range: Range;
}

/** Every occurrence of `term` (folded) in the folded texts, without overlaps, in reading order. */
export function occurrences(folded: readonly string[], term: string): Occurrence[] {
  const out: Occurrence[] = [];
  if (!term) return out;
  folded.forEach((text, clause) => {
    for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) out.push({ clause, range: [i, i + term.length] });
  });
  return out;
}
