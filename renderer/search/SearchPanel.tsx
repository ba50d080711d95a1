// Global search results, grouped by document in rank order: each hit shows where it stands (its
// citation) and its snippet with the matches marked; it opens in the focused pane or the other.

import type { ReactNode } from 'react';
import { groupByDocument } from '../../shared/group.ts';
import type { DocumentSummary, SearchResponse } from '../../shared/types.ts';
import { useI18n } from '../common/i18n.tsx';
import { Marked } from '../common/Marked.tsx';

interface Props {
  response: SearchResponse;
  docs: Map<string, DocumentSummary>;
  onOpen: (docId: string, clauseId: string, other: boolean) => void;
  onClose: () => void;
}

export function SearchPanel({ response, docs, onOpen, onClose }: Props): ReactNode {
  const { t } = useI18n();
  const groups = groupByDocument(response.hits);
  return (
    <section className="search-panel" aria-label={t.search} role="region">
      <header className="search-summary">
        <span aria-live="polite">
          {response.total ?? response.hits.length} {t.results}
          {response.problems.length > 0 && <span className="problems"> · {response.problems.join('；')}</span>}
        </span>
        <button type="button" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      {response.hits.length === 0 && <p className="no-results">{t.noResults}</p>}
      <ol className="search-groups">
        {groups.map((g) => {
          const doc = docs.get(g.docId);
          const first = g.hits[0];
          return (
            <li key={g.docId} className="search-group">
              <h3>
                <Marked text={doc?.title ?? g.docId} ranges={first?.titleMarks} />
                {doc && <span className="group-meta">{[doc.jurisdiction, doc.date].filter(Boolean).join(' · ')}</span>}
              </h3>
              <ol>
                {g.hits.map((h) => (
                  <li key={h.clauseId} className={`search-hit tier-${h.tier}`}>
                    <button type="button" className="hit-open" data-clause-id={h.clauseId} onClick={() => onOpen(h.docId, h.clauseId, false)}>
                      <span className="hit-where">
                        {h.label && <span className="label">{h.label}</span>}
                        {h.heading && <Marked text={h.heading} ranges={h.headingMarks} />}
                      </span>
                      <span className="hit-snippet">
                        {h.excerpt.clippedStart && '…'}
                        <Marked text={h.excerpt.text.replace(/\n/g, ' ')} ranges={h.excerpt.marks} />
                        {h.excerpt.clippedEnd && '…'}
                      </span>
                    </button>
                    <button type="button" className="hit-other" title={t.openOther} onClick={() => onOpen(h.docId, h.clauseId, true)}>
                      ⇆
                    </button>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
