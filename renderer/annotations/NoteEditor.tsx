// The note editor: ProseMirror over the note schema (shared/notes), with its own small toolbar
// (bold, italic, lists, a link to a clause). The EditorView lives in a ref and is made once per
// mount; React renders only the toolbar around it. Every change goes to the note's saver
// (note-saver.ts), which saves as typing pauses, on blur, and when the page goes away. This
// module and ProseMirror load in a chunk of their own, the first time a note is edited.

import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { keyLabel, type ShortcutId } from '../../shared/keymap.ts';
import type { NoteJSON } from '../../shared/api.ts';
import { noteSchema } from '../../shared/notes/schema.ts';
import { useI18n } from '../common/i18n.tsx';
import { clauseIdOfLink } from './clause-link.ts';
import { baseKeymap, commands, isEmptyNote, linkAt, linkClause, listActive, markActive, noteKeys } from './note-commands.ts';
import type { NoteSaver } from './note-saver.ts';
import { onPageLeave } from './page-leave.ts';

interface NoteEditorProps {
  initial: NoteJSON | null;
  saver: NoteSaver;
  autoFocus: boolean;
  /** The link a new clause link proposes: the clause the other pane shows, if any. */
  suggestLink: () => string | null;
  onOpenClause: (clauseId: string) => void;
  /** What the empty editor says; a note's words by default. */
  placeholder?: string;
}

function docOf(json: NoteJSON | null): EditorState['doc'] | undefined {
  if (!json) return undefined;
  try {
    const doc = noteSchema.nodeFromJSON(json);
    doc.check();
    return doc;
  } catch {
    // A note the engine accepted is valid; this guards against a newer schema's notes only.
    return undefined;
  }
}

export default function NoteEditor({ initial, saver, autoFocus, suggestLink, onOpenClause, placeholder }: NoteEditorProps): ReactNode {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [, setTick] = useState(0);
  const [link, setLink] = useState<{ text: string; error: boolean } | null>(null);
  // The latest callbacks, for the view made once.
  const latest = useRef({ saver, onOpenClause });
  useLayoutEffect(() => {
    latest.current = { saver, onOpenClause };
  });

  useEffect(() => {
    if (!host.current) return;
    const state = EditorState.create({ schema: noteSchema, doc: docOf(initial), plugins: [history(), keymap(noteKeys()), keymap(baseKeymap)] });
    const v = new EditorView(host.current, {
      state,
      attributes: (s) => ({ class: `note-editor${isEmptyNote(s.doc) ? ' empty' : ''}`, 'data-placeholder': placeholder ?? t.notes.placeholder, 'aria-label': t.notes.note, role: 'textbox', 'aria-multiline': 'true' }),
      dispatchTransaction(tr) {
        const next = v.state.apply(tr);
        v.updateState(next);
        if (tr.docChanged) latest.current.saver.change(isEmptyNote(next.doc) ? null : (next.doc.toJSON() as NoteJSON));
        setTick((n) => n + 1);
      },
      handleDOMEvents: {
        blur: () => {
          void latest.current.saver.flush();
          return false;
        },
        // Ctrl+click (⌘ on macOS) on a link opens its clause; a plain click places the caret.
        click: (_v, e) => {
          const a = e.target instanceof Element ? e.target.closest('a[data-clause-id]') : null;
          const id = a?.getAttribute('data-clause-id');
          if (!id) return false;
          e.preventDefault();
          if (e.ctrlKey || e.metaKey) latest.current.onOpenClause(id);
          return true;
        },
      },
    });
    view.current = v;
    // The toolbar, rendered before the view was there, shows its buttons now.
    setTick((n) => n + 1);
    if (autoFocus) v.focus();
    const stopLeave = onPageLeave(() => latest.current.saver.flushNow());
    return () => {
      stopLeave();
      void latest.current.saver.flush();
      v.destroy();
      view.current = null;
    };
    // The view is made once per mount: later renders change neither its text nor its plugins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const v = view.current;
  const run = (command: Command): void => {
    if (!v) return;
    command(v.state, v.dispatch);
    v.focus();
  };
  const button = (label: string, shortcut: ShortcutId | null, active: boolean, command: Command, glyph: ReactNode): ReactNode => (
    <button
      type="button"
      className={active ? 'active' : undefined}
      aria-pressed={active}
      title={shortcut ? `${label} (${keyLabel(shortcut)})` : label}
      aria-label={label}
      // The editor keeps its selection while a button is pressed.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => run(command)}
    >
      {glyph}
    </button>
  );
  const linked = v ? linkAt(v.state) : null;
  const applyLink = async (): Promise<void> => {
    const id = clauseIdOfLink(link?.text ?? '');
    const clause = id ? await api.getClause(id).catch(() => null) : null;
    if (!clause || !view.current) {
      setLink((l) => (l ? { ...l, error: true } : l));
      return;
    }
    run(linkClause(clause.id, clause.citation));
    setLink(null);
  };

  return (
    <div className="note-editing">
      <div className="note-toolbar" role="toolbar" aria-label={t.notes.note}>
        {v && button(t.keys.bold, 'note.bold', markActive(v.state, noteSchema.marks.strong), commands.bold, <b>B</b>)}
        {v && button(t.keys.italic, 'note.italic', markActive(v.state, noteSchema.marks.em), commands.italic, <i>I</i>)}
        {v && button(t.keys.bullets, 'note.bullets', listActive(v.state, noteSchema.nodes.bullet_list), commands.bullets, '•≡')}
        {v && button(t.keys.numbers, 'note.numbers', listActive(v.state, noteSchema.nodes.ordered_list), commands.numbers, '1.≡')}
        <button type="button" aria-label={t.notes.linkClause} title={t.notes.linkClause} aria-expanded={link !== null} onMouseDown={(e) => e.preventDefault()} onClick={() => setLink(link ? null : { text: suggestLink() ?? '', error: false })}>
          §
        </button>
        {linked && (
          <button type="button" className="open-link" onMouseDown={(e) => e.preventDefault()} onClick={() => onOpenClause(linked)}>
            {t.openOther} ↗
          </button>
        )}
      </div>
      {link && (
        <form
          className="note-link-form"
          onSubmit={(e) => {
            e.preventDefault();
            void applyLink();
          }}
        >
          <input autoFocus value={link.text} placeholder={t.notes.linkPlaceholder} aria-label={t.notes.linkPlaceholder} aria-invalid={link.error} onChange={(e) => setLink({ text: e.target.value, error: false })} />
          <button type="submit">{t.notes.link}</button>
          {link.error && <span className="error">{t.notes.notALink}</span>}
        </form>
      )}
      <div ref={host} className="note-editor-host" />
    </div>
  );
}
