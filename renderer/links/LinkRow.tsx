// One link in the panel: its kind (with what the kind means), its score, the document and place it
// is in, the linked clause's words with the shared ones marked, the shared terms, a reader's reason;
// and what can be done with it: open it beside, compare the wording, remove a manual link (undo in
// the toast).

import type { ReactNode } from 'react';
import type { ClauseLink } from '../../shared/api.ts';
import { failed } from '../annotations/actions.ts';
import { useI18n } from '../common/i18n.tsx';
import { Marked } from '../common/Marked.tsx';
import { toasts } from '../common/toast.ts';
import { diffing } from './diff.ts';
import { links } from './links.ts';
import { asRanges } from './shared-marks.ts';

interface Props {
  link: ClauseLink;
  /** The clause the panel is for. */
  from: string;
  opened: boolean;
  onOpen: (link: ClauseLink) => void;
}

/** Where the linked clause stands in its document (the row names the document above it). */
function withinDocument(link: ClauseLink): string {
  const rest = link.citation.startsWith(link.docTitle) ? link.citation.slice(link.docTitle.length).trim() : link.citation;
  return rest || link.citation;
}

/** How many shared terms a row lists; the marks in the text show them all. */
const TERMS_SHOWN = 8;

export function LinkRow({ link, from, opened, onOpen }: Props): ReactNode {
  const { t } = useI18n();
  const { kind, clauseId } = link;
  const remove = (): void => {
    links.unlink(link, from).then(
      ({ undo }) => toasts.show({ message: t.links.removed, action: { label: t.notes.undo, run: () => void undo().catch(failed) } }),
      failed,
    );
  };
  return (
    <li className={`link-row${opened ? ' opened' : ''}`} data-clause-id={clauseId ?? undefined} data-kind={kind}>
      <div className="link-meta">
        <span className={`link-kind kind-${kind}`} title={t.links.kindHint[kind]}>
          {t.links.kind[kind]}
        </span>
        {kind !== 'manual' && (
          <span className="link-score" title={t.links.score}>
            <span className="score-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(Math.min(1, link.score) * 100)}%` }} />
            </span>
            <span aria-label={t.links.score}>{link.score.toFixed(2)}</span>
          </span>
        )}
        {link.status === 'orphan' && <span className="status-orphan">{t.notes.status.orphan}</span>}
        <span className="link-doc" title={link.docTitle}>
          {[link.docTitle, link.date].filter(Boolean).join(' · ')}
        </span>
      </div>
      <button type="button" className="link-open" title={t.links.open} onClick={() => onOpen(link)}>
        <span className="where">{withinDocument(link)}</span>
        <Marked className="text" text={link.text} ranges={asRanges(link.evidence.there, link.text.length)} />
      </button>
      {link.why && (
        <p className="link-why" data-label={t.links.why}>
          {link.why}
        </p>
      )}
      {link.evidence.terms.length > 0 && (
        <div className="link-terms" role="list" aria-label={t.links.shared} title={t.links.shared}>
          {link.evidence.terms.slice(0, TERMS_SHOWN).map((term) => (
            <span key={term} className="term" role="listitem">
              {term}
            </span>
          ))}
        </div>
      )}
      <div className="link-actions">
        {clauseId && kind !== 'citation' && (
          <button type="button" onClick={() => diffing.open({ a: from, b: clauseId })}>
            {t.links.diff}
          </button>
        )}
        {kind === 'manual' && link.manualId && (
          <button type="button" className="danger" onClick={remove}>
            {t.links.remove}
          </button>
        )}
      </div>
    </li>
  );
}
