// The links of one clause, beside the panes: "what does each place say", grouped by level and
// place, each link with its kind, score and evidence (the shared words). Opening a link puts its
// clause in the other pane, scrolled to it, with the shared words marked in both. Below: a manual
// link to the clause the other pane is at, and what the document cites (and what of it the library
// lacks). Escape closes the panel; the focus goes back to the text.

import { useEffect, useRef, type ReactNode } from 'react';
import type { ClauseLink } from '../../shared/api.ts';
import { isShortcut } from '../../shared/keymap.ts';
import { useI18n } from '../common/i18n.tsx';
import { useDocument } from '../reader/reading.ts';
import { Citations } from './Citations.tsx';
import { groupByPlace, linkKey } from './group-links.ts';
import { LinkRow } from './LinkRow.tsx';
import { usePanel } from './links.ts';
import { ManualLinkForm } from './ManualLinkForm.tsx';
import { closePanel, openLink } from './open.ts';
import type { Subject } from './links-store.ts';

export function LinksPanel(): ReactNode {
  const { t } = useI18n();
  const panel = usePanel();
  const ref = useRef<HTMLElement>(null);
  const { subject } = panel;
  // A panel opened anew takes the focus, so that its links are the next Tab stops.
  useEffect(() => {
    if (subject) ref.current?.focus({ preventScroll: true });
  }, [subject]);
  if (!subject) return null;
  return (
    <section
      ref={ref}
      className="links-panel"
      role="region"
      aria-label={t.links.panel}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (!isShortcut(e.nativeEvent, 'links.close')) return;
        e.stopPropagation();
        closePanel(subject);
      }}
    >
      <header className="links-head">
        <div className="links-head-row">
          <h2>{subject.clauseId ? t.links.panelFor : t.links.citations}</h2>
          <button type="button" className="close" aria-label={t.links.close} title={t.links.close} onClick={() => closePanel(subject)}>
            ×
          </button>
        </div>
        <SubjectLine subject={subject} />
      </header>
      {subject.clauseId && <ClauseLinks subject={subject} clauseId={subject.clauseId} />}
      {subject.clauseId && <ManualLinkForm key={subject.clauseId} subject={subject} clauseId={subject.clauseId} />}
      <Citations subject={subject} />
    </section>
  );
}

/** The clause (or document) the panel is for, as the pane shows it. */
function SubjectLine({ subject }: { subject: Subject }): ReactNode {
  const entry = useDocument(subject.docId);
  if (entry.state !== 'ready') return null;
  const clause = subject.clauseId ? entry.doc.clauses.find((c) => c.id === subject.clauseId) : null;
  return (
    <p className="links-subject">
      <span className="where">{clause ? clause.citation : entry.doc.summary.title}</span>
      {clause && <span className="text">{clause.text}</span>}
    </p>
  );
}

function ClauseLinks({ subject, clauseId }: { subject: Subject; clauseId: string }): ReactNode {
  const { t } = useI18n();
  const { links: loaded, opened } = usePanel();
  if (!loaded || loaded.state === 'loading') return <p className="links-status" aria-busy="true">{t.links.loading}</p>;
  if (loaded.state === 'failed') return <p className="links-status problems">{loaded.message}</p>;
  const list = loaded.value;
  if (list.length === 0) return <p className="links-status">{t.links.none}</p>;
  const open = (link: ClauseLink): void => openLink(subject, clauseId, link);
  return (
    <section className="links-section" aria-label={t.links.whatEachSays}>
      <h3>{t.links.whatEachSays}</h3>
      {groupByPlace(list).map((g) => (
        <section key={g.key} className="links-place" aria-label={g.jurisdiction}>
          <h4>
            {g.jurisdiction}
            <span className="level">{t.level[g.level]}</span>
            <span className="count">{g.links.length}</span>
          </h4>
          <ol className="links-list">
            {g.links.map((link) => (
              <LinkRow key={linkKey(link)} link={link} from={clauseId} opened={opened === linkKey(link)} onOpen={open} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
