// How many links a clause has: a small count in the margin beside it, there only when the clause
// has links (and, to link it by hand, while it is hovered or holds the focus). It opens the links
// panel for the clause, or closes it when it is open for it.

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { useSelect } from '../common/store.ts';
import type { Pane } from '../reader/reading-store.ts';
import { links, useLinkCount } from './links.ts';
import { closePanel, showPanel } from './open.ts';

/** A clause id is its document's id, a dash and ten more characters (shared/api-table.ts). */
export const docOfClause = (clauseId: string): string => clauseId.slice(0, clauseId.indexOf('-'));

export function LinkBadge({ clauseId }: { clauseId: string }): ReactNode {
  const { t } = useI18n();
  const docId = docOfClause(clauseId);
  const count = useLinkCount(docId, clauseId);
  const open = useSelect(links, (s) => s.subject?.clauseId === clauseId);
  return (
    <button
      type="button"
      className={`link-badge${count === 0 ? ' empty' : ''}`}
      aria-expanded={open}
      aria-label={`${t.links.badge} ${count}`}
      title={`${t.links.badge} (L)`}
      onClick={(e) => {
        const pane: Pane = e.currentTarget.closest<HTMLElement>('[data-pane]')?.dataset['pane'] === '1' ? 1 : 0;
        if (open) closePanel(links.get().subject);
        else showPanel({ pane, docId, clauseId });
      }}
    >
      {count > 0 ? count : '⇄'}
    </button>
  );
}
