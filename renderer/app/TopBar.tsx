// The top bar: the way back to the library, the annotations, the briefs, the responsible units,
// the search box, the text size and the language.

import type { ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { useSelect } from '../common/store.ts';
import { TextSizeButtons } from '../reader/TextSizeButtons.tsx';
import { SearchForm } from '../search/SearchForm.tsx';
import { router } from './router.ts';

const toLibrary = (): void => router.navigate({ view: 'library' });
const toAnnotations = (): void => router.navigate({ view: 'annotations' });
const toBriefs = (): void => router.navigate({ view: 'briefs' });
const toUnits = (): void => router.navigate({ view: 'units', name: null });

export function TopBar(): ReactNode {
  const { t, lang, setLang } = useI18n();
  const view = useSelect(router, (r) => r.view);
  return (
    <header className="topbar">
      <a
        className="brand"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          toLibrary();
        }}
      >
        条文通 <span className="brand-en">Clauseway</span>
      </a>
      <button type="button" className={`nav-library${view === 'library' ? ' current' : ''}`} onClick={toLibrary}>
        {t.library}
      </button>
      <button type="button" className={`nav-library${view === 'annotations' ? ' current' : ''}`} onClick={toAnnotations}>
        {t.notes.nav}
      </button>
      <button type="button" className={`nav-library${view === 'briefs' || view === 'brief' ? ' current' : ''}`} onClick={toBriefs}>
        {t.briefs.nav}
      </button>
      <button type="button" className={`nav-library${view === 'units' ? ' current' : ''}`} onClick={toUnits}>
        {t.units.title}
      </button>
      <SearchForm />
      <div className="topbar-tools">
        <TextSizeButtons />
        <button type="button" className="lang-switch" title={t.languageLabel} aria-label={t.languageLabel} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t.language}
        </button>
      </div>
    </header>
  );
}
