// Two documents compared clause by clause (#/compare?a=DOC&b=DOC): the clauses matched pairwise,
// side by side in A's order with their score, and what each has that the other lacks. A pair
// opens both documents side by side at it; its wording can be compared.

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CompareResponse, ReaderClause } from '../../shared/api.ts';
import type { DocumentSummary } from '../../shared/types.ts';
import { api } from '../api/client.ts';
import type { CompareRoute } from '../app/route.ts';
import { router } from '../app/router.ts';
import { useI18n } from '../common/i18n.tsx';
import { useSelect } from '../common/store.ts';
import { useDocuments } from '../library/library.ts';
import { useDocument } from '../reader/reading.ts';
import { diffing } from './diff.ts';

const NO_ROUTE: CompareRoute = { view: 'compare', a: null, b: null };

export function CompareView(): ReactNode {
  const { t } = useI18n();
  const route = useSelect(router, (r) => (r.view === 'compare' ? r : NO_ROUTE));
  const docs = useDocuments();
  const { a, b } = route;
  const go = (next: Partial<CompareRoute>): void => router.navigate({ ...route, ...next }, true);
  const pick = (side: 'a' | 'b', label: string): ReactNode => (
    <select aria-label={label} value={route[side] ?? ''} onChange={(e) => go(side === 'a' ? { a: e.target.value || null } : { b: e.target.value || null })}>
      <option value="">{label}</option>
      {docs.map((d) => (
        <option key={d.id} value={d.id}>
          {d.title}
        </option>
      ))}
    </select>
  );
  return (
    <section className="compare-view" aria-label={t.links.compareTitle}>
      <div className="compare-bar">
        <h1>{t.links.compareTitle}</h1>
        {pick('a', t.links.pickA)}
        <button type="button" onClick={() => go({ a: b, b: a })} disabled={!a && !b}>
          ⇄ {t.links.swap}
        </button>
        {pick('b', t.links.pickB)}
        {a && b && (
          <button type="button" onClick={() => router.navigate({ view: 'read', panes: [{ docId: a, clauseId: null }, { docId: b, clauseId: null }], focus: 0 })}>
            {t.links.readBoth}
          </button>
        )}
      </div>
      {a && b && a !== b ? <Comparison key={`${a}|${b}`} a={a} b={b} docs={docs} /> : <p className="compare-prompt">{t.links.pickPrompt}</p>}
    </section>
  );
}

function Comparison({ a, b, docs }: { a: string; b: string; docs: readonly DocumentSummary[] }): ReactNode {
  const { t } = useI18n();
  const [result, setResult] = useState<CompareResponse | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    api.compareDocuments({ a, b }).then(
      (r) => live && setResult(r),
      (e: unknown) => live && setResult({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [a, b]);
  const docA = useDocument(a);
  const docB = useDocument(b);
  const clausesA = useClauseMap(docA.state === 'ready' ? docA.doc.clauses : null);
  const clausesB = useClauseMap(docB.state === 'ready' ? docB.doc.clauses : null);
  const title = (id: string): string => docs.find((d) => d.id === id)?.title ?? id;
  if (result === null || !clausesA || !clausesB) return <p className="compare-prompt" aria-busy="true">…</p>;
  if ('error' in result) return <p className="compare-prompt problems">{result.error}</p>;
  const read = (clauseA: string | null, clauseB: string | null): void =>
    router.navigate({ view: 'read', panes: [{ docId: a, clauseId: clauseA }, { docId: b, clauseId: clauseB }], focus: 0 });
  return (
    <>
      <section className="compare-section" aria-label={t.links.pairs}>
        <h2>
          {t.links.pairs} · {t.links.pairCount.replace('{n}', String(result.pairs.length))}
        </h2>
        <table className="compare-pairs">
          <thead>
            <tr>
              <th scope="col">{title(a)}</th>
              <th scope="col" className="score-col">
                {t.links.score}
              </th>
              <th scope="col">{title(b)}</th>
            </tr>
          </thead>
          <tbody>
            {result.pairs.map((p) => (
              <tr key={`${p.a}|${p.b}`} data-a={p.a} data-b={p.b}>
                <td>
                  <ClauseCell clause={clausesA.get(p.a)} docTitle={title(a)} onOpen={() => read(p.a, p.b)} />
                </td>
                <td className="score">
                  {p.score.toFixed(2)}
                  <button type="button" onClick={() => diffing.open({ a: p.a, b: p.b })}>
                    {t.links.diff}
                  </button>
                </td>
                <td>
                  <ClauseCell clause={clausesB.get(p.b)} docTitle={title(b)} onOpen={() => read(p.a, p.b)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="compare-section compare-only">
        <OnlyIn title={title(a)} ids={result.onlyA} clauses={clausesA} onOpen={(id) => read(id, null)} />
        <OnlyIn title={title(b)} ids={result.onlyB} clauses={clausesB} onOpen={(id) => read(null, id)} />
      </section>
    </>
  );
}

function useClauseMap(clauses: readonly ReaderClause[] | null): ReadonlyMap<string, ReaderClause> | null {
  return useMemo(() => (clauses ? new Map(clauses.map((c) => [c.id, c])) : null), [clauses]);
}

/** Where a clause stands in its document: its citation without the document's title. */
function where(clause: ReaderClause, docTitle: string): string {
  const rest = clause.citation.startsWith(docTitle) ? clause.citation.slice(docTitle.length).trim() : clause.citation;
  return rest || clause.label;
}

function ClauseCell({ clause, docTitle, onOpen }: { clause: ReaderClause | undefined; docTitle: string; onOpen: () => void }): ReactNode {
  if (!clause) return null;
  return (
    <button type="button" className="compare-clause" onClick={onOpen}>
      <span className="where">{where(clause, docTitle)}</span>
      <span className="text">{clause.text}</span>
    </button>
  );
}

function OnlyIn({ title, ids, clauses, onOpen }: { title: string; ids: readonly string[]; clauses: ReadonlyMap<string, ReaderClause>; onOpen: (id: string) => void }): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-label={`${t.links.onlyIn} ${title}`}>
      <h2>
        {t.links.onlyIn} {title} · {ids.length}
      </h2>
      {ids.length === 0 && <p className="none">{t.links.nothingOnly}</p>}
      <ol>
        {ids.map((id) => {
          const c = clauses.get(id);
          return <li key={id}>{c && <ClauseCell clause={c} docTitle={title} onOpen={() => onOpen(id)} />}</li>;
        })}
      </ol>
    </section>
  );
}
