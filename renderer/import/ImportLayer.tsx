// The import's part of the window: files dropped anywhere on it, the panel, the progress bar, the
// summary and the metadata form. App mounts it once, beside the workspace.

import { useEffect, type ReactNode } from 'react';
import { router } from '../app/router.ts';
import { useI18n } from '../common/i18n.tsx';
import { useSelect, useStore } from '../common/store.ts';
import { importing, pickedFromDrop } from './importing.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { metadataForm } from './metadata.ts';
import { MetadataForm } from './MetadataForm.tsx';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/** The whole window takes files: a drop anywhere imports them. */
function useWindowDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      importing.setDragging(true);
    };
    const leave = (e: DragEvent): void => {
      // Leaving for another element of the page is no leaving.
      if (e.relatedTarget === null) importing.setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      importing.setDragging(false);
      importing.closePanel();
      void pickedFromDrop(e.dataTransfer).then((files) => importing.importFiles(files));
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

export function ImportLayer(): ReactNode {
  const { t } = useI18n();
  const state = useStore(importing);
  const editing = useStore(metadataForm);
  const asked = useSelect(router, (r) => r.view === 'import');
  useWindowDrop();
  // #/import (the desktop menu): the library, with the panel open.
  useEffect(() => {
    if (!asked) return;
    router.navigate({ view: 'library' }, true);
    importing.openPanel();
  }, [asked]);
  return (
    <>
      {state.dragging && <div className="import-drop">{t.importing.dropHere}</div>}
      {state.panel && <ImportPanel />}
      {(state.phase === 'uploading' || state.phase === 'importing') && <ImportProgress state={state} />}
      {state.phase === 'summary' && state.summary && <ImportSummary summary={state.summary} />}
      {state.phase === 'failed' && (
        <div className="import-progress failed" role="alert">
          <span>
            {t.importing.failed}: {state.error}
          </span>
          <button type="button" onClick={importing.dismiss}>
            {t.importing.close}
          </button>
        </div>
      )}
      {editing && <MetadataForm docId={editing} />}
    </>
  );
}
