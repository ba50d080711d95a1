// The stored form of a highlight's place, after the W3C Web Annotation model, over clause text
// (never the DOM): the clause id, a TextQuoteSelector and a TextPositionSelector. Offsets are
// JavaScript string offsets (UTF-16 code units) into the clause `text` as stored.

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** One clause's part of a highlight. A selection across clauses has one target per clause. */
export interface HighlightTarget {
  clauseId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** The text of one clause, as the store keeps it. */
export interface ClauseText {
  id: string;
  text: string;
}

/** The clause-id aliases of a re-import: an old id's successor, or null when it has none. */
export type SuccessorOf = (oldClauseId: string) => string | null;

export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}
