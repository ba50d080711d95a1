// What one item of the builder shows: an excerpt (its words in their highlight colour, its
// citation, which opens the clause, its note, and what a re-import did to its clause), a paragraph
// of free text in the note editor, or a subheading. Text and notes save as they are typed.

import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import type { BriefExcerpt, BriefItem, NoteJSON } from '../../shared/api.ts';
import { createNoteSaver } from '../annotations/note-saver.ts';
import { NoteView } from '../annotations/NoteView.tsx';
import { openLinkedClause } from '../annotations/open.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import type { BriefEditor } from './brief-store.ts';
import { Field } from './Field.tsx';
import { citationLine } from './numbering.ts';

const NoteEditor = lazy(() => import('../annotations/NoteEditor.tsx'));
const EMPTY_TEXT: NoteJSON = { type: 'doc', content: [{ type: 'paragraph' }] };

interface Props {
  item: BriefItem;
  editor: BriefEditor;
  autoFocus: boolean;
}

export function ItemBody({ item, editor, autoFocus }: Props): ReactNode {
  const { t } = useI18n();
  if (item.kind === 'heading') {
    return (
      <div className="item-heading">
        <Field key={item.text} className="" label={t.briefs.item.heading} initial={item.text} placeholder={t.briefs.headingPlaceholder} onSave={(v) => v.trim() && v.trim() !== item.text && void editor.updateItem(item.id, { text: v.trim() }).catch(noteFailed(t.notes.notSaved))} />
      </div>
    );
  }
  if (item.kind === 'text') {
    return (
      <div className="item-text">
        <ItemNote itemId={item.id} initial={item.note} editor={editor} autoFocus={autoFocus} emptyAs={EMPTY_TEXT} placeholder={t.briefs.textPlaceholder} />
      </div>
    );
  }
  return <Excerpt item={item} editor={editor} />;
}

const noteFailed = (prefix: string) => (e: unknown) => toasts.show({ message: `${prefix}${e instanceof Error ? e.message : String(e)}`, error: true });

function Excerpt({ item, editor }: { item: BriefExcerpt; editor: BriefEditor }): ReactNode {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const clauseId = item.currentClauseId ?? item.clauseId;
  const open = (id: string): void => openLinkedClause(id, t.notes.notALink);
  return (
    <div className={`item-excerpt${item.color ? ` note-${item.color}` : ''}`}>
      {item.quote && (
        <blockquote className="excerpt-quote">
          <span className={item.color ? `hl hl-${item.color}` : undefined}>{item.quote}</span>
        </blockquote>
      )}
      <div className="excerpt-citation">
        {clauseId && item.status !== 'removed' ? (
          <a
            href={`#/c/${clauseId}`}
            onClick={(e) => {
              e.preventDefault();
              open(clauseId);
            }}
          >
            {citationLine(item.citation)}
          </a>
        ) : (
          citationLine(item.citation)
        )}
      </div>
      {item.status !== 'current' && <p className="excerpt-changed">{t.briefs.status[item.status]}</p>}
      {editing ? (
        <div className="excerpt-note">
          <ItemNote itemId={item.id} initial={item.note} editor={editor} autoFocus emptyAs={null} />
        </div>
      ) : (
        <div className="excerpt-note">
          {item.note && <NoteView note={item.note} onOpenClause={open} />}
          <button type="button" className="excerpt-note-edit" onClick={() => setEditing(true)}>
            ✎ {t.briefs.editNote}
          </button>
        </div>
      )}
    </div>
  );
}

/** A note (an excerpt's) or a paragraph's text in the note editor, saved as it is typed. */
interface NoteProps {
  itemId: string;
  initial: NoteJSON | null;
  editor: BriefEditor;
  autoFocus: boolean;
  /** What an emptied editor saves: an empty paragraph for free text, no note for an excerpt. */
  emptyAs: NoteJSON | null;
  placeholder?: string;
}

function ItemNote({ itemId, initial, editor, autoFocus, emptyAs, placeholder }: NoteProps): ReactNode {
  const { t } = useI18n();
  const saver = useMemo(
    () =>
      createNoteSaver(
        async (note, durable) => {
          await editor.updateItem(itemId, { note: note ?? emptyAs }, durable);
        },
        { onError: noteFailed(t.notes.notSaved) },
      ),
    // One saver for the item's life: it carries the pending text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itemId, editor],
  );
  return (
    <Suspense fallback={initial ? <NoteView note={initial} onOpenClause={() => undefined} /> : null}>
      <NoteEditor initial={initial} saver={saver} autoFocus={autoFocus} suggestLink={() => null} onOpenClause={(id) => openLinkedClause(id, t.notes.notALink)} placeholder={placeholder} />
    </Suspense>
  );
}
