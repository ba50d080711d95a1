// One reading pane: the document's header, its outline, and its text, virtualised so that the
// longest document opens at once. Find-in-document and clause-by-clause keys live here.

import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentView, ReaderClause } from '../../shared/api.ts';
import { useFold } from '../common/fold.ts';
import { useI18n } from '../common/i18n.tsx';
import { Outline } from './Outline.tsx';
import { ClauseView } from './ClauseView.tsx';

export interface PaneHandle {
  openFind(): void;
  step(delta: 1 | -1): void;
}

interface Props {
  index: 0 | 1;
  doc: DocumentView;
  target: string | null;
  /** Folded terms to mark: the search that opened the document. */
  terms: string[];
  focused: boolean;
  onFocus: () => void;
  onVisible: (clauseId: string) => void;
  onOpenOther: (clauseId: string) => void;
  onClose: () => void;
  deepLink: (clauseId: string) => string;
}

/** A first guess of a clause's height before it is measured: about 38 characters a line. */
function estimate(c: ReaderClause): number {
  if (c.table) return 40 + c.table.length * 34;
  const lines = c.text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / 38)), 0);
  return 28 + lines * 30 + (c.units.length ? 30 : 0);
}

export const ReaderPane = forwardRef<PaneHandle, Props>(function ReaderPane({ index, doc, target, terms, focused, onFocus, onVisible, onOpenOther, onClose, deepLink }, ref): ReactNode {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  // The outline shows unless the reader hid it, or the pane is too narrow for it and the text.
  const [outlineChoice, setOutlineChoice] = useState<boolean | null>(null);
  const [narrow, setNarrow] = useState(false);
  const paneRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = paneRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setNarrow((entry?.contentRect.width ?? 1000) < 620));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const showOutline = outlineChoice ?? !narrow;
  const [active, setActive] = useState<string | null>(target);
  const [findOpen, setFindOpen] = useState(false);
  const [findText, setFindText] = useState('');
  const [findAt, setFindAt] = useState(0);
  const clauses = doc.clauses;
  const indexOf = useMemo(() => new Map(clauses.map((c, i) => [c.id, i])), [clauses]);

  const virtualizer = useVirtualizer({
    count: clauses.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(clauses[i] as ReaderClause),
    getItemKey: (i) => clauses[i]?.id ?? i,
    overscan: 8,
    // Rendering synchronously on every scroll event costs frames on long documents.
    useFlushSync: false,
  });

  const goTo = useCallback(
    (clauseId: string) => {
      const i = indexOf.get(clauseId);
      if (i === undefined) return;
      setActive(clauseId);
      virtualizer.scrollToIndex(i, { align: 'start' });
    },
    [indexOf, virtualizer],
  );

  // Open at the clause asked for (a search hit, a deep link, the outline of the other pane).
  useEffect(() => {
    if (target) goTo(target);
    else virtualizer.scrollToOffset(0);
    // Only when the document or the target changes, not when the virtualizer re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.summary.id, target]);

  const fold = useFold();
  const findTerm = fold(findText.trim());
  const findHits = useMemo(() => (findTerm ? clauses.flatMap((c, i) => (fold(c.text).includes(findTerm) || fold(c.heading ?? '').includes(findTerm) ? [i] : [])) : []), [clauses, findTerm, fold]);
  const stepFind = (delta: 1 | -1): void => {
    if (findHits.length === 0) return;
    const next = (findAt + delta + findHits.length) % findHits.length;
    setFindAt(next);
    const c = clauses[findHits[next] ?? 0];
    if (c) goTo(c.id);
  };
  useEffect(() => {
    setFindAt(0);
    const first = clauses[findHits[0] ?? -1];
    if (first) goTo(first.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [findTerm]);

  useImperativeHandle(ref, () => ({
    openFind: () => {
      setFindOpen(true);
      setTimeout(() => findRef.current?.focus(), 0);
    },
    step: (delta) => {
      const items = virtualizer.getVirtualItems();
      const currentIndex = active ? (indexOf.get(active) ?? 0) : (items[0]?.index ?? 0);
      const next = clauses[Math.max(0, Math.min(clauses.length - 1, currentIndex + delta))];
      if (next) goTo(next.id);
    },
  }));

  // The first clause in view is where the reader is: the outline follows it, and so does the URL.
  const items = virtualizer.getVirtualItems();
  const scrollTop = virtualizer.scrollOffset ?? 0;
  const firstVisible = items.find((it) => it.end > scrollTop + 8) ?? items[0];
  // The clause just jumped to is where the reader is, while it is on screen.
  const activeIndex = active ? (indexOf.get(active) ?? -1) : -1;
  const activeOnScreen = activeIndex >= 0 && items.some((it) => it.index === activeIndex && it.start < scrollTop + (scrollRef.current?.clientHeight ?? 0) && it.end > scrollTop);
  const visibleId = activeOnScreen ? active ?? undefined : firstVisible ? clauses[firstVisible.index]?.id : undefined;
  // While the text moves, the outline and the URL wait until it rests: following every frame
  // would cost frames (the outline scrolls itself into view, the URL is rewritten).
  const [settled, setSettled] = useState(visibleId);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(visibleId), 120);
    return () => clearTimeout(timer);
  }, [visibleId]);
  useEffect(() => {
    if (settled) onVisible(settled);
  }, [settled, onVisible]);

  const marks = findTerm ? [...terms, findTerm] : terms;
  const { summary } = doc;

  return (
    <section ref={paneRef} className={`pane${focused ? ' focused' : ''}`} aria-label={summary.title} data-pane={index} onMouseDown={onFocus} onFocus={onFocus}>
      <header className="pane-header">
        <div className="pane-title-row">
          <button type="button" className="outline-toggle" aria-pressed={showOutline} title={showOutline ? t.hideOutline : t.showOutline} onClick={() => setOutlineChoice(!showOutline)}>
            ☰
          </button>
          <h1 className="pane-title" title={summary.title}>
            {summary.title}
          </h1>
          <button type="button" className="pane-close" aria-label={t.close} title={t.close} onClick={onClose}>
            ×
          </button>
        </div>
        <div className="pane-meta">
          <span className={`badge badge-${summary.kind}`}>{t.kind[summary.kind]}</span>
          <span>{summary.jurisdictions.map((j) => j.name).join('、')}</span>
          {summary.issuer && <span>{summary.issuer}</span>}
          {summary.date && <span>{summary.date}</span>}
          {summary.docNumber && <span>{summary.docNumber}</span>}
          {summary.validUntil && (
            <span className="validity">
              {t.validUntil} {summary.validUntil}
            </span>
          )}
        </div>
        {findOpen && (
          <div className="find-bar" role="search">
            <input
              ref={findRef}
              type="search"
              value={findText}
              placeholder={t.findPlaceholder}
              aria-label={t.find}
              onChange={(e) => setFindText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') stepFind(e.shiftKey ? -1 : 1);
                if (e.key === 'Escape') {
                  setFindOpen(false);
                  setFindText('');
                }
              }}
            />
            <span className="find-count" aria-live="polite">
              {findTerm ? (findHits.length ? `${findAt + 1} / ${findHits.length}` : t.findNone) : ''}
            </span>
            <button type="button" aria-label="↑" onClick={() => stepFind(-1)}>
              ↑
            </button>
            <button type="button" aria-label="↓" onClick={() => stepFind(1)}>
              ↓
            </button>
            <button
              type="button"
              aria-label={t.close}
              onClick={() => {
                setFindOpen(false);
                setFindText('');
              }}
            >
              ×
            </button>
          </div>
        )}
      </header>
      <div className="pane-body">
        {showOutline && <Outline clauses={clauses} current={settled ?? null} onSelect={goTo} />}
        <div ref={scrollRef} className="doc-scroll" tabIndex={0} aria-label={summary.title}>
          <div className="doc-column" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const clause = clauses[item.index];
              if (!clause) return null;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="doc-row-v" style={{ transform: `translateY(${item.start}px)` }}>
                  <ClauseView clause={clause} terms={marks} active={clause.id === active} deepLink={deepLink} onOpenOther={onOpenOther} />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
});
