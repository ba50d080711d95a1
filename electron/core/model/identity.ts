// Identities of documents and clauses. A document's id says which text it is: the file it came
// from (its library key) and, for the second and later documents of one file (attachments,
// several notices), the title line as printed. It never depends on what the heuristics derive
// (cleaned title, issuer, date, jurisdiction, kind), so a better parser does not move it. A
// clause's id is derived from its document and its path of labels (第三章/第二条/（一）); when a
// re-import changes the structure, the store carries ids over by aligning texts (continuity.ts).

import { createHash } from 'node:crypto';
import type { ClauseRecord, DocumentRecord } from './records.ts';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

/** `localKey` is '' for the first document of a file; see `localKeyOf`. */
export function documentId(sourceKey: string, localKey: string): string {
  return hash(localKey ? `${sourceKey}\u0000${localKey}` : sourceKey).slice(0, 12);
}

/**
 * What tells one document of a file from the others: nothing for the first (most files hold one
 * document), else its title line as printed, without spaces, and its rank among documents of the
 * file that print the same title.
 */
export function localKeyOf(index: number, printedTitle: string, sameTitleBefore: number): string {
  if (index === 0) return '';
  const title = printedTitle.replace(/\s+/g, '');
  return sameTitleBefore > 0 ? `${title}#${sameTitleBefore + 1}` : title;
}

/** The id a clause at `path` of document `docId` gets, `salt` > 0 when that one is taken. */
export function clauseId(docId: string, path: string, salt = 0): string {
  return `${docId}-${hash(`${docId}${path}${salt > 0 ? `~${salt}` : ''}`).slice(0, 10)}`;
}

/** A hash of what the document says (title and clause texts): the same text from two files is one document. */
export function textHash(title: string, clauses: readonly Pick<ClauseRecord, 'label' | 'heading' | 'text'>[]): string {
  const h = createHash('sha256').update(title);
  for (const c of clauses) h.update(`\u0001${c.label}\u0002${c.heading ?? ''}\u0002${c.text}`);
  return h.digest('hex');
}

/**
 * The document under another id, with clause ids given by `idOf(clause)` (parents follow their
 * children's mapping). Used when the store carries an existing document's identity over.
 */
export function withIds(doc: DocumentRecord, docId: string, idOf: (c: ClauseRecord, index: number) => string): DocumentRecord {
  const map = new Map<string, string>();
  doc.clauses.forEach((c, i) => map.set(c.id, idOf(c, i)));
  const clauses = doc.clauses.map((c): ClauseRecord => ({ ...c, id: map.get(c.id) ?? c.id, parentId: c.parentId ? (map.get(c.parentId) ?? c.parentId) : null }));
  return { ...doc, id: docId, clauses };
}
