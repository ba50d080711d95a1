// The toolbar above selected text in a pane: highlight in one of the six colours, a note, tags,
// copy the quote with its source, add the words to a brief; while an orphan is being re-attached,
// "attach here" first. It shows when a selection is made (the mouse let go, or Shift with the
// arrows), never during the drag, and goes when the selection does.

import { useEffect, type ReactNode } from 'react';
import { COLORS } from '../../shared/anchoring/annotation.ts';
import type { Color } from '../../shared/api.ts';
import { keyLabel } from '../../shared/keymap.ts';
import { useShortcuts } from '../app/shortcuts.ts';
import { pickBrief } from '../briefs/briefs.ts';
import { copyText } from '../common/clipboard.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import { documentNow } from '../reader/reading.ts';
import { failed } from './actions.ts';
import { annotating, annotations, useAnnotating, useLastColor } from './annotations.ts';
import { citationIn, readSelection } from './dom-selection.ts';
import { quoteWithSource, targetRefs } from './selection.ts';
import type { PaneSelection } from './ui-store.ts';

const TOOLBAR_WIDTH = 400;

function useSelectionWatch(): void {
  useEffect(() => {
    let dragging = false;
    const read = (): void => {
      // After the browser has settled the selection the click or key made.
      setTimeout(() => annotating.select(readSelection(window.getSelection(), documentNow)), 0);
    };
    const down = (e: MouseEvent): void => {
      if (e.target instanceof Element && e.target.closest('.selection-toolbar')) return;
      dragging = true;
    };
    const up = (): void => {
      dragging = false;
      read();
    };
    const key = (e: KeyboardEvent): void => {
      if (e.shiftKey || e.key === 'Shift' || ((e.ctrlKey || e.metaKey) && e.key === 'a')) read();
    };
    const change = (): void => {
      const s = window.getSelection();
      if (!dragging && (!s || s.isCollapsed)) annotating.select(null);
    };
    // The toolbar follows its text when the pane scrolls, once a frame at most.
    let frame = 0;
    const scroll = (): void => {
      if (!annotating.get().selection || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        annotating.select(readSelection(window.getSelection(), documentNow));
      });
    };
    document.addEventListener('mousedown', down);
    document.addEventListener('mouseup', up);
    document.addEventListener('keyup', key);
    document.addEventListener('selectionchange', change);
    document.addEventListener('scroll', scroll, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', scroll, true);
      document.removeEventListener('mousedown', down);
      document.removeEventListener('mouseup', up);
      document.removeEventListener('keyup', key);
      document.removeEventListener('selectionchange', change);
    };
  }, []);
}

const citationOf = (s: PaneSelection) => (clauseId: string) => citationIn(documentNow(s.docId), clauseId);

export function SelectionToolbar(): ReactNode {
  const { t } = useI18n();
  const { selection, reattach } = useAnnotating();
  const lastColor = useLastColor();
  useSelectionWatch();
  useEffect(() => {
    document.body.classList.toggle('text-selected', selection !== null);
  }, [selection]);

  const done = (): void => {
    window.getSelection()?.removeAllRanges();
    annotating.select(null);
  };
  const highlight = (s: PaneSelection, color: Color, then?: 'note' | 'tags'): void => {
    done();
    annotations.highlight(targetRefs(s.targets), color).then((a) => {
      if (then) annotating.open({ kind: 'annotation', id: a.id, anchor: s.anchor, focus: then });
    }, failed);
  };
  const copy = (s: PaneSelection): void => {
    void copyText(quoteWithSource(t.notes.quote, s.targets, citationOf(s))).then((ok) => ok && toasts.show({ message: t.notes.copied }, 2000));
  };
  const attach = (s: PaneSelection): void => {
    if (!reattach) return;
    done();
    annotations.reattach(reattach.id, targetRefs(s.targets)).then(() => {
      annotating.endReattach();
      toasts.show({ message: t.notes.reattached }, 3000);
    }, failed);
  };

  useShortcuts(
    {
      'annotate.highlight': (e) => {
        e.preventDefault();
        if (selection) highlight(selection, lastColor);
      },
      'annotate.note': (e) => {
        e.preventDefault();
        if (selection) highlight(selection, lastColor, 'note');
      },
      'annotate.copy': (e) => {
        e.preventDefault();
        if (selection) copy(selection);
      },
    },
    selection !== null,
  );

  if (!selection) return null;
  const { anchor } = selection;
  const above = anchor.top > 110;
  const left = Math.max(8, Math.min(window.innerWidth - TOOLBAR_WIDTH - 8, (anchor.left + anchor.right) / 2 - TOOLBAR_WIDTH / 2));
  const style = above ? { left, bottom: window.innerHeight - anchor.top + 8 } : { left, top: Math.min(window.innerHeight - 60, anchor.bottom + 8) };
  return (
    <div className="selection-toolbar" role="toolbar" aria-label={t.notes.highlightIn} style={style} onMouseDown={(e) => e.preventDefault()}>
      {reattach && (
        <button type="button" className="primary" onClick={() => attach(selection)}>
          {t.notes.reattachHere}
        </button>
      )}
      <span className="swatches">
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch swatch-${c}${c === lastColor ? ' last' : ''}`}
            aria-label={`${t.notes.highlightIn}${t.notes.color[c]}`}
            title={`${t.notes.highlightIn}${t.notes.color[c]}${c === lastColor ? ` (${keyLabel('annotate.highlight')})` : ''}`}
            onClick={() => highlight(selection, c)}
          />
        ))}
      </span>
      <button type="button" title={`${t.keys.noteSelection} (${keyLabel('annotate.note')})`} onClick={() => highlight(selection, lastColor, 'note')}>
        {t.notes.note}
      </button>
      <button type="button" title={t.notes.tags} onClick={() => highlight(selection, lastColor, 'tags')}>
        {t.notes.tags}
      </button>
      <button type="button" title={`${t.keys.copyQuote} (${keyLabel('annotate.copy')})`} onClick={() => copy(selection)}>
        {t.notes.copyQuote}
      </button>
      <button
        type="button"
        onClick={(e) => {
          pickBrief(selection.targets.map((x) => ({ kind: 'clause', clauseId: x.clauseId, quote: x.quote, at: x.start })), e.currentTarget);
          done();
        }}
      >
        {t.briefs.addTo}
      </button>
    </div>
  );
}
