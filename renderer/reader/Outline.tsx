// The outline of a document: its numbered and headed clauses, indented by depth; the one being
// read is marked and kept in view. Built once per document; a long one (a law lists a thousand
// articles) is virtualised like the text.

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ReaderClause } from '../../shared/api.ts';
import { useI18n } from '../common/i18n.tsx';

const SKIP = new Set(['paragraph', 'table', 'signature']);

const OutlineItem = memo(function OutlineItem({ clause, current, onSelect }: { clause: ReaderClause; current: boolean; onSelect: (clauseId: string) => void }): ReactNode {
  return (
    <div className={`outline-item depth-${Math.min(clause.depth, 4)}`} role="listitem">
      <button type="button" aria-current={current ? 'true' : undefined} data-clause-id={clause.id} onClick={() => onSelect(clause.id)}>
        {clause.label && <span className="label">{clause.label}</span>}
        <span className="outline-heading">{clause.heading ?? (clause.text.length > 24 ? `${clause.text.slice(0, 24)}…` : clause.text)}</span>
      </button>
    </div>
  );
});

function OutlineImpl({ clauses, current, onSelect }: { clauses: ReaderClause[]; current: string | null; onSelect: (clauseId: string) => void }): ReactNode {
  const { t } = useI18n();
  const entries = useMemo(() => clauses.filter((c) => !SKIP.has(c.kind) && (c.label || c.heading)), [clauses]);
  // For every clause, the outline entry that holds it: itself, its nearest listed ancestor, or,
  // for a paragraph between headings, the entry before it.
  const owner = useMemo(() => {
    const listed = new Set(entries.map((e) => e.id));
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const out = new Map<string, string>();
    let previous: string | null = null;
    for (const c of clauses) {
      if (listed.has(c.id)) previous = c.id;
      let a: ReaderClause | undefined = c;
      while (a && !listed.has(a.id)) a = a.parentId ? byId.get(a.parentId) : undefined;
      const o = a?.id ?? previous;
      if (o) out.set(c.id, o);
    }
    return out;
  }, [clauses, entries]);
  const currentEntry = current ? (owner.get(current) ?? null) : null;
  const List = entries.length > VIRTUALISE_FROM ? VirtualList : PlainList;
  return (
    <nav className="outline" aria-label={t.outline}>
      <List entries={entries} currentEntry={currentEntry} onSelect={onSelect} />
    </nav>
  );
}

/** Up to this many entries the outline is rendered whole. */
const VIRTUALISE_FROM = 300;

interface ListProps {
  entries: ReaderClause[];
  currentEntry: string | null;
  onSelect: (clauseId: string) => void;
}

function PlainList({ entries, currentEntry, onSelect }: ListProps): ReactNode {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [currentEntry]);
  return (
    <div ref={listRef} role="list">
      {entries.map((c) => (
        <OutlineItem key={c.id} clause={c} current={c.id === currentEntry} onSelect={onSelect} />
      ))}
    </div>
  );
}

function VirtualList({ entries, currentEntry, onSelect }: ListProps): ReactNode {
  const listRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => listRef.current?.parentElement ?? null,
    estimateSize: () => 26,
    getItemKey: (i) => entries[i]?.id ?? i,
    overscan: 12,
    useFlushSync: false,
  });
  useEffect(() => {
    const i = currentEntry ? entries.findIndex((e) => e.id === currentEntry) : -1;
    if (i >= 0) virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [currentEntry, entries, virtualizer]);
  return (
    <div ref={listRef} role="list" className="outline-list" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const c = entries[item.index];
        if (!c) return null;
        return (
          <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="outline-row" style={{ transform: `translateY(${item.start}px)` }}>
            <OutlineItem clause={c} current={c.id === currentEntry} onSelect={onSelect} />
          </div>
        );
      })}
    </div>
  );
}

export const Outline = memo(OutlineImpl);
