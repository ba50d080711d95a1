// The outline of a document: its numbered and headed clauses, indented by depth; the one being
// read is marked and kept in view.

import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ReaderClause } from '../../shared/api.ts';
import { useI18n } from '../i18n.tsx';

const SKIP = new Set(['paragraph', 'table', 'signature']);

function OutlineImpl({ clauses, current, onSelect }: { clauses: ReaderClause[]; current: string | null; onSelect: (clauseId: string) => void }): ReactNode {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const entries = useMemo(() => clauses.filter((c) => !SKIP.has(c.kind) && (c.label || c.heading)), [clauses]);
  // The current clause may be a paragraph: mark the outline entry that holds it.
  const currentEntry = useMemo(() => {
    if (!current) return null;
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const inOutline = new Set(entries.map((e) => e.id));
    let c = byId.get(current);
    while (c && !inOutline.has(c.id)) c = c.parentId ? byId.get(c.parentId) : undefined;
    if (c) return c.id;
    // A paragraph between headings belongs to the heading before it.
    const at = clauses.findIndex((x) => x.id === current);
    for (let i = at; i >= 0; i--) if (inOutline.has(clauses[i]?.id ?? '')) return clauses[i]?.id ?? null;
    return null;
  }, [current, clauses, entries]);

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [currentEntry]);

  return (
    <nav className="outline" aria-label={t.outline}>
      <ol ref={listRef}>
        {entries.map((c) => (
          <li key={c.id} className={`outline-item depth-${Math.min(c.depth, 4)}`}>
            <button type="button" aria-current={c.id === currentEntry ? 'true' : undefined} data-clause-id={c.id} onClick={() => onSelect(c.id)}>
              {c.label && <span className="label">{c.label}</span>}
              <span className="outline-heading">{c.heading ?? (c.text.length > 24 ? `${c.text.slice(0, 24)}…` : c.text)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export const Outline = memo(OutlineImpl);
