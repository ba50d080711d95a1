// The TextPositionSelector: where a quote starts and ends within its clause's text. Cheap and
// exact while the text is unchanged; checked against the quote before it is trusted.

import { SelectorError, type TextPositionSelector } from './selectors.ts';

export class TextPositionAnchor {
  readonly start: number;
  readonly end: number;

  constructor(start: number, end: number) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
      throw new SelectorError(`a text position needs 0 ≤ start < end (got ${String(start)}–${String(end)})`);
    }
    this.start = start;
    this.end = end;
  }

  static fromSelector(selector: TextPositionSelector): TextPositionAnchor {
    return new TextPositionAnchor(selector.start, selector.end);
  }

  toSelector(): TextPositionSelector {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }
}
