import type { ReactNode } from 'react';
import { matchRanges, type Range } from '../../shared/snippet.ts';
import { foldText } from './fold.ts';

/** Text with ranges marked: given ranges, or every occurrence of the (folded) terms. */
export function Marked({ text, terms, ranges, className }: { text: string; terms?: string[]; ranges?: Range[]; className?: string }): ReactNode {
  const marks = ranges ?? (terms && terms.length > 0 ? matchRanges(text, terms, foldText) : []);
  if (marks.length === 0) return className ? <span className={className}>{text}</span> : text;
  const parts: ReactNode[] = [];
  let at = 0;
  marks.forEach(([s, e], i) => {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <span className={className}>{parts}</span>;
}
