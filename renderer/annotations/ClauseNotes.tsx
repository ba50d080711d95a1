// The notes on a whole clause, under its text: each as written, with its tags; a click opens it.

import type { ReactNode } from 'react';
import type { Annotation } from '../../shared/api.ts';
import { useI18n } from '../common/i18n.tsx';
import { NoteView } from './NoteView.tsx';
import { openLinkedClause } from './open.ts';

export function ClauseNotes({ notes, onOpen }: { notes: readonly Annotation[]; onOpen: (id: string, anchor: HTMLElement) => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="clause-notes">
      {notes.map((a) => (
        // Not a <button>: the note's links are links of their own.
        <div
          key={a.id}
          role="button"
          tabIndex={0}
          className={`clause-note${a.color ? ` note-${a.color}` : ''}`}
          data-note-id={a.id}
          onClick={(e) => onOpen(a.id, e.currentTarget)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onOpen(a.id, e.currentTarget);
          }}
        >
          <span className="clause-note-kind">✎ {t.notes.kind['clause-note']}</span>
          {a.note ? <NoteView note={a.note} onOpenClause={(id) => openLinkedClause(id, t.notes.notALink)} /> : <span className="empty">{t.notes.placeholder}</span>}
          {a.tags.length > 0 && (
            <span className="tag-list">
              {a.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
