// Re-placing a document's annotations after its text changed (a re-import, a rebuilt library, a
// better parser): every annotation touching the document, orphans included, trash included (so
// that a restore finds it placed). Nothing is deleted: a target that cannot be placed keeps its
// last known place and quote, and its annotation becomes an orphan.

import { anchorClauseNote, anchorHighlight, annotationStatus, DocumentText, type TargetOutcome } from '../../../shared/anchoring/anchor.ts';
import type { AnnotationStatus } from '../../../shared/anchoring/annotation.ts';
import type { SuccessorOf } from '../../../shared/anchoring/selectors.ts';
import type { AnnotationStore, TargetRow } from './store.ts';
import { targetView } from './store.ts';

export interface ReanchorClause {
  id: string;
  text: string;
  /** The clause's citation now; it refreshes the snapshot an orphan is shown with. */
  citation?: string;
}

export interface ReanchorReport {
  docId: string;
  annotations: number;
  targets: number;
  /** Targets found where they were. */
  unchanged: number;
  /** Targets placed in another clause or at another offset. */
  moved: number;
  /** Targets that were placed before and could not be now. */
  orphaned: number;
  /** Targets that were orphans and are placed again. */
  recovered: number;
  /** Targets that were orphans and still are. */
  stillOrphan: number;
  /** Annotations whose status changed, with the new one. */
  changed: { id: string; status: AnnotationStatus }[];
}

export function reanchorDocument(store: AnnotationStore, docId: string, clauses: readonly ReanchorClause[], successorOf: SuccessorOf): ReanchorReport {
  const doc = new DocumentText(clauses);
  const citations = new Map(clauses.map((c) => [c.id, c.citation]));
  const report: ReanchorReport = { docId, annotations: 0, targets: 0, unchanged: 0, moved: 0, orphaned: 0, recovered: 0, stillOrphan: 0, changed: [] };
  store.write(`re-anchoring the annotations of ${docId}`, () => {
    const rows = store
      .sql(`SELECT id, kind, status FROM annotations WHERE doc_id = ?
            UNION SELECT a.id, a.kind, a.status FROM targets t JOIN annotations a ON a.id = t.annotation_id WHERE t.doc_id = ?`)
      .all(docId, docId) as { id: string; kind: string; status: AnnotationStatus }[];
    const targets = store.targetsOf(rows.map((r) => r.id));
    const place = store.sql('UPDATE targets SET clause_id = ?, citation = ?, start_offset = ?, end_offset = ?, status = ? WHERE annotation_id = ? AND ord = ?');
    const orphan = store.sql("UPDATE targets SET status = 'orphan' WHERE annotation_id = ? AND ord = ?");
    const setStatus = store.sql('UPDATE annotations SET status = ? WHERE id = ?');
    for (const a of rows) {
      report.annotations++;
      const own = targets.get(a.id) ?? [];
      const outcomes: TargetOutcome[] = [];
      for (const t of own) {
        if (t.doc_id !== docId) {
          outcomes.push(t.status === 'anchored' ? { status: 'anchored', clauseId: t.clause_id, start: t.start_offset, end: t.end_offset, method: 'position', score: 1, moved: false } : { status: 'orphan', reason: 'not-found' });
          continue;
        }
        const o = (a.kind === 'clause-note' ? anchorClauseNote : anchorHighlight)(targetView(t), doc, successorOf);
        outcomes.push(o);
        count(report, t, o);
        if (o.status === 'anchored') {
          const citation = citations.get(o.clauseId) ?? t.citation;
          const same = !o.moved && t.status === 'anchored' && citation === t.citation;
          if (!same) place.run(o.clauseId, citation, o.start, o.end, 'anchored', a.id, t.ord);
        } else if (t.status !== 'orphan') orphan.run(a.id, t.ord);
      }
      // A note on the whole document is placed while the document has text.
      const status = a.kind === 'doc-note' ? (clauses.length > 0 ? 'anchored' : 'orphan') : annotationStatus(outcomes);
      if (status !== a.status) {
        setStatus.run(status, a.id);
        report.changed.push({ id: a.id, status });
      }
    }
  });
  return report;
}

function count(report: ReanchorReport, before: TargetRow, o: TargetOutcome): void {
  report.targets++;
  if (before.status === 'orphan') {
    if (o.status === 'anchored') report.recovered++;
    else report.stillOrphan++;
  } else if (o.status === 'orphan') report.orphaned++;
  else if (o.moved) report.moved++;
  else report.unchanged++;
}
