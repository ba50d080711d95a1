// Global search results, grouped by document in rank order: each hit shows where it stands (its
// path of labels, 第六章 第三节) and its snippet with the matches marked; it opens in the focused
// pane or the other, or goes into a brief. Notes that hold the words come first, in a group of their own. Above them:
// how many match in all, what the query could not read (in the interface's language) and the
// other forms searched (也搜索了 跨境电子商务); below them, the next page.

import type { ReactNode } from 'react';
import { groupByDocument } from '../../shared/group.ts';
import { queryProblemText } from '../../shared/i18n.ts';
import { openAnnotation } from '../annotations/open.ts';
import { whereOf } from '../annotations/where.ts';
import { useShortcuts } from '../app/shortcuts.ts';
import { pickBrief } from '../briefs/briefs.ts';
import { useI18n } from '../common/i18n.tsx';
import { Marked } from '../common/Marked.tsx';
import { useDocumentMap } from '../library/library.ts';
import { MAX_SHOWN } from './search-store.ts';
import { search, useNoteHits, useSearch } from './search.ts';

interface Props {
  /** Opens a hit; `inOther`: in the pane without the focus. `terms`: the folded terms to mark. */
  onOpen: (docId: string, clauseId: string, inOther: boolean, terms: string[]) => void;
}

export function SearchPanel({ onOpen }: Props): ReactNode {
  const { t } = useI18n();
  const { response, error } = useSearch();
  const docs = useDocumentMap();
  // Escape closes the results, from the search box too; the box keeps its own Escape (it clears).
  useShortcuts({
    'results.close': () => {
      search.close();
    },
  });
  const hits = response?.hits ?? [];
  const groups = groupByDocument(hits);
  const open = (docId: string, clauseId: string, inOther: boolean): void => onOpen(docId, clauseId, inOther, response?.folded ?? []);
  const total = response?.total ?? hits.length;
  const listed = hits[0]?.tier === 'listed';
  const also = response?.expansions.flatMap((e) => e.also) ?? [];
  return (
    <section className="search-panel" aria-label={t.search} role="region">
      <header className="search-summary">
        <span aria-live="polite">
          {total} {t.results}
          {listed && <span className="listed"> · {t.query.listed}</span>}
        </span>
        <button type="button" aria-label={t.close} title={t.close} onClick={() => search.close()}>
          ×
        </button>
      </header>
      {response && response.problems.length > 0 && (
        <ul className="problems query-problems" role="alert">
          {response.problems.map((p) => (
            <li key={p.code}>{queryProblemText(t, p)}</li>
          ))}
        </ul>
      )}
      {also.length > 0 && (
        <p className="also-searched">
          {t.query.alsoSearched} {also.map((a) => `“${a}”`).join('、')}
        </p>
      )}
      {error !== null ? <p className="no-results problems">{error}</p> : hits.length === 0 && <p className="no-results">{t.noResults}</p>}
      <ol className="search-groups">
        <NoteGroup terms={response?.folded ?? []} />
        {groups.map((g) => {
          const doc = docs.get(g.docId);
          const first = g.hits[0];
          return (
            <li key={g.docId} className="search-group">
              <h3>
                <Marked text={doc?.title ?? g.docId} ranges={first?.titleMarks} />
                {doc && <span className="group-meta">{[doc.docNumber, doc.jurisdiction, doc.date].filter(Boolean).join(' · ')}</span>}
              </h3>
              <ol>
                {g.hits.map((h) => (
                  <li key={h.clauseId} className={`search-hit tier-${h.tier}`}>
                    <button type="button" className="hit-open" data-clause-id={h.clauseId} onClick={() => open(h.docId, h.clauseId, false)}>
                      <span className="hit-where">
                        {h.labelPath && <span className="label">{h.labelPath}</span>}
                        {h.heading && <Marked text={h.heading} ranges={h.headingMarks} />}
                      </span>
                      <span className="hit-snippet">
                        {h.excerpt.clippedStart && '…'}
                        <Marked text={h.excerpt.text.replace(/\n/g, ' ')} ranges={h.excerpt.marks} />
                        {h.excerpt.clippedEnd && '…'}
                      </span>
                    </button>
                    <button type="button" className="hit-other" title={t.openOther} onClick={() => open(h.docId, h.clauseId, true)}>
                      ⇆
                    </button>
                    <button type="button" className="hit-brief" title={t.briefs.addTo} aria-label={t.briefs.addTo} onClick={(e) => pickBrief([{ kind: 'clause', clauseId: h.clauseId }], e.currentTarget)}>
                      ＋
                    </button>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      {hits.length < Math.min(total, MAX_SHOWN) && (
        <footer className="search-more">
          <span>{t.query.shown.replace('{shown}', String(hits.length)).replace('{total}', String(total))}</span>
          <button type="button" onClick={() => void search.more()}>
            {t.query.more}
          </button>
        </footer>
      )}
    </section>
  );
}

function NoteGroup({ terms }: { terms: string[] }): ReactNode {
  const { t } = useI18n();
  const { notes } = useNoteHits();
  if (notes.length === 0) return null;
  return (
    <li className="search-group note-group" aria-label={t.notes.searchGroup}>
      <h3>
        {t.notes.searchGroup}
        <span className="group-meta">
          {notes.length} {t.annotations.count}
        </span>
      </h3>
      <ol>
        {notes.map((a) => (
          <li key={a.id} className={`search-hit note-hit${a.color ? ` note-${a.color}` : ''}`}>
            <button type="button" className="hit-open" data-annotation-id={a.id} onClick={() => openAnnotation(a)}>
              <span className="hit-where">
                <span className="label">{t.notes.kind[a.kind]}</span>
                {whereOf(a)}
              </span>
              {a.kind === 'highlight' && <span className="hit-quote">{a.targets.map((x) => x.quote.exact).join(' … ')}</span>}
              <span className="hit-snippet">
                <Marked text={a.noteText.replace(/\n/g, ' ')} terms={terms} />
              </span>
            </button>
            <button type="button" className="hit-other" title={t.openOther} onClick={() => openAnnotation(a, true)}>
              ⇆
            </button>
          </li>
        ))}
      </ol>
    </li>
  );
}
