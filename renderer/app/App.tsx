// The frame: the top bar, then the library, two reading panes or the annotations, the search
// results beside them, the help line below; until the library is open, its preparation. Each
// feature keeps its own state (library/, reader/, search/, annotations/); the frame lays them out
// and routes between them.

import type { ReactNode } from 'react';
import { AnnotationLayer } from '../annotations/AnnotationLayer.tsx';
import { AnnotationsView } from '../annotations/AnnotationsView.tsx';
import { useI18n } from '../common/i18n.tsx';
import { useSelect } from '../common/store.ts';
import { ToastView } from '../common/ToastView.tsx';
import { LibraryView } from '../library/LibraryView.tsx';
import { useLibraryReady } from '../library/library.ts';
import { Notices } from '../library/Notices.tsx';
import { Preparing } from '../library/Preparing.tsx';
import { Panes } from '../reader/Panes.tsx';
import { reading } from '../reader/reading.ts';
import { SearchPanel } from '../search/SearchPanel.tsx';
import { useSearchShown } from '../search/search.ts';
import { UnitsView } from '../units/UnitsView.tsx';
import { helpLine } from './help-line.ts';
import { router } from './router.ts';
import { useKeymap } from './shortcuts.ts';
import { TopBar } from './TopBar.tsx';

const openFromLibrary = (docId: string, pane: 0 | 1): void => reading.open(docId, null, pane);

export function App(): ReactNode {
  const { t } = useI18n();
  const ready = useLibraryReady();
  const view = useSelect(router, (r) => r.view);
  const unit = useSelect(router, (r) => (r.view === 'units' ? r.name : null));
  const searching = useSearchShown();
  useKeymap();
  return (
    <div className="app">
      <TopBar />
      <Notices />
      {ready ? (
        <main className={`workspace${searching ? ' with-results' : ''}`}>
          {view === 'read' ? <Panes /> : view === 'annotations' ? <AnnotationsView /> : view === 'units' ? <UnitsView name={unit} /> : <LibraryView onOpen={openFromLibrary} />}
          {searching && <SearchPanel onOpen={reading.openFound} />}
          <footer className="statusbar">{helpLine(t)}</footer>
          <AnnotationLayer />
        </main>
      ) : (
        <Preparing />
      )}
      <ToastView />
    </div>
  );
}
