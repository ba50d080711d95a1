// Where user data meets the library: the clause an annotation is made on (read from the library,
// following a retired id to its successor), and placing annotations again after the library
// changed (an import, a removal, a rebuilt library). The library never writes user data, and the
// user data holds no foreign key into the library: this is the one place the two are joined.

import type { ClauseSnapshot } from './store.ts';
import { AnnotationError } from './errors.ts';
import { ManualLinks } from './links.ts';
import { reanchorDocument, type ReanchorReport } from './reanchor.ts';
import type { AnnotationStore } from './store.ts';
import type { Library } from '../store/library.ts';

/** A clause as an annotation records it; a clause that is not in the library is refused. */
export function clauseSnapshot(library: Library, clauseId: string): ClauseSnapshot {
  const clause = library.clauseFollowingAliases(clauseId);
  const doc = clause ? library.document(clause.docId) : null;
  if (!clause || !doc) throw new AnnotationError(`no clause with id ${clauseId} is in the library (see: clauseway outline DOC_ID)`);
  return { id: clause.id, docId: clause.docId, text: clause.text, citation: clause.citation, docTitle: doc.title };
}

/**
 * Places again every annotation on the given documents, from their clauses as the library holds
 * them now; a document no longer in the library leaves its annotations orphans (kept, never deleted).
 */
export function reanchorDocuments(store: AnnotationStore, library: Library, docIds: Iterable<string>): ReanchorReport[] {
  const annotated = new Set(store.documentIds());
  const links = new ManualLinks(store);
  const linked = new Set(links.documentIds());
  const reports: ReanchorReport[] = [];
  for (const docId of new Set(docIds)) {
    // Manual links are placed again by the same continuity (links.ts).
    if (linked.has(docId)) links.reanchor(docId, library.document(docId)?.title ?? null, library.clauseTexts(docId), (id) => library.resolveClause(id));
    if (!annotated.has(docId)) continue;
    reports.push(reanchorDocument(store, docId, library.clauseTexts(docId), (id) => library.successorOf(id)));
  }
  return reports;
}

/**
 * At start: annotations whose document is gone from the library (removed, or a library rebuilt
 * without it) are orphans, and those on a document that is back are placed again.
 */
export function reconcileWithLibrary(store: AnnotationStore, library: Library): ReanchorReport[] {
  return reanchorDocuments(store, library, [...store.documentIds(), ...new ManualLinks(store).documentIds()]);
}
