// What the annotating hands are doing: the text selected in a pane (the toolbar stands above it),
// the annotation or note open beside the text (the popover), and the orphan being re-attached
// (a banner asks for a new selection).

import type { Annotation } from '../../shared/api.ts';
import { createStore, type Readable } from '../common/store.ts';
import type { SelectedTarget } from './selection.ts';

/** A place on screen, in viewport pixels: what a toolbar or a popover stands beside. */
export interface Anchor {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PaneSelection {
  pane: 0 | 1;
  docId: string;
  targets: SelectedTarget[];
  anchor: Anchor;
}

export type Opened =
  /** A highlight or a note; `focus`: where the keys go first (a note being written, tags). */
  | { kind: 'annotation'; id: string; anchor: Anchor; focus: 'note' | 'tags' | null }
  /** The note on a clause (written on first save when it has none yet). */
  | { kind: 'clause-note'; docId: string; clauseId: string; anchor: Anchor }
  /** The notes on a document. */
  | { kind: 'doc-notes'; docId: string; anchor: Anchor };

export interface AnnotatingState {
  selection: PaneSelection | null;
  opened: Opened | null;
  reattach: Annotation | null;
}

export interface Annotating extends Readable<AnnotatingState> {
  select: (selection: PaneSelection | null) => void;
  open: (opened: Opened) => void;
  close: () => void;
  startReattach: (a: Annotation) => void;
  endReattach: () => void;
}

export function createAnnotating(): Annotating {
  const store = createStore<AnnotatingState>({ selection: null, opened: null, reattach: null });
  const patch = (p: Partial<AnnotatingState>): void => store.set({ ...store.get(), ...p });
  return {
    get: store.get,
    subscribe: store.subscribe,
    select: (selection) => {
      if (selection !== store.get().selection) patch({ selection });
    },
    open: (opened) => patch({ opened, selection: null }),
    close: () => {
      if (store.get().opened) patch({ opened: null });
    },
    startReattach: (reattach) => patch({ reattach, opened: null }),
    endReattach: () => patch({ reattach: null }),
  };
}

export const anchorOf = (r: { left: number; right: number; top: number; bottom: number }): Anchor => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
