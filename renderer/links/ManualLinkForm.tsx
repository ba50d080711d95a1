// A manual link: from the clause the panel is for to the clause the other pane is at, with an
// optional reason. The other pane's clause is read when the form opens (the reader scrolls there
// first), and named, so that the reader sees what will be linked.

import { useState, type ReactNode } from 'react';
import { failed } from '../annotations/actions.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import { documentNow } from '../reader/reading.ts';
import { links } from './links.ts';
import type { Subject } from './links-store.ts';
import { paneAt } from './open.ts';

interface Target {
  clauseId: string;
  citation: string;
}

/** The clause the other pane is at, or why there is none to link to. */
function otherClause(subject: Subject, clauseId: string): Target | 'none' | 'same' {
  const at = paneAt(subject.pane === 0 ? 1 : 0);
  if (!at?.clauseId) return 'none';
  if (at.clauseId === clauseId) return 'same';
  const clause = documentNow(at.docId)?.clauses.find((c) => c.id === at.clauseId);
  return { clauseId: at.clauseId, citation: clause?.citation ?? at.clauseId };
}

export function ManualLinkForm({ subject, clauseId }: { subject: Subject; clauseId: string }): ReactNode {
  const { t } = useI18n();
  const [target, setTarget] = useState<Target | 'none' | 'same' | null>(null);
  const [why, setWhy] = useState('');
  const [busy, setBusy] = useState(false);
  if (target === null) {
    return (
      <div className="links-form">
        <button type="button" onClick={() => setTarget(otherClause(subject, clauseId))}>
          {t.links.linkOther}
        </button>
      </div>
    );
  }
  if (typeof target === 'string') {
    return (
      <div className="links-form">
        <p className="hint" role="status">
          {target === 'same' ? t.links.linkSame : t.links.linkHint}
        </p>
        <div className="links-form-row">
          <button type="button" onClick={() => setTarget(otherClause(subject, clauseId))}>
            {t.links.linkOther}
          </button>
        </div>
      </div>
    );
  }
  const add = (): void => {
    setBusy(true);
    links.link(clauseId, target.clauseId, why.trim() || null).then(
      () => {
        setBusy(false);
        setTarget(null);
        setWhy('');
        toasts.show({ message: t.links.added }, 3000);
      },
      (e: unknown) => {
        setBusy(false);
        failed(e);
      },
    );
  };
  return (
    <form
      className="links-form"
      aria-label={t.links.linkOther}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <span className="target">→ {target.citation}</span>
      <div className="links-form-row">
        <input type="text" value={why} maxLength={2000} placeholder={t.links.whyPlaceholder} aria-label={t.links.why} onChange={(e) => setWhy(e.target.value)} autoFocus />
        <button type="submit" className="primary" disabled={busy}>
          {t.links.add}
        </button>
        <button type="button" onClick={() => setTarget(null)}>
          {t.notes.cancel}
        </button>
      </div>
    </form>
  );
}
