// What annotating puts over the window: the selection's toolbar, the open annotation's popover,
// the banner of a re-attachment, and Ctrl+Z, which brings back the last annotation deleted.

import type { ReactNode } from 'react';
import { useShortcuts } from '../app/shortcuts.ts';
import { useI18n } from '../common/i18n.tsx';
import { undoDelete } from './actions.ts';
import { AnnotationPopover } from './AnnotationPopover.tsx';
import { annotating, useAnnotating } from './annotations.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';

function ReattachBanner(): ReactNode {
  const { t } = useI18n();
  const { reattach } = useAnnotating();
  if (!reattach) return null;
  return (
    <div className="reattach-banner" role="status">
      <span>{t.notes.reattachPrompt}</span>
      <q>{reattach.targets.map((x) => x.quote.exact).join(' … ')}</q>
      <span className="formerly">
        {t.notes.formerly}：{reattach.targets[0]?.citation ?? reattach.docTitle}
      </span>
      <button type="button" onClick={() => annotating.endReattach()}>
        {t.notes.cancel}
      </button>
    </div>
  );
}

export function AnnotationLayer(): ReactNode {
  const { t } = useI18n();
  useShortcuts({
    'annotations.undo': (e) => {
      e.preventDefault();
      undoDelete(t);
    },
  });
  return (
    <>
      <ReattachBanner />
      <SelectionToolbar />
      <AnnotationPopover />
    </>
  );
}
