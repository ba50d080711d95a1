// What to import: several files or a folder, by the desktop app's own dialog or, in browser mode,
// the browser's file inputs; or files dropped anywhere on the window (ImportLayer).

import { useRef, type ReactNode } from 'react';
import { pathForFile } from '../api/client.ts';
import { useI18n } from '../common/i18n.tsx';
import { importing, pickedFromInput } from './importing.ts';

export function ImportPanel(): ReactNode {
  const { t } = useI18n();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const desktop = pathForFile !== null;
  const take = (input: HTMLInputElement): void => {
    const picked = pickedFromInput(input.files);
    input.value = '';
    importing.closePanel();
    void importing.importFiles(picked);
  };
  return (
    <div className="import-backdrop" onClick={importing.closePanel}>
      <div className="import-dialog import-panel" role="dialog" aria-label={t.importing.title} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && importing.closePanel()}>
        <h2>{t.importing.title}</h2>
        <p>{t.importing.hint}</p>
        <div className="import-choices">
          <button type="button" autoFocus onClick={() => (desktop ? void importing.choose('files') : files.current?.click())}>
            {t.importing.chooseFiles}
          </button>
          <button type="button" onClick={() => (desktop ? void importing.choose('folder') : folder.current?.click())}>
            {t.importing.chooseFolder}
          </button>
        </div>
        <p className="import-formats">{t.importing.formats}</p>
        <input ref={files} className="import-files-input" type="file" multiple hidden onChange={(e) => take(e.currentTarget)} />
        {/* webkitdirectory is not in React's types: set on the element itself. */}
        <input ref={(el) => el?.setAttribute('webkitdirectory', '')} className="import-folder-input" type="file" hidden onChange={(e) => take(e.currentTarget)} />
        <div className="import-actions">
          <button type="button" onClick={importing.closePanel}>
            {t.importing.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
