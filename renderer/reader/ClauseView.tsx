// One clause as read: its label, heading, paragraphs (or table), responsible units, its notes, and
// the actions every clause has: copy its citation, copy a link to it, open it in the other pane,
// write a note on it, add it to a brief; beside it, how many cross-links it has (links/LinkBadge.tsx).
// Its text is shown as runs of the clause text (clause-layout.ts), with the clause's highlights, the
// search marks and a cross-link's shared words on them.

import { memo, useState, type ReactNode } from 'react';
import type { Annotation, ReaderClause } from '../../shared/api.ts';
import type { Range } from '../../shared/snippet.ts';
import type { UnitRole } from '../../shared/types.ts';
import type { HighlightSpan } from '../annotations/pieces.ts';
import { ClauseNotes } from '../annotations/ClauseNotes.tsx';
import { pickBrief } from '../briefs/briefs.ts';
import { copyText } from '../common/clipboard.ts';
import { useI18n } from '../common/i18n.tsx';
import { Marked } from '../common/Marked.tsx';
import { LinkBadge } from '../links/LinkBadge.tsx';
import { useSharedRanges } from '../links/shared-marks.ts';
import { formatRoute } from '../app/route.ts';
import { layoutClause } from './clause-layout.ts';
import { clauseLink } from './reading.ts';
import { TextRun } from './TextRun.tsx';

const ROLES: UnitRole[] = ['lead', 'cooperate', 'support', 'responsible'];

interface Props {
  clause: ReaderClause;
  terms: string[];
  /** Where the current occurrence of find stands in this clause's text, if it is in this clause. */
  findAt: Range | null;
  active: boolean;
  /** This clause's highlights, oldest first (the same array while they do not change). */
  highlights: readonly HighlightSpan[];
  /** Notes on the whole clause. */
  notes: readonly Annotation[];
  onOpenOther: (clauseId: string) => void;
  /** Opens the note on this clause (a new one if it has none), beside `anchor`. */
  onNote: (clause: ReaderClause, anchor: HTMLElement) => void;
  /** Opens an annotation (one of `notes`) beside `anchor`. */
  onOpenAnnotation: (id: string, anchor: HTMLElement) => void;
}

function ClauseViewImpl({ clause, terms, findAt, active, highlights, notes, onOpenOther, onNote, onOpenAnnotation }: Props): ReactNode {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'citation' | 'link' | null>(null);
  const layout = layoutClause(clause);
  const shared = useSharedRanges(clause.id);
  const { text } = clause;
  const flash = (what: 'citation' | 'link'): void => {
    setCopied(what);
    setTimeout(() => setCopied(null), 1200);
  };
  const cell = (value: string, run: (typeof layout.table & object)[number][number]): ReactNode =>
    run ? <TextRun text={text} run={run} spans={highlights} terms={terms} shared={shared} current={findAt} /> : <Marked text={value} terms={terms} />;

  return (
    <article className={`clause kind-${clause.kind} depth-${Math.min(clause.depth, 4)}${active ? ' active' : ''}`} data-clause-id={clause.id} aria-label={clause.citation}>
      {layout.heading && (
        <div className={`clause-heading level-${Math.min(clause.depth, 3)}`} role="heading" aria-level={Math.min(clause.depth + 2, 6)}>
          {clause.label && <span className="label">{clause.label}</span>}
          {layout.heading.run ? <TextRun text={text} run={layout.heading.run} spans={highlights} terms={terms} shared={shared} current={findAt} /> : <Marked text={layout.heading.text} terms={terms} />}
        </div>
      )}
      {clause.table && layout.table ? (
        <div className="table-wrap">
          <table>
            <tbody>
              {clause.table.map((row, i) => (
                <tr key={i}>
                  {row.map((value, j) => {
                    const run = layout.table?.[i]?.[j] ?? null;
                    return i === 0 ? <th key={j}>{cell(value, run)}</th> : <td key={j}>{cell(value, run)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        layout.paragraphs.map((p, i) => (
          <p key={i} className={clause.kind === 'signature' ? 'signature-line' : undefined}>
            {p.lead && clause.label && <span className="label">{clause.label}</span>}
            {p.heading && <TextRun className="inline-heading" text={text} run={p.heading} spans={highlights} terms={terms} shared={shared} current={findAt} />}
            <TextRun text={text} run={p.body} spans={highlights} terms={terms} shared={shared} current={findAt} />
          </p>
        ))
      )}
      {clause.units.length > 0 && (
        <div className="units">
          {ROLES.map((role) => {
            const names = clause.units.filter((u) => u.role === role).map((u) => u.name);
            // Each unit leads to its tasks across the library (renderer/units/).
            return names.length > 0 ? (
              <span key={role} className={`unit-role role-${role}`}>
                <span className="role">{t.role[role]}</span>
                {names.map((n, i) => (
                  <span key={n}>
                    {i > 0 && '、'}
                    <a className="unit-link" href={formatRoute({ view: 'units', name: n })}>
                      {n}
                    </a>
                  </span>
                ))}
              </span>
            ) : null;
          })}
        </div>
      )}
      {notes.length > 0 && <ClauseNotes notes={notes} onOpen={onOpenAnnotation} />}
      <LinkBadge clauseId={clause.id} />
      <div className="clause-actions">
        <button type="button" onClick={(e) => onNote(clause, e.currentTarget)}>
          {notes.length > 0 ? t.notes.editClauseNote : t.notes.addClauseNote}
        </button>
        <button
          type="button"
          title={clause.citation}
          onClick={() => {
            void copyText(clause.citation).then((ok) => ok && flash('citation'));
          }}
        >
          {copied === 'citation' ? t.copied : t.copyCitation}
        </button>
        <button
          type="button"
          onClick={() => {
            void copyText(clauseLink(clause.id)).then((ok) => ok && flash('link'));
          }}
        >
          {copied === 'link' ? t.copied : t.copyLink}
        </button>
        <button type="button" onClick={() => onOpenOther(clause.id)}>
          {t.openOther}
        </button>
        <button type="button" onClick={(e) => pickBrief([{ kind: 'clause', clauseId: clause.id }], e.currentTarget)}>
          {t.briefs.addTo}
        </button>
      </div>
    </article>
  );
}

export const ClauseView = memo(ClauseViewImpl);
