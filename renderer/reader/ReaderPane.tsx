// One reading pane: the document's header, its outline, and its text, virtualised so that the
// longest document opens at once. While the pane has the focus, find and the clause-by-clause keys
// act in it.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { DocumentView, ReaderClause } from '../../shared/api.ts';
import { NO_NOTES, NO_SPANS } from '../annotations/annotation-index.ts';
import { annotating, useDocAnnotations } from '../annotations/annotations.ts';
import { anchorOf } from '../annotations/ui-store.ts';
import { useShortcuts } from '../app/shortcuts.ts';
import { ClauseView } from './ClauseView.tsx';
import { FindBar, useFind } from './FindBar.tsx';
import type { Occurrence } from './find.ts';
import { Outline } from './Outline.tsx';
import { PaneHeader } from './PaneHeader.tsx';
import { reading, useTerms } from './reading.ts';
import { RedirectNote } from './RedirectNote.tsx';
import type { Pane } from './reading-store.ts';

interface Props {
  index: Pane;
  doc: DocumentView;
  /** The clause to show: a search hit, a deep link, the outline of the other pane. */
  target: string | null;
  focused: boolean;
}

/** A first guess of a clause's height before it is measured: about 38 characters a line. */
function estimate(c: ReaderClause): number {
  if (c.table) return 40 + c.table.length * 34;
  const lines = c.text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / 38)), 0);
  return 28 + lines * 30 + (c.units.length ? 30 : 0);
}

/** The outline shows unless the reader hid it, or the pane is too narrow for it and the text. */
function useOutlineShown(pane: RefObject<HTMLElement | null>): [boolean, (shown: boolean) => void] {
  const [choice, setChoice] = useState<boolean | null>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setNarrow((entry?.contentRect.width ?? 1000) < 620));
    observer.observe(el);
    return () => observer.disconnect();
  }, [pane]);
  return [choice ?? !narrow, setChoice];
}

/**
 * Keeps find's current mark in view: once its clause is drawn (a frame or a few after it was
 * scrolled to), the text moves so that the mark stands in the upper third, unless it is in view.
 */
function useMarkInView(scrollRef: RefObject<HTMLElement | null>, current: Occurrence | null): void {
  useEffect(() => {
    if (!current) return;
    let frame = 0;
    let settled = 0;
    const seek = (): void => {
      const el = scrollRef.current;
      const mark = el?.querySelector<HTMLElement>('mark.find-current');
      if (el && mark) {
        const box = el.getBoundingClientRect();
        const at = mark.getBoundingClientRect();
        if (at.top < box.top + 24 || at.bottom > box.bottom - 24) {
          el.scrollTop += at.top - box.top - box.height / 3;
          settled = 0;
        } else settled++;
      }
      // The virtualised rows settle over a few frames as they are measured: watch until it rests.
      if (settled < 3 && ++frame < 60) raf = requestAnimationFrame(seek);
    };
    let raf = requestAnimationFrame(seek);
    return () => cancelAnimationFrame(raf);
  }, [scrollRef, current]);
}

export function ReaderPane({ index, doc, target, focused }: Props): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const [showOutline, setShowOutline] = useOutlineShown(paneRef);
  const [active, setActive] = useState<string | null>(target);
  const terms = useTerms(index);
  const clauses = doc.clauses;
  const docId = doc.summary.id;
  const indexOf = useMemo(() => new Map(clauses.map((c, i) => [c.id, i])), [clauses]);
  // Once per document: the virtualizer asks for every unmeasured clause's guess whenever one is
  // measured, which on a long law was the largest part of a scrolled frame's script.
  const guesses = useMemo(() => clauses.map(estimate), [clauses]);

  const virtualizer = useVirtualizer({
    count: clauses.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => guesses[i] ?? 60,
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

  // Open at the clause asked for.
  useEffect(() => {
    if (target) goTo(target);
    else virtualizer.scrollToOffset(0);
    // Only when the document or the target changes, not when the virtualizer re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docId, target]);

  // Find: the clause of the occurrence is brought on screen unless it is there, then the mark.
  const showOccurrence = useCallback(
    (hit: Occurrence) => {
      const clause = clauses[hit.clause];
      if (!clause) return;
      setActive(clause.id);
      const el = scrollRef.current;
      const item = virtualizer.getVirtualItems().find((it) => it.index === hit.clause);
      const onScreen = el && item && item.start < el.scrollTop + el.clientHeight && item.end > el.scrollTop;
      if (!onScreen) virtualizer.scrollToIndex(hit.clause, { align: 'start' });
    },
    [clauses, virtualizer],
  );
  const find = useFind(clauses, showOccurrence);
  const found = find.term ? (find.hits[find.at] ?? null) : null;
  useMarkInView(scrollRef, found);
  // ↑/↓ and j/k step clause by clause, with the text in focus too (Page Up/Down and space scroll).
  const step = (e: KeyboardEvent, delta: 1 | -1): boolean => {
    e.preventDefault();
    const items = virtualizer.getVirtualItems();
    const current = active ? (indexOf.get(active) ?? 0) : (items[0]?.index ?? 0);
    const next = clauses[Math.max(0, Math.min(clauses.length - 1, current + delta))];
    if (next) goTo(next.id);
    return true;
  };
  useShortcuts(
    {
      'find.open': (e) => {
        e.preventDefault();
        find.show();
      },
      'clause.next': (e) => step(e, 1),
      'clause.previous': (e) => step(e, -1),
    },
    focused,
  );

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
    // A clause of the document shown before this one waits for its successor.
    if (settled && indexOf.has(settled)) reading.record(index, docId, settled);
  }, [settled, index, docId, indexOf]);

  const openBeside = useCallback((clauseId: string) => reading.openBeside(index, clauseId), [index]);
  const openVersion = useCallback((id: string) => reading.open(id, null, index), [index]);
  const marked = useDocAnnotations(docId);
  const noteOnClause = useCallback(
    (clause: ReaderClause, el: HTMLElement) => annotating.open({ kind: 'clause-note', docId, clauseId: clause.id, anchor: anchorOf(el.getBoundingClientRect()) }),
    [docId],
  );
  const openAnnotation = useCallback((id: string, el: HTMLElement) => annotating.open({ kind: 'annotation', id, anchor: anchorOf(el.getBoundingClientRect()), focus: null }), []);
  // A click on a highlight opens it; a click that ends a selection is the selection's.
  const onTextClick = (e: MouseEvent): void => {
    const hl = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-annotation-id]') : null;
    const id = hl?.dataset['annotationId'];
    if (hl && id && window.getSelection()?.isCollapsed !== false) openAnnotation(id, hl);
  };
  const marks = find.term ? [...terms, find.term] : terms;
  const { summary } = doc;

  return (
    <section ref={paneRef} className={`pane${focused ? ' focused' : ''}`} aria-label={summary.title} data-pane={index} data-doc-id={docId} onMouseDown={() => reading.focus(index)} onFocus={() => reading.focus(index)}>
      <PaneHeader summary={summary} history={doc.history} versions={doc.versions} onOpenVersion={openVersion} docNotes={marked.docNotes.length} showOutline={showOutline} onToggleOutline={() => setShowOutline(!showOutline)} onClose={() => reading.close(index)}>
        {find.shown && <FindBar find={find} />}
        <RedirectNote pane={index} />
      </PaneHeader>
      <div className="pane-body">
        {showOutline && <Outline clauses={clauses} current={settled ?? null} onSelect={goTo} />}
        <div ref={scrollRef} className="doc-scroll" tabIndex={0} aria-label={summary.title}>
          <div className="doc-column" style={{ height: virtualizer.getTotalSize() }} onClick={onTextClick}>
            {items.map((item) => {
              const clause = clauses[item.index];
              if (!clause) return null;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="doc-row-v" style={{ transform: `translateY(${item.start}px)` }}>
                  <ClauseView
                    clause={clause}
                    terms={marks}
                    findAt={found?.clause === item.index ? found.range : null}
                    active={clause.id === active}
                    highlights={marked.spans.get(clause.id) ?? NO_SPANS}
                    notes={marked.clauseNotes.get(clause.id) ?? NO_NOTES}
                    onOpenOther={openBeside}
                    onNote={noteOnClause}
                    onOpenAnnotation={openAnnotation}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
