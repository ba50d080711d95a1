// The document as printed: its title, what identifies it and the day it was printed, then every
// clause (or the selected ones) in plain flow, with no chrome; shown only to print (styles.css,
// @media print), with page numbers in the page's margin.

import { useEffect, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { NO_NOTES, NO_SPANS } from '../annotations/annotation-index.ts';
import { useI18n } from '../common/i18n.tsx';
import { useStore } from '../common/store.ts';
import { isExpired, issuerBesidePlaces } from '../library/library-view.ts';
import { ClauseView } from './ClauseView.tsx';
import { endPrint, preparePrint, printJob } from './print.ts';
import { documentNow } from './reading.ts';

const NO_TERMS: string[] = [];
const nothing = (): void => undefined;

/** Renders the job at once, so that the print that follows sees it. */
const prepareNow = (): boolean => {
  let ready = false;
  flushSync(() => {
    ready = preparePrint();
  });
  return ready;
};

export function PrintView(): ReactNode {
  const { t } = useI18n();
  const job = useStore(printJob);
  useEffect(() => {
    const before = (): void => void prepareNow();
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', endPrint);
    window.clausewayPrint = {
      // A frame later, the fonts of the new text are laid out.
      prepare: () => Promise.resolve(prepareNow()).then((ok) => new Promise<boolean>((r) => requestAnimationFrame(() => r(ok)))),
      done: endPrint,
    };
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', endPrint);
      delete window.clausewayPrint;
    };
  }, []);
  const doc = job ? documentNow(job.docId) : null;
  if (!job || !doc) return null;
  const { summary } = doc;
  const wanted = job.clauseIds ? new Set(job.clauseIds) : null;
  const clauses = wanted ? doc.clauses.filter((c) => wanted.has(c.id)) : doc.clauses;
  const places = summary.jurisdictions.map((j) => j.name);
  const issuer = issuerBesidePlaces(summary);
  const expired = isExpired(summary, new Date().toISOString().slice(0, 10));
  return (
    <div className="print-view" lang="zh">
      <header className="print-header">
        <h1>{summary.title}</h1>
        <p className="print-meta">
          {[t.kind[summary.kind], places.join('、'), issuer, summary.date, summary.docNumber].filter(Boolean).join(' · ')}
          {summary.validUntil && ` · ${t.validUntil} ${summary.validUntil}${expired ? `（${t.expired}）` : ''}`}
        </p>
        <p className="print-meta">
          {t.daily.printed} {new Date().toISOString().slice(0, 10)} · 条文通 Clauseway
        </p>
      </header>
      {clauses.map((c) => (
        <ClauseView key={c.id} clause={c} terms={NO_TERMS} findAt={null} active={false} highlights={NO_SPANS} notes={NO_NOTES} onOpenOther={nothing} onNote={nothing} onOpenAnnotation={nothing} />
      ))}
    </div>
  );
}
