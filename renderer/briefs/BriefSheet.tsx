// The brief as it prints: one A4 column laid out after GB/T 9704-2012 (briefs.css), the same
// order and numbering as the exports. Printing the page prints this alone, which is browser
// mode's PDF. Text is never HTML: notes go through NoteView, quotes are text.

import type { CSSProperties, ReactNode } from 'react';
import type { Brief, BriefItem } from '../../shared/api.ts';
import type { Messages } from '../../shared/i18n.ts';
import { NoteView } from '../annotations/NoteView.tsx';
import { openLinkedClause } from '../annotations/open.ts';
import { useI18n } from '../common/i18n.tsx';
import { citedSource, citedWork, sectionNumber, subheadingNumber } from './numbering.ts';

function SheetItem({ item, sub, t }: { item: BriefItem; sub: number; t: Messages }): ReactNode {
  const open = (clauseId: string): void => openLinkedClause(clauseId, t.notes.notALink);
  if (item.kind === 'heading') {
    return (
      <h3>
        {subheadingNumber(sub)}
        {item.text}
      </h3>
    );
  }
  if (item.kind === 'text') {
    return (
      <div className="sheet-text">
        <NoteView note={item.note} onOpenClause={open} />
      </div>
    );
  }
  const noteLabel = { '--note-label': `"${t.briefs.noteLabel}"` } as CSSProperties;
  return (
    <div className="sheet-excerpt" data-item-id={item.id}>
      {item.quote.split('\n').map((line, i) => (
        <p key={i} className="sheet-quote">
          <span className={item.color ? `hl hl-${item.color}` : undefined}>{line}</span>
        </p>
      ))}
      <p className="sheet-citation">
        ——<a href={item.link}>{citedWork(item.citation)}</a>
        {citedSource(item.citation)}
      </p>
      {item.status !== 'current' && <p className="sheet-changed">{t.briefs.status[item.status]}</p>}
      {item.note && (
        <div className="sheet-note" style={noteLabel}>
          <NoteView note={item.note} onOpenClause={open} />
        </div>
      )}
    </div>
  );
}

export function BriefSheet({ brief }: { brief: Brief }): ReactNode {
  const { t } = useI18n();
  let number = 0;
  return (
    <div className="brief-preview-desk">
      <article className="brief-sheet" aria-label={t.briefs.preview}>
        <h1>{brief.title}</h1>
        {brief.subtitle && <p className="sheet-subtitle">{brief.subtitle}</p>}
        {brief.sections.map((s) => {
          let sub = 0;
          return (
            <section key={s.id}>
              {s.heading && (
                <h2>
                  {sectionNumber(number++)}
                  {s.heading}
                </h2>
              )}
              {s.items.map((item) => (
                <SheetItem key={item.id} item={item} sub={item.kind === 'heading' ? sub++ : sub} t={t} />
              ))}
            </section>
          );
        })}
      </article>
    </div>
  );
}
