// Two reading panes side by side, a splitter between; Alt+←/→ moves the focus between them.

import type { ReactNode } from 'react';
import { useShortcuts } from '../app/shortcuts.ts';
import { useI18n } from '../common/i18n.tsx';
import { reading, useDocument, useReadRoute, useSplit } from './reading.ts';
import type { Pane, ReadRoute } from './reading-store.ts';
import { ReaderPane } from './ReaderPane.tsx';
import { Splitter } from './Splitter.tsx';

export function Panes(): ReactNode {
  const route = useReadRoute();
  const split = useSplit();
  const focusOn = (pane: Pane) => (e: KeyboardEvent): undefined => {
    e.preventDefault();
    reading.focus(pane);
  };
  useShortcuts({ 'pane.left': focusOn(0), 'pane.right': focusOn(1) });
  if (!route) return null;
  const both = Boolean(route.panes[0] && route.panes[1]);
  return (
    <div className={`panes${both ? ' two' : ''}`} style={both ? { gridTemplateColumns: `${split}fr 6px ${100 - split}fr` } : undefined}>
      <PaneSlot index={0} route={route} />
      {both && <Splitter />}
      <PaneSlot index={1} route={route} />
    </div>
  );
}

function PaneSlot({ index, route }: { index: Pane; route: ReadRoute }): ReactNode {
  const pane = route.panes[index];
  return pane ? <PaneDocument index={index} docId={pane.docId} target={pane.clauseId} focused={route.focus === index} /> : null;
}

function PaneDocument({ index, docId, target, focused }: { index: Pane; docId: string; target: string | null; focused: boolean }): ReactNode {
  const { t } = useI18n();
  const entry = useDocument(docId);
  if (entry.state === 'ready') return <ReaderPane index={index} doc={entry.doc} target={target} focused={focused} />;
  if (entry.state === 'loading') return <section className="pane loading" aria-busy="true" />;
  return (
    <section className="pane missing" data-pane={index}>
      <p>{entry.state === 'missing' ? t.documentGone : entry.message}</p>
      <button type="button" onClick={() => reading.close(index)}>
        {t.close}
      </button>
    </section>
  );
}
