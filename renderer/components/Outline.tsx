// The outline of a document: its numbered and headed clauses, indented by depth; the one being
// read is marked and kept in view. Built once per document: while the text scrolls, only the two
// entries whose mark changes render again.

import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ReaderClause } from '../../shared/api.ts';
import { useI18n } from '../i18n.tsx';

const SKIP = new Set(['paragraph', 'table', 'signature']);

const OutlineItem = memo(function OutlineItem({ clause, current, onSelect }: { clause: ReaderClause; current: boolean; onSelect: (clauseId: string) => void }): ReactNode {
  return (
    <li className={`outline-item depth-${Math.min(clause.depth, 4)}`}>
      <button type="button" aria-current={current ? 'true' : undefined} data-clause-id={clause.id} onClick={() => onSelect(clause.id)}>
        {clause.label && <span className="label">{clause.label}</span>}
        <span className="outline-heading">{clause.heading ?? (clause.text.length > 24 ? `${clause.text.slice(0, 24)}…` : clause.text)}</span>
      </button>
    </li>
  );
});

function OutlineImpl({ clauses, current, onSelect }: { clauses: ReaderClause[]; current: string | null; onSelect: (clauseId: string) => void }): ReactNode {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
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

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [currentEntry]);

  return (
    <nav className="outline" aria-label={t.outline}>
      <ol ref={listRef}>
        {entries.map((c) => (
          <OutlineItem key={c.id} clause={c} current={c.id === currentEntry} onSelect={onSelect} />
        ))}
      </ol>
    </nav>
  );
}

export const Outline = memo(OutlineImpl);
