// Going to what an annotation is on: its clause in a pane, or a clause a note links to.

import type { Annotation } from '../../shared/api.ts';
import { api } from '../api/client.ts';
import { toasts } from '../common/toast.ts';
import { reading } from '../reader/reading.ts';

/** Opens the clause a note links to in the other pane (an old id opens its successor). */
export function openLinkedClause(clauseId: string, notFound: string): void {
  api.getClause(clauseId).then(
    (c) => {
      if (c) reading.openFound(c.docId, c.id, true, []);
      else toasts.show({ message: notFound, error: true });
    },
    (e: unknown) => toasts.show({ message: e instanceof Error ? e.message : String(e), error: true }),
  );
}

/** Opens an annotation's clause (its first one) in the focused pane; a document note, its document. */
export function openAnnotation(a: Annotation, inOther = false): void {
  const target = a.targets[0];
  if (target) reading.openFound(target.docId, target.clauseId, inOther, []);
  else reading.openFound(a.docId, null, inOther, []);
}
