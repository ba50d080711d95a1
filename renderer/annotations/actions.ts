// What the reader's hands do with annotations, with what the window says back: a deletion that
// can be undone (a toast with Undo, and Ctrl+Z), and failures in the engine's words.

import type { Messages } from '../../shared/i18n.ts';
import { toasts } from '../common/toast.ts';
import { annotating, annotations } from './annotations.ts';

export const failed = (e: unknown): void => toasts.show({ message: e instanceof Error ? e.message : String(e), error: true });

/** Undoes the last deletion; says so, or nothing when there is none. */
export function undoDelete(t: Messages): void {
  annotations.undo().then((a) => {
    if (a) toasts.show({ message: t.notes.restored }, 3000);
  }, failed);
}

/** Moves an annotation to the trash, closing it, with a toast that undoes it. */
export function deleteWithUndo(id: string, t: Messages): void {
  annotating.close();
  annotations.remove(id).then(() => toasts.show({ message: t.notes.deleted, action: { label: t.notes.undo, run: () => undoDelete(t) } }), failed);
}
