// The reader: a top bar (library, search, text size, language), then the library or two panes
// side by side with a splitter. What is open lives in the URL fragment (see route.ts).

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentView, LibraryStatus } from '../../shared/api.ts';
import type { DocumentSummary, SearchResponse } from '../../shared/types.ts';
import { api, platform } from '../api/client.ts';
import { useI18n } from '../common/i18n.tsx';
import { formatRoute, parseRoute, type PaneRoute, type Route } from './route.ts';
import { LibraryView } from '../library/LibraryView.tsx';
import { ReaderPane, type PaneHandle } from '../reader/ReaderPane.tsx';
import { SearchPanel } from '../search/SearchPanel.tsx';
import { helpLine } from './help-line.ts';

const FONT_KEY = 'clauseway.fontSize';
const FONT_SIZES = [15, 16, 17, 18, 20, 22, 24];

function useDocument(docId: string | null): DocumentView | null {
  const cache = useRef(new Map<string, DocumentView>());
  const [doc, setDoc] = useState<DocumentView | null>(docId ? (cache.current.get(docId) ?? null) : null);
  useEffect(() => {
    if (!docId) {
      setDoc(null);
      return;
    }
    const hit = cache.current.get(docId);
    if (hit) {
      setDoc(hit);
      return;
    }
    let live = true;
    void api.getDocument(docId).then((d) => {
      if (!d) return;
      cache.current.set(docId, d);
      if (live) setDoc(d);
    });
    return () => {
      live = false;
    };
  }, [docId]);
  return doc && doc.summary.id === docId ? doc : null;
}

export function App(): ReactNode {
  const { t, lang, setLang } = useI18n();
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [terms, setTerms] = useState<[string[], string[]]>([[], []]);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResponse | null>(null);
  const [fontSize, setFontSize] = useState(() => Number(localStorage.getItem(FONT_KEY)) || 18);
  const [split, setSplit] = useState(50);
  const searchRef = useRef<HTMLInputElement>(null);
  const leftPane = useRef<PaneHandle>(null);
  const rightPane = useRef<PaneHandle>(null);
  const panes = useMemo(() => [leftPane, rightPane] as const, []);

  // First start: the engine imports the bundled texts; show its progress until it is ready.
  useEffect(() => {
    let timer = 0;
    const poll = (): void => {
      api.status().then(
        (s) => {
          setStatus(s);
          if (s.state === 'ready') void api.listDocuments().then(setDocs);
          else if (s.state === 'preparing') timer = window.setTimeout(poll, 60);
        },
        // Browser mode opened without its key (a new tab, a bookmark): say how to get in.
        (e: unknown) => setStatus({ state: 'error', done: 0, total: 0, message: e instanceof Error && /token/.test(e.message) ? 'token' : String(e), documents: 0, revision: 0 }),
      );
    };
    poll();
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    const onHash = (): void => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = useCallback((r: Route, replace = false) => {
    const hash = formatRoute(r);
    if (hash === location.hash) return;
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    setRoute(r);
  }, []);

  // A deep link names only a clause: find its document, then read it.
  useEffect(() => {
    if (route.view !== 'clause' || status?.state !== 'ready') return;
    void api.getClause(route.clauseId).then((c) => navigate(c ? { view: 'read', panes: [{ docId: c.docId, clauseId: c.id }, null], focus: 0 } : { view: 'library' }, true));
  }, [route, status, navigate]);

  useEffect(() => {
    document.documentElement.style.setProperty('--reading-size', `${fontSize}px`);
    localStorage.setItem(FONT_KEY, String(fontSize));
  }, [fontSize]);

  const reading = route.view === 'read' ? route : null;
  // Going to the library keeps what was open: "open on the right" then reads beside it.
  const lastReading = useRef(reading);
  if (reading) lastReading.current = reading;
  const leftDoc = useDocument(reading?.panes[0]?.docId ?? null);
  const rightDoc = useDocument(reading?.panes[1]?.docId ?? null);
  const docMap = useMemo(() => new Map(docs.map((d) => [d.id, d])), [docs]);

  const open = useCallback(
    (docId: string, clauseId: string | null, pane: 0 | 1, marks: string[] = []) => {
      const before = reading ?? lastReading.current;
      const current: [PaneRoute | null, PaneRoute | null] = before ? [...before.panes] : [null, null];
      current[pane] = { docId, clauseId };
      setTerms((prev) => (pane === 0 ? [marks, prev[1]] : [prev[0], marks]));
      navigate({ view: 'read', panes: current, focus: pane });
    },
    [reading, navigate],
  );

  const focus = reading?.focus ?? 0;
  const other = (p: 0 | 1): 0 | 1 => (p === 0 ? 1 : 0);

  const runSearch = useCallback((q: string) => {
    if (!q.trim()) {
      setResults(null);
      return;
    }
    void api.search(q, { limit: 100, count: true }).then(setResults);
  }, []);

  const deepLink = useCallback((clauseId: string) => (platform === 'electron' ? `clauseway://c/${clauseId}` : `${location.origin}${location.pathname}#/c/${clauseId}`), []);

  // Keys: / search, Ctrl+F find, j/k or arrows clause by clause, Alt+←/→ switch pane, Esc close.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f' && reading) {
        e.preventDefault();
        panes[focus].current?.openFind();
      } else if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && reading) {
        e.preventDefault();
        navigate({ ...reading, focus: e.key === 'ArrowLeft' ? 0 : 1 }, true);
      } else if (!typing && reading && (e.key === 'j' || e.key === 'k' || ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !(e.target instanceof HTMLElement && e.target.classList.contains('doc-scroll'))))) {
        e.preventDefault();
        panes[focus].current?.step(e.key === 'j' || e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Escape' && results) {
        setResults(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reading, focus, results, navigate, panes]);

  const onVisible = useMemo(
    () =>
      [0, 1].map((p) => (clauseId: string) => {
        const r = parseRoute(location.hash);
        if (r.view !== 'read') return;
        const pane = r.panes[p];
        if (!pane || pane.clauseId === clauseId) return;
        const next: [PaneRoute | null, PaneRoute | null] = [...r.panes];
        next[p] = { ...pane, clauseId };
        history.replaceState(null, '', formatRoute({ ...r, panes: next }));
      }),
    [],
  );

  const closePane = (p: 0 | 1): void => {
    if (!reading) return;
    const next: [PaneRoute | null, PaneRoute | null] = [...reading.panes];
    next[p] = null;
    if (!next[0] && !next[1]) lastReading.current = null;
    navigate(next[0] || next[1] ? { view: 'read', panes: next, focus: next[other(p)] ? other(p) : p } : { view: 'library' });
  };

  const renderPane = (p: 0 | 1, doc: DocumentView | null): ReactNode => {
    const pr = reading?.panes[p];
    if (!pr) return null;
    if (!doc) return <section className="pane loading" aria-busy="true" />;
    return (
      <ReaderPane
        ref={panes[p]}
        index={p}
        doc={doc}
        target={pr.clauseId}
        terms={terms[p]}
        focused={focus === p}
        onFocus={() => {
          if (reading.focus !== p) navigate({ ...reading, focus: p }, true);
        }}
        onVisible={onVisible[p] ?? (() => undefined)}
        onOpenOther={(clauseId) => open(doc.summary.id, clauseId, other(p), terms[p])}
        onClose={() => closePane(p)}
        deepLink={deepLink}
      />
    );
  };

  const both = Boolean(reading?.panes[0] && reading.panes[1]);

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/" onClick={(e) => {
          e.preventDefault();
          navigate({ view: 'library' });
        }}>
          条文通 <span className="brand-en">Clauseway</span>
        </a>
        <button type="button" className={`nav-library${route.view === 'library' ? ' current' : ''}`} onClick={() => navigate({ view: 'library' })}>
          {t.library}
        </button>
        <form
          className="search-form"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            runSearch(query);
          }}
        >
          <input ref={searchRef} type="search" value={query} placeholder={t.searchPlaceholder} aria-label={t.search} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit">{t.search}</button>
        </form>
        <div className="topbar-tools">
          <button type="button" aria-label={t.fontSmaller} title={t.fontSmaller} onClick={() => setFontSize((s) => FONT_SIZES[Math.max(0, FONT_SIZES.indexOf(s) - 1)] ?? s)}>
            A−
          </button>
          <button type="button" aria-label={t.fontLarger} title={t.fontLarger} onClick={() => setFontSize((s) => FONT_SIZES[Math.min(FONT_SIZES.length - 1, FONT_SIZES.indexOf(s) + 1)] ?? s)}>
            A+
          </button>
          <button type="button" className="lang-switch" title={t.languageLabel} aria-label={t.languageLabel} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.language}
          </button>
        </div>
      </header>

      {status?.state !== 'ready' ? (
        <main className="preparing" aria-busy={status?.state === 'preparing'}>
          <h1>{status?.state === 'error' ? t.openError : t.preparing}</h1>
          {status?.state === 'error' ? (
            <p className="error">{status.message === 'token' ? t.needToken : status.message}</p>
          ) : (
            <>
              <progress max={status?.total ?? 1} value={status?.done ?? 0} />
              <p>{status?.message === 'search' ? t.preparingSearch : status?.message ? `${t.preparingFile} ${status.message}` : ''}</p>
            </>
          )}
        </main>
      ) : (
        <main className={`workspace${results ? ' with-results' : ''}`}>
          {route.view === 'read' && reading ? (
            <div className={`panes${both ? ' two' : ''}`} style={both ? { gridTemplateColumns: `${split}fr 6px ${100 - split}fr` } : undefined}>
              {renderPane(0, leftDoc)}
              {both && (
                <div
                  className="splitter"
                  role="separator"
                  aria-orientation="vertical"
                  aria-valuenow={Math.round(split)}
                  aria-valuemin={20}
                  aria-valuemax={80}
                  tabIndex={0}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowLeft') setSplit((s) => Math.max(20, s - 5));
                    if (e.key === 'ArrowRight') setSplit((s) => Math.min(80, s + 5));
                  }}
                  onPointerDown={(e) => {
                    const box = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
                    const move = (ev: PointerEvent): void => setSplit(Math.min(80, Math.max(20, ((ev.clientX - box.left) / box.width) * 100)));
                    const up = (): void => {
                      window.removeEventListener('pointermove', move);
                      window.removeEventListener('pointerup', up);
                    };
                    window.addEventListener('pointermove', move);
                    window.addEventListener('pointerup', up);
                  }}
                />
              )}
              {renderPane(1, rightDoc)}
            </div>
          ) : (
            <LibraryView docs={docs} onOpen={(docId, pane) => open(docId, null, pane)} />
          )}
          {results && (
            <SearchPanel
              response={results}
              docs={docMap}
              onClose={() => setResults(null)}
              onOpen={(docId, clauseId, toOther) => {
                const pane = toOther ? other(focus) : focus;
                open(docId, clauseId, pane, results.folded);
              }}
            />
          )}
          <footer className="statusbar">{helpLine(t)}</footer>
        </main>
      )}
    </div>
  );
}
