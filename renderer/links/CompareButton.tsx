// The ways into a comparison: from a library row (this document, the other still to choose) and
// from a pane's header (this document and the one in the other pane).

import type { ReactNode } from 'react';
import { router } from '../app/router.ts';
import { useI18n } from '../common/i18n.tsx';
import { useSelect } from '../common/store.ts';

export function CompareButton({ docId }: { docId: string }): ReactNode {
  const { t } = useI18n();
  return (
    <button type="button" onClick={() => router.navigate({ view: 'compare', a: docId, b: null })}>
      {t.links.compare}
    </button>
  );
}

/** In a pane's header: compare with the document of the other pane (if it shows another one). */
export function CompareWithOther({ docId }: { docId: string }): ReactNode {
  const { t } = useI18n();
  const other = useSelect(router, (r) => (r.view === 'read' ? (r.panes.find((p) => p && p.docId !== docId)?.docId ?? null) : null));
  return (
    <button
      type="button"
      className="doc-notes-button compare-button"
      title={other ? t.links.compareWith : t.links.compareTitle}
      onClick={() => router.navigate({ view: 'compare', a: docId, b: other })}
    >
      {t.links.compare}
    </button>
  );
}
