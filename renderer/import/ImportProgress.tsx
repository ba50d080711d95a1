// While an import runs: a bar at the top of the window, files done of all, and the one being read.

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import type { ImportState } from './import-store.ts';

export function ImportProgress({ state }: { state: ImportState }): ReactNode {
  const { t } = useI18n();
  const what = state.phase === 'uploading' ? t.importing.uploading : state.current === 'search' ? t.importing.search : t.importing.running;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span>
        {what} {Math.min(state.done + (state.current && state.current !== 'search' ? 1 : 0), state.total)}/{state.total}
      </span>
      <progress max={state.total || 1} value={state.done} />
      {state.current && state.current !== 'search' && <span className="import-current">{state.current}</span>}
    </div>
  );
}
