// The briefs (#/briefs), last changed first: a new one by its title, each opened, renamed in
// place or deleted (to the trash, with Undo in the toast).

import { useState, type ReactNode } from 'react';
import type { BriefSummary } from '../../shared/api.ts';
import type { Messages } from '../../shared/i18n.ts';
import { failed } from '../annotations/actions.ts';
import { router } from '../app/router.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import { briefs, useBriefs } from './briefs.ts';

const openBrief = (id: string): void => router.navigate({ view: 'brief', briefId: id });
const day = (iso: string): string => iso.slice(0, 10);

export function BriefsView(): ReactNode {
  const { t } = useI18n();
  const list = useBriefs();
  const [title, setTitle] = useState('');
  const b = t.briefs;
  return (
    <section className="briefs-view" aria-label={b.title}>
      <header>
        <h1>{b.title}</h1>
        <form
          className="brief-new"
          onSubmit={(e) => {
            e.preventDefault();
            briefs.create(title.trim() || b.untitled).then((x) => openBrief(x.id), failed);
            setTitle('');
          }}
        >
          <input value={title} placeholder={b.newTitle} aria-label={b.newTitle} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit">{b.create}</button>
        </form>
      </header>
      {list?.length === 0 && <p className="briefs-none">{b.none}</p>}
      <ol className="brief-list">
        {list?.map((x) => (
          <BriefRow key={x.id} brief={x} t={t} />
        ))}
      </ol>
    </section>
  );
}

function BriefRow({ brief, t }: { brief: BriefSummary; t: Messages }): ReactNode {
  const [renaming, setRenaming] = useState<string | null>(null);
  const b = t.briefs;
  const rename = (): void => {
    const v = renaming?.trim();
    setRenaming(null);
    if (v && v !== brief.title) briefs.rename(brief.id, v).catch(failed);
  };
  const remove = (): void => {
    briefs.remove(brief.id).then(
      () =>
        toasts.show({
          message: b.deleted,
          action: { label: b.undo, run: () => void briefs.restore(brief.id).then(() => toasts.show({ message: b.restored }, 3000), failed) },
        }),
      failed,
    );
  };
  return (
    <li className="brief-row" data-brief-id={brief.id}>
      {renaming === null ? (
        <button type="button" className="brief-row-main" onClick={() => openBrief(brief.id)}>
          <div className="brief-row-title">{brief.title}</div>
          <div className="brief-row-meta">
            {[brief.subtitle, `${brief.excerptCount} ${b.excerpts}`, `${brief.sectionCount} ${b.sections}`, `${b.updated} ${day(brief.updated)}`].filter(Boolean).join(' · ')}
          </div>
        </button>
      ) : (
        <input
          autoFocus
          value={renaming}
          aria-label={b.rename}
          onChange={(e) => setRenaming(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename();
            if (e.key === 'Escape') setRenaming(null);
          }}
        />
      )}
      <div className="brief-row-actions">
        <button type="button" onClick={() => openBrief(brief.id)}>
          {b.open}
        </button>
        <button type="button" onClick={() => setRenaming(brief.title)}>
          {b.rename}
        </button>
        <button type="button" className="danger" onClick={remove}>
          {b.delete}
        </button>
      </div>
    </li>
  );
}
