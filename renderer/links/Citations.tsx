// What a document cites, by title in 《》 or by document number: each once, those the library holds
// (open beside), and those it lacks, so that the reader knows what to import; and the documents
// of the library that cite it (open beside at the citing clause, the citation marked).

import type { ReactNode } from 'react';
import type { DocumentCitation } from '../../shared/api.ts';
import { useI18n } from '../common/i18n.tsx';
import { useDocumentMap } from '../library/library.ts';
import { reading } from '../reader/reading.ts';
import { docOfClause } from './LinkBadge.tsx';
import { usePanel } from './links.ts';
import type { Subject } from './links-store.ts';
import { sharedMarks } from './shared-marks.ts';

/** Each cited text once, in the order first cited, with how many times it is cited. */
function distinct(list: readonly DocumentCitation[]): { first: DocumentCitation; times: number }[] {
  const seen = new Map<string, { first: DocumentCitation; times: number }>();
  for (const c of list) {
    const entry = seen.get(c.text);
    if (entry) entry.times++;
    else seen.set(c.text, { first: c, times: 1 });
  }
  return [...seen.values()];
}

export function Citations({ subject }: { subject: Subject }): ReactNode {
  const { t } = useI18n();
  const { citations } = usePanel();
  const docs = useDocumentMap();
  if (!citations || citations.state === 'loading') return null;
  if (citations.state === 'failed') return <p className="links-status problems">{citations.message}</p>;
  const resolved = distinct(citations.value.resolved);
  // A document that names itself (a news lead before the text it reports) lacks nothing.
  const self = docs.get(subject.docId)?.title;
  const missing = distinct(citations.value.unresolved).filter(({ first }) => first.text.replace(/^《|》$/g, '') !== self);
  const other = subject.pane === 0 ? 1 : 0;
  return (
    <>
      <section className="links-section citations" aria-label={t.links.citations}>
        <h3>{t.links.citations}</h3>
        {resolved.length + missing.length === 0 && <p className="links-status">{t.links.noCitations}</p>}
        {missing.length > 0 && <p className="citations-missing">{t.links.missingCount.replace('{n}', String(missing.length))}</p>}
        <ul className="links-list">
          {missing.map(({ first, times }) => (
            <li key={first.text} className="citation-row missing">
              <span className="cited">
                {first.text}
                {times > 1 && ` ×${times}`}
              </span>
              <span className="state">{t.links.missing}</span>
            </li>
          ))}
          {resolved.map(({ first, times }) => (
            <li key={first.text} className="citation-row">
              <span className="cited" title={first.docTitle ?? undefined}>
                {first.text}
                {times > 1 && ` ×${times}`}
              </span>
              <span className="state">{t.links.inLibrary}</span>
              {first.docId && (
                <button type="button" onClick={() => first.docId && reading.open(first.docId, null, other)}>
                  {t.links.openDoc}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <CitedBy list={citations.value.citedBy} pane={other} />
    </>
  );
}

/** The documents that cite this one, each once, at the first clause that does. */
function CitedBy({ list, pane }: { list: readonly DocumentCitation[]; pane: 0 | 1 }): ReactNode {
  const { t } = useI18n();
  const docs = useDocumentMap();
  const first = new Map<string, DocumentCitation>();
  for (const c of list) if (!first.has(docOfClause(c.clauseId))) first.set(docOfClause(c.clauseId), c);
  if (first.size === 0) return null;
  const open = (c: DocumentCitation): void => {
    sharedMarks.show([{ clauseId: c.clauseId, ranges: [c.at] }]);
    reading.open(docOfClause(c.clauseId), c.clauseId, pane);
  };
  return (
    <section className="links-section citations" aria-label={t.links.citedBy}>
      <h3>{t.links.citedBy}</h3>
      <ul className="links-list">
        {[...first].map(([docId, c]) => (
          <li key={docId} className="citation-row">
            <span className="cited">{docs.get(docId)?.title ?? docId}</span>
            <button type="button" onClick={() => open(c)}>
              {t.links.openDoc}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
