// Find in the document: every occurrence of the term in the clauses' text, folded as search folds
// (Traditional finds Simplified), counted and stepped through with Enter and Shift+Enter; the
// current one is marked apart and scrolled into view (ReaderPane), even deep in a long clause.

import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ReaderClause } from '../../shared/api.ts';
import { isShortcut } from '../../shared/keymap.ts';
import { useFold } from '../common/fold.ts';
import { useI18n } from '../common/i18n.tsx';
import { occurrences, type Occurrence } from './find.ts';

export interface Find {
  shown: boolean;
  text: string;
  /** The folded term, what the clauses mark; empty while nothing is asked. */
  term: string;
  /** Every occurrence, in reading order. */
  hits: Occurrence[];
  /** Which of the hits is current. */
  at: number;
  input: RefObject<HTMLInputElement | null>;
  show: () => void;
  hide: () => void;
  setText: (text: string) => void;
  step: (delta: 1 | -1) => void;
}

/** `goTo` shows an occurrence; find goes to the first one as the term is typed. */
export function useFind(clauses: ReaderClause[], goTo: (hit: Occurrence) => void): Find {
  const [shown, setShown] = useState(false);
  const [text, setText] = useState('');
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const fold = useFold();
  const term = fold(text.trim());
  const folded = useMemo(() => (shown ? clauses.map((c) => fold(c.text)) : []), [clauses, fold, shown]);
  const hits = useMemo(() => occurrences(folded, term), [folded, term]);
  useEffect(() => {
    setAt(0);
    if (hits[0]) goTo(hits[0]);
    // Only when the term changes: a new document or a re-render does not move the reader.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [term]);
  return {
    shown,
    text,
    term,
    hits,
    at,
    input,
    show: () => {
      setShown(true);
      setTimeout(() => input.current?.focus(), 0);
    },
    hide: () => {
      setShown(false);
      setText('');
    },
    setText,
    step: (delta) => {
      if (hits.length === 0) return;
      const next = (at + delta + hits.length) % hits.length;
      setAt(next);
      const hit = hits[next];
      if (hit) goTo(hit);
    },
  };
}

export function FindBar({ find }: { find: Find }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="find-bar" role="search">
      <input
        ref={find.input}
        type="search"
        value={find.text}
        placeholder={t.findPlaceholder}
        aria-label={t.find}
        onChange={(e) => find.setText(e.target.value)}
        onKeyDown={(e) => {
          if (isShortcut(e, 'find.next')) find.step(1);
          if (isShortcut(e, 'find.previous')) find.step(-1);
          if (isShortcut(e, 'find.close')) find.hide();
        }}
      />
      <span className="find-count" aria-live="polite">
        {find.term ? (find.hits.length ? `${find.at + 1} / ${find.hits.length}` : t.findNone) : ''}
      </span>
      <button type="button" aria-label="↑" title={t.keys.findPrevious} onClick={() => find.step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="↓" title={t.keys.findNext} onClick={() => find.step(1)}>
        ↓
      </button>
      <button type="button" aria-label={t.close} onClick={find.hide}>
        ×
      </button>
    </div>
  );
}
