// The frame: the top bar, then the library, two reading panes (with a clause's cross-links
// beside them), the annotations, two documents compared or the briefs, the search results beside
// them, the help line below; until the library is open, its preparation. Each feature keeps its
// own state (library/, reader/, search/, annotations/, links/, briefs/); the frame lays them out
// and routes between them.

import type { ReactNode } from 'react';
import { AnnotationLayer } from '../annotations/AnnotationLayer.tsx';
import { AnnotationsView } from '../annotations/AnnotationsView.tsx';
import { BriefPicker } from '../briefs/BriefPicker.tsx';
import { BriefsPage } from '../briefs/BriefsPage.tsx';
import { useI18n } from '../common/i18n.tsx';
import { ImportLayer } from '../import/ImportLayer.tsx';
import { useSelect } from '../common/store.ts';
import { ToastView } from '../common/ToastView.tsx';
import { LibraryView } from '../library/LibraryView.tsx';
import { useLibraryReady } from '../library/library.ts';
import { Notices } from '../library/Notices.tsx';
import { Preparing } from '../library/Preparing.tsx';
import { CompareView } from '../links/CompareView.tsx';
import { LinksLayer } from '../links/LinksLayer.tsx';
import { LinksPanel } from '../links/LinksPanel.tsx';
import { usePanelShown } from '../links/links.ts';
import { Panes } from '../reader/Panes.tsx';
import { PrintView } from '../reader/PrintView.tsx';
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
  const linking = usePanelShown() && view === 'read';
  useKeymap();
  return (
    <div className="app">
      <TopBar />
      <Notices />
      {ready ? (
        <main className={`workspace${searching ? ' with-results' : ''}${linking ? ' with-links' : ''}`}>
          {view === 'read' ? <Panes /> : view === 'annotations' ? <AnnotationsView /> : view === 'compare' ? <CompareView /> : view === 'briefs' || view === 'brief' ? <BriefsPage /> : view === 'units' ? <UnitsView name={unit} /> : <LibraryView onOpen={openFromLibrary} />}
          {searching && <SearchPanel onOpen={reading.openFound} />}
          {linking && <LinksPanel />}
          <footer className="statusbar">{helpLine(t)}</footer>
          <AnnotationLayer />
          <LinksLayer />
          <BriefPicker />
        </main>
      ) : (
        <Preparing />
      )}
      {ready && <ImportLayer />}
      <ToastView />
      <PrintView />
    </div>
  );
}
