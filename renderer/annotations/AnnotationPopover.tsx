// The popover beside the text for what is open: a highlight (its colour, quote, note, tags,
// delete), the note on a clause, or the notes on a document. A note is written in the editor
// (loaded the first time) and saved as it is typed; a note on a clause or a document that does not
// exist yet is made at its first save, so that opening and closing leaves nothing behind.

import { lazy, Suspense, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { COLORS } from '../../shared/anchoring/annotation.ts';
import type { Annotation, NoteJSON } from '../../shared/api.ts';
import { router } from '../app/router.ts';
import { useShortcuts } from '../app/shortcuts.ts';
import { copyText } from '../common/clipboard.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import { clauseLink } from '../reader/reading.ts';
import { deleteWithUndo, failed } from './actions.ts';
import { annotating, annotations, useAnnotating, useAnnotation, useDocAnnotations, useKnownTags } from './annotations.ts';
import { createNoteSaver } from './note-saver.ts';
import { NoteView } from './NoteView.tsx';
import { openLinkedClause } from './open.ts';
import { fillQuote } from './selection.ts';
import { TagEditor } from './TagEditor.tsx';
import type { Anchor, Opened } from './ui-store.ts';
import { whereOf } from './where.ts';

const NoteEditor = lazy(() => import('./NoteEditor.tsx'));

const WIDTH = 380;
const ROOM = 420;

function placement(anchor: Anchor): CSSProperties {
  const left = Math.max(8, Math.min(window.innerWidth - WIDTH - 8, anchor.left));
  const below = window.innerHeight - anchor.bottom;
  return below >= ROOM || below >= anchor.top ? { left, top: anchor.bottom + 6, maxHeight: below - 14 } : { left, bottom: window.innerHeight - anchor.top + 6, maxHeight: anchor.top - 14 };
}

/** The clause the other pane shows, as a link: what a new link in a note proposes. */
function otherPaneLink(): string | null {
  const r = router.recorded();
  if (r.view !== 'read') return null;
  const other = r.panes[r.focus === 0 ? 1 : 0];
  return other?.clauseId ? clauseLink(other.clauseId) : null;
}

const keyOf = (o: Opened): string => (o.kind === 'annotation' ? o.id : o.kind === 'clause-note' ? `c:${o.clauseId}` : `d:${o.docId}`);

export function AnnotationPopover(): ReactNode {
  const { opened } = useAnnotating();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!opened) return;
    // A press outside closes it (a press on another highlight then opens that one).
    const down = (e: MouseEvent): void => {
      if (e.target instanceof Node && !box.current?.contains(e.target)) annotating.close();
    };
    document.addEventListener('mousedown', down);
    return () => document.removeEventListener('mousedown', down);
  }, [opened]);
  useShortcuts(
    {
      'annotation.close': () => {
        annotating.close();
      },
    },
    opened !== null,
  );
  const { t } = useI18n();
  if (!opened) return null;
  const label = opened.kind === 'doc-notes' ? t.notes.docNotes : opened.kind === 'clause-note' ? t.notes.kind['clause-note'] : t.notes.note;
  return (
    <div ref={box} className="annotation-popover" role="dialog" aria-label={label} style={placement(opened.anchor)} key={keyOf(opened)}>
      {opened.kind === 'annotation' && <OpenAnnotation id={opened.id} focus={opened.focus} />}
      {opened.kind === 'clause-note' && <ClauseNote docId={opened.docId} clauseId={opened.clauseId} />}
      {opened.kind === 'doc-notes' && <DocNotes docId={opened.docId} />}
    </div>
  );
}

function OpenAnnotation({ id, focus }: { id: string; focus: 'note' | 'tags' | null }): ReactNode {
  const a = useAnnotation(id);
  useEffect(() => {
    // Deleted meanwhile (from elsewhere), or unknown: nothing to show.
    if (!a || a.deleted !== null) annotating.close();
  }, [a]);
  return a ? <NoteCard initial={a} focus={focus} /> : null;
}

function ClauseNote({ docId, clauseId }: { docId: string; clauseId: string }): ReactNode {
  const existing = useDocAnnotations(docId).clauseNotes.get(clauseId)?.[0] ?? null;
  // The first existing note, or one made at its first save; chosen once, when the popover opens.
  const [initial] = useState(existing);
  return <NoteCard initial={initial} focus="note" create={(note, durable) => annotations.create({ kind: 'clause-note', clauseId, note }, durable)} />;
}

/** Not an annotation id (those are UUIDs): the note being written. */
const NEW = 'new';

function DocNotes({ docId }: { docId: string }): ReactNode {
  const { t } = useI18n();
  const notes = useDocAnnotations(docId).docNotes;
  // The id of the note being edited, NEW for a note not written yet, null for the list.
  const [editing, setEditing] = useState<string | null>(notes.length === 0 ? NEW : null);
  const open = notes.find((n) => n.id === editing) ?? null;
  if (editing !== null) return <NoteCard key={editing} initial={open} focus="note" create={(note, durable) => annotations.create({ kind: 'doc-note', docId, note }, durable)} />;
  return (
    <div className="doc-notes">
      <h2>{t.notes.docNotes}</h2>
      {notes.map((n) => (
        <div key={n.id} role="button" tabIndex={0} className="doc-note" onClick={() => setEditing(n.id)} onKeyDown={(e) => e.key === 'Enter' && setEditing(n.id)}>
          {n.note ? <NoteView note={n.note} onOpenClause={(c) => openLinkedClause(c, t.notes.notALink)} /> : <span className="empty">{t.notes.placeholder}</span>}
        </div>
      ))}
      <button type="button" className="new-note" onClick={() => setEditing(NEW)}>
        + {t.notes.newNote}
      </button>
    </div>
  );
}

type Create = (note: NoteJSON, durable: boolean) => Promise<Annotation>;

/** One annotation's card: colour and quote for a highlight, then its note, tags and actions. */
function NoteCard({ initial, focus, create }: { initial: Annotation | null; focus: 'note' | 'tags' | null; create?: Create }): ReactNode {
  const { t } = useI18n();
  const [id, setId] = useState(initial?.id ?? null);
  const a = useAnnotation(id) ?? initial;
  const [saving, setSaving] = useState<'saving' | 'saved' | null>(null);
  const knownTags = useKnownTags();
  const made = useRef(id);
  const saver = useMemo(
    () =>
      createNoteSaver(
        async (note, durable) => {
          if (made.current) {
            await annotations.update(made.current, { note }, durable);
            return;
          }
          // Nothing written yet: no empty note is made.
          if (note === null || !create) return;
          const fresh = await create(note, durable);
          made.current = fresh.id;
          setId(fresh.id);
        },
        {
          onBusy: (busy) => setSaving(busy ? 'saving' : 'saved'),
          onError: (e) => toasts.show({ message: `${t.notes.notSaved}${e instanceof Error ? e.message : String(e)}`, error: true }),
        },
      ),
    // One saver for the card's life: it carries the note's pending text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useShortcuts(
    {
      'annotation.delete': (e) => {
        e.preventDefault();
        if (made.current) deleteWithUndo(made.current, t);
      },
    },
    id !== null,
  );
  // Tag changes are saved in the order they were made.
  const tagSaves = useRef(Promise.resolve());
  const saveTags = (annotationId: string, tags: string[]): void => {
    tagSaves.current = tagSaves.current.then(() => annotations.update(annotationId, { tags })).then(() => undefined, failed);
  };
  const target = a?.targets[0];
  const quote = a?.kind === 'highlight' ? a.targets.map((x) => x.quote.exact).join('\n') : null;
  const citation = a ? whereOf(a) : '';
  return (
    <div className={`note-card${a?.color ? ` note-${a.color}` : ''}`}>
      {a?.kind === 'highlight' && (
        <div className="card-colors" role="group" aria-label={t.notes.highlightIn}>
          {COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`swatch swatch-${c}${c === a.color ? ' current' : ''}`}
              aria-label={`${t.notes.highlightIn}${t.notes.color[c]}`}
              aria-pressed={c === a.color}
              title={t.notes.color[c]}
              onClick={() => void annotations.update(a.id, { color: c }).catch(failed)}
            />
          ))}
        </div>
      )}
      {quote !== null && <blockquote className="card-quote">{quote}</blockquote>}
      {target && <div className="card-citation">{citation}</div>}
      {a?.status === 'orphan' && <p className="orphan-why">{t.notes.orphanWhy}</p>}
      <Suspense fallback={<div className="note-editor-loading">{a?.note ? <NoteView note={a.note} onOpenClause={() => undefined} /> : null}</div>}>
        <NoteEditor initial={initial?.note ?? null} saver={saver} autoFocus={focus === 'note'} suggestLink={otherPaneLink} onOpenClause={(c) => openLinkedClause(c, t.notes.notALink)} />
      </Suspense>
      {a && <TagEditor tags={a.tags} known={knownTags} autoFocus={focus === 'tags'} onChange={(tags) => saveTags(a.id, tags)} />}
      <div className="card-actions">
        <span className="save-state" aria-live="polite">
          {saving === 'saving' ? t.notes.saving : saving === 'saved' ? t.notes.saved : ''}
        </span>
        {quote !== null && target && (
          <button type="button" onClick={() => void copyText(fillQuote(t.notes.quote, quote, citation)).then((ok) => ok && toasts.show({ message: t.notes.copied }, 2000))}>
            {t.notes.copyQuote}
          </button>
        )}
        {a && (
          <button type="button" className="danger" onClick={() => deleteWithUndo(a.id, t)}>
            {t.notes.delete}
          </button>
        )}
        <button type="button" onClick={() => annotating.close()}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
