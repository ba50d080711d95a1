// The TextQuoteSelector: the exact quote with some text before and after it. It survives edits
// that move the quote, and is the evidence every re-anchoring is judged by.

import { CONTEXT_LENGTH, SelectorError, type TextQuoteSelector } from './selectors.ts';
import { candidatesIn, choose, type Choice } from './match-quote.ts';
import { TextPositionAnchor } from './text-position.ts';

export class TextQuoteAnchor {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;

  constructor(exact: string, prefix = '', suffix = '') {
    if (exact.length === 0) throw new SelectorError('a quote cannot be empty');
    this.exact = exact;
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** The quote of `text` from `start` to `end`, with CONTEXT_LENGTH characters each side. */
  static fromRange(text: string, start: number, end: number): TextQuoteAnchor {
    if (end > text.length) throw new SelectorError(`the range ${start}–${end} runs past the end of the text (${text.length} characters)`);
    const position = new TextPositionAnchor(start, end);
    return new TextQuoteAnchor(
      text.slice(position.start, position.end),
      text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      text.slice(end, end + CONTEXT_LENGTH),
    );
  }

  static fromSelector(selector: TextQuoteSelector): TextQuoteAnchor {
    return new TextQuoteAnchor(selector.exact, selector.prefix, selector.suffix);
  }

  toSelector(): TextQuoteSelector {
    return { type: 'TextQuoteSelector', exact: this.exact, prefix: this.prefix, suffix: this.suffix };
  }

  /** The quote's place in one text: exact occurrences first, then approximate ones. */
  locate(text: string, hint?: number): Choice {
    const context = { prefix: this.prefix, suffix: this.suffix, ...(hint === undefined ? {} : { hint }) };
    const exact = choose(candidatesIn(text, this.exact, context, { clause: 0, home: true, approximate: false }));
    if (exact.kind !== 'none') return exact;
    return choose(candidatesIn(text, this.exact, context, { clause: 0, home: true, approximate: true }));
  }
}
