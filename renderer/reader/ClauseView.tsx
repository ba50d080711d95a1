// One clause as read: its label, heading, paragraphs (or table), responsible units, and the
// actions every clause has: copy its citation, copy a link to it, open it in the other pane.

import { memo, useState, type ReactNode } from 'react';
import type { ReaderClause } from '../../shared/api.ts';
import type { UnitRole } from '../../shared/types.ts';
import { useI18n } from '../common/i18n.tsx';
import { Marked } from '../common/Marked.tsx';
import { clauseLink } from './reading.ts';

const HEADING_KINDS = new Set(['volume', 'chapter', 'section', 'part', 'preface']);
const ROLES: UnitRole[] = ['lead', 'cooperate', 'support', 'responsible'];

/** app:// and 127.0.0.1 are secure contexts, where the clipboard API is there. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface Props {
  clause: ReaderClause;
  terms: string[];
  active: boolean;
  onOpenOther: (clauseId: string) => void;
}

function ClauseViewImpl({ clause, terms, active, onOpenOther }: Props): ReactNode {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'citation' | 'link' | null>(null);
  const paragraphs = clause.text.split('\n');
  const first = paragraphs[0] ?? '';
  // 第一章 规划背景 on its own line is a heading; 前言 prints its name apart from its text.
  const asHeading = clause.heading !== null && HEADING_KINDS.has(clause.kind) && (first === clause.heading || clause.kind === 'preface');
  const body = asHeading && clause.kind !== 'preface' ? paragraphs.slice(1) : paragraphs;
  const flash = (what: 'citation' | 'link'): void => {
    setCopied(what);
    setTimeout(() => setCopied(null), 1200);
  };

  return (
    <article className={`clause kind-${clause.kind} depth-${Math.min(clause.depth, 4)}${active ? ' active' : ''}`} data-clause-id={clause.id} aria-label={clause.citation}>
      {asHeading && (
        <div className={`clause-heading level-${Math.min(clause.depth, 3)}`} role="heading" aria-level={Math.min(clause.depth + 2, 6)}>
          {clause.label && <span className="label">{clause.label}</span>}
          <Marked text={clause.heading ?? ''} terms={terms} />
        </div>
      )}
      {clause.table ? (
        <div className="table-wrap">
          <table>
            <tbody>
              {clause.table.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (i === 0 ? <th key={j}><Marked text={cell} terms={terms} /></th> : <td key={j}><Marked text={cell} terms={terms} /></td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        body.map((p, i) => {
          const lead = i === 0 && !asHeading;
          const headingPrefix = lead && clause.heading && p.startsWith(clause.heading) ? p.slice(0, clause.heading.length + (/[。．.：:]/.test(p.charAt(clause.heading.length)) ? 1 : 0)) : '';
          return (
            <p key={i} className={clause.kind === 'signature' ? 'signature-line' : undefined}>
              {lead && clause.label && <span className="label">{clause.label}</span>}
              {headingPrefix && <Marked className="inline-heading" text={headingPrefix} terms={terms} />}
              <Marked text={p.slice(headingPrefix.length)} terms={terms} />
            </p>
          );
        })
      )}
      {clause.units.length > 0 && (
        <div className="units">
          {ROLES.map((role) => {
            const names = clause.units.filter((u) => u.role === role).map((u) => u.name);
            return names.length > 0 ? (
              <span key={role} className={`unit-role role-${role}`}>
                <span className="role">{t.role[role]}</span>
                {names.join('、')}
              </span>
            ) : null;
          })}
        </div>
      )}
      <div className="clause-actions">
        <button
          type="button"
          title={clause.citation}
          onClick={() => {
            void copy(clause.citation).then((ok) => ok && flash('citation'));
          }}
        >
          {copied === 'citation' ? t.copied : t.copyCitation}
        </button>
        <button
          type="button"
          onClick={() => {
            void copy(clauseLink(clause.id)).then((ok) => ok && flash('link'));
          }}
        >
          {copied === 'link' ? t.copied : t.copyLink}
        </button>
        <button type="button" onClick={() => onOpenOther(clause.id)}>
          {t.openOther}
        </button>
      </div>
    </article>
  );
}

export const ClauseView = memo(ClauseViewImpl);
