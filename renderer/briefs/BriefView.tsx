// One brief (#/briefs/ID): its bar (back to the list, edit or preview, group, export, print), then
// the builder or the preview. Exports come back as downloads (export.ts); browser mode's PDF is
// the print view of the preview.

import { useState, type ReactNode } from 'react';
import type { BriefFormat, BriefGrouping } from '../../shared/api.ts';
import { failed } from '../annotations/actions.ts';
import { api, platform } from '../api/client.ts';
import { router } from '../app/router.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import type { BriefEditor } from './brief-store.ts';
import { BriefBuilder } from './BriefBuilder.tsx';
import { useBriefEditor } from './briefs.ts';
import { BriefSheet } from './BriefSheet.tsx';
import { exportToDownload } from './export.ts';

const FORMATS: BriefFormat[] = ['docx', 'pdf', 'html', 'md'];
const GROUPINGS: BriefGrouping[] = ['jurisdiction', 'document'];

/** Prints once the preview is on screen (two frames: React has rendered, the browser laid out). */
const printSoon = (): void => {
  requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
};

export function BriefView({ id }: { id: string }): ReactNode {
  const { t } = useI18n();
  const { editor, state } = useBriefEditor(id);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const { brief } = state;
  const b = t.briefs;

  const print = (): void => {
    setMode('preview');
    printSoon();
  };
  const exportAs = (format: BriefFormat): void => {
    if (!brief) return;
    if (format === 'pdf' && platform === 'browser') {
      toasts.show({ message: b.printHint }, 4000);
      print();
      return;
    }
    toasts.show({ message: b.exporting });
    exportToDownload(api, brief.id, format).then(
      (name) => toasts.show({ message: b.exported.replace('{name}', () => name) }, 4000),
      (e: unknown) => {
        const message = `${b.exportFailed}${e instanceof Error ? e.message : String(e)}`;
        // A PDF the engine cannot make (no printer of its own) can still be printed from the preview.
        toasts.show({ message, error: true, ...(format === 'pdf' ? { action: { label: b.print, run: print } } : {}) });
      },
    );
  };

  return (
    <section className="brief-view" aria-label={brief?.title ?? b.title}>
      <div className="brief-bar" role="toolbar" aria-label={b.title}>
        <button type="button" className="back" onClick={() => router.navigate({ view: 'briefs' })}>
          ← {b.back}
        </button>
        <span className="spacer" />
        <button type="button" className="brief-button" aria-pressed={mode === 'preview'} onClick={() => setMode(mode === 'edit' ? 'preview' : 'edit')}>
          {mode === 'edit' ? b.preview : b.edit}
        </button>
        <label>
          {b.group}
          <select aria-label={b.group} value="" disabled={!brief} onChange={(e) => group(editor, e.target.value, t.briefs.grouped)}>
            <option value="">—</option>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {b.groupBy[g]}
              </option>
            ))}
          </select>
        </label>
        <span role="group" aria-label={b.exportAs} className="brief-exports">
          {b.exportAs}
          {FORMATS.map((f) => (
            <button key={f} type="button" className="brief-button" disabled={!brief} onClick={() => exportAs(f)}>
              {b.formats[f]}
            </button>
          ))}
        </span>
        {mode === 'preview' && (
          <button type="button" className="brief-button primary" onClick={() => window.print()}>
            {b.print}
          </button>
        )}
      </div>
      {state.error !== null && <p className="problems">{state.error}</p>}
      {state.missing ? <p className="brief-empty">{b.missing}</p> : brief && (mode === 'edit' ? <BriefBuilder brief={brief} editor={editor} /> : <BriefSheet brief={brief} />)}
    </section>
  );
}

function group(editor: BriefEditor, value: string, done: string): void {
  const by = GROUPINGS.find((g) => g === value);
  if (by) editor.group(by).then(() => toasts.show({ message: done }, 3000), failed);
}
