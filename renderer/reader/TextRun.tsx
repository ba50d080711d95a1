// A run of a clause's text as shown: cut into pieces where highlights, search marks and the words
// a cross-link shares begin and end. The run's element carries its offset in the clause text (data-at), which is how a selection
// is mapped back to the text (annotations/dom-selection.ts); nothing but the run's own characters
// is put inside it.

import { Fragment, memo, type ReactNode } from 'react';
import { matchRanges, type Range } from '../../shared/snippet.ts';
import { pieces, type HighlightSpan } from '../annotations/pieces.ts';
import { foldText } from '../common/fold.ts';
import type { Run } from './clause-layout.ts';

interface Props {
  text: string;
  run: Run;
  spans: readonly HighlightSpan[];
  terms: readonly string[];
  /** The words a cross-link shares with the clause beside it: offsets into the clause text. */
  shared: readonly Range[];
  /** The current occurrence of find, in clause-text offsets: its mark stands apart. */
  current?: Range | null;
  className?: string;
}

function TextRunImpl({ text, run, spans, terms, shared, current = null, className }: Props): ReactNode {
  const shown = text.slice(run.start, run.end);
  const marks = terms.length > 0 ? matchRanges(shown, [...terms], foldText) : [];
  const cut = spans.length > 0 || marks.length > 0 || shared.length > 0 ? pieces(run, spans, marks, shared) : null;
  return (
    <span className={className} data-at={run.start}>
      {cut
        ? cut.map((p) => {
            const words = text.slice(p.start, p.end);
            const isCurrent = current !== null && p.marked && p.start >= current[0] && p.end <= current[1];
            const inner = p.marked || p.shared ? <mark className={isCurrent ? 'find-current' : p.shared ? 'shared' : undefined}>{words}</mark> : words;
            if (!p.highlight) return <Fragment key={p.start}>{inner}</Fragment>;
            const noted = p.closes && p.highlight.hasNote ? ' noted' : '';
            return (
              <span key={p.start} className={`hl hl-${p.highlight.color}${noted}`} data-annotation-id={p.highlight.id}>
                {inner}
              </span>
            );
          })
        : shown}
    </span>
  );
}

export const TextRun = memo(TextRunImpl);
