// A pane's header: the outline toggle, the title, the document's notes, the close button, what identifies the document
// (kind, where it stands, jurisdictions, issuer, date, when it takes effect, number, validity), its
// history and versions (DocHistory), and below them the find bar when open.

import type { ReactNode } from 'react';
import type { DocumentSummary, DocumentVersion, HistoryEvent } from '../../shared/types.ts';
import { annotating } from '../annotations/annotations.ts';
import { anchorOf } from '../annotations/ui-store.ts';
import { useI18n } from '../common/i18n.tsx';
import { CompareWithOther } from '../links/CompareButton.tsx';
import { MetadataButton } from '../import/MetadataButton.tsx';
import { effectiveOfItsOwn, isExpired, issuerBesidePlaces, statusOf } from '../library/library-view.ts';
import { DocHistory } from './DocHistory.tsx';

interface Props {
  summary: DocumentSummary;
  history: readonly HistoryEvent[];
  versions: readonly DocumentVersion[];
  onOpenVersion: (docId: string) => void;
  /** How many notes the document carries as a whole. */
  docNotes: number;
  showOutline: boolean;
  onToggleOutline: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function PaneHeader({ summary, history, versions, onOpenVersion, docNotes, showOutline, onToggleOutline, onClose, children }: Props): ReactNode {
  const { t } = useI18n();
  const places = summary.jurisdictions.map((j) => j.name);
  const issuer = issuerBesidePlaces(summary);
  const today = new Date().toISOString().slice(0, 10);
  const expired = isExpired(summary, today);
  const effective = effectiveOfItsOwn(summary);
  // Among its versions, as the engine ranked them; else by its own dates.
  const status = versions.find((v) => v.id === summary.id)?.status ?? statusOf(summary, today);
  return (
    <header className="pane-header">
      <div className="pane-title-row">
        <button type="button" className="outline-toggle" aria-pressed={showOutline} title={showOutline ? t.hideOutline : t.showOutline} onClick={onToggleOutline}>
          ☰
        </button>
        <h1 className="pane-title" title={summary.title}>
          {summary.title}
        </h1>
        <button
          type="button"
          className={`doc-notes-button${docNotes > 0 ? ' has-notes' : ''}`}
          onClick={(e) => annotating.open({ kind: 'doc-notes', docId: summary.id, anchor: anchorOf(e.currentTarget.getBoundingClientRect()) })}
        >
          {t.notes.docNotes}
          {docNotes > 0 && <span className="count">{docNotes}</span>}
        </button>
        <CompareWithOther docId={summary.id} />
        <MetadataButton summary={summary} />
        <button type="button" className="pane-print" title={t.daily.print} onClick={() => window.print()}>
          {t.daily.print}
        </button>
        <button type="button" className="pane-close" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="pane-meta">
        <span className={`badge badge-${summary.kind}`}>{t.kind[summary.kind]}</span>
        {/* The validity below says 已失效 itself. */}
        {summary.kind !== 'news' && !(status === 'expired' && summary.validUntil) && <span className={`doc-status status-${status}`}>{t.versions.status[status]}</span>}
        <span>{places.join('、')}</span>
        {issuer && <span>{issuer}</span>}
        {summary.date && <span>{summary.date}</span>}
        {effective && (
          <span className="doc-effective">
            {t.versions.effective} {effective}
          </span>
        )}
        {summary.docNumber && <span>{summary.docNumber}</span>}
        {summary.validUntil && (
          <span className={expired ? 'validity expired' : 'validity'}>
            {t.validUntil} {summary.validUntil}
            {expired ? ` · ${t.expired}` : ''}
          </span>
        )}
      </div>
      <DocHistory docId={summary.id} history={history} versions={versions} onOpen={onOpenVersion} />
      {children}
    </header>
  );
}
