// Said above a pane's text when the deep link that opened it named a clause a re-import retired:
// where the link led instead, and why.

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { reading, useNotice } from './reading.ts';
import type { Pane } from './reading-store.ts';

export function RedirectNote({ pane }: { pane: Pane }): ReactNode {
  const { t } = useI18n();
  const notice = useNotice(pane);
  if (!notice) return null;
  return (
    <div className="redirect-note" role="status" data-from={notice.from}>
      <span>{notice.reason === 'moved' ? t.redirectMoved : t.redirectRemoved}</span>
      <button type="button" onClick={() => reading.dismissNotice()}>
        {t.close}
      </button>
    </div>
  );
}
