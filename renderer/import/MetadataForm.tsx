// A document's metadata as the heuristics read it, to correct: title, issuer, jurisdiction and
// level, date, number, kind, validity. A field the user corrected is marked as theirs and can go
// back to what was read; the correction is kept across re-imports (the engine keeps it in the user
// data). Also the way to remove the document from the library: asked once, undone from the toast.

import { useState, type ReactNode } from 'react';
import type { MetadataChange } from '../../shared/api.ts';
import type { DocKind, DocumentSummary, Level, MetadataField } from '../../shared/types.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../common/i18n.tsx';
import { toasts } from '../common/toast.ts';
import { library, useDocumentMap } from '../library/library.ts';
import { closeMetadata } from './metadata.ts';

const LEVELS: Level[] = ['national', 'province', 'sar', 'city', 'district'];
const KINDS: DocKind[] = ['policy', 'notice', 'news'];
const TEXT_FIELDS = ['title', 'issuer', 'jurisdiction', 'date', 'docNumber', 'validUntil'] as const;
const NULLABLE = new Set<MetadataField>(['issuer', 'date', 'docNumber', 'validUntil']);

type Values = Record<MetadataField, string>;

const valuesOf = (d: DocumentSummary): Values => ({
  title: d.title, issuer: d.issuer ?? '', jurisdiction: d.jurisdiction, level: d.level, date: d.date ?? '', docNumber: d.docNumber ?? '', kind: d.kind, validUntil: d.validUntil ?? '',
});

/** What the form changes: the fields edited, and those given back to the heuristics. */
function changeOf(doc: DocumentSummary, values: Values, reset: ReadonlySet<MetadataField>): MetadataChange {
  const before = valuesOf(doc);
  const change: Record<string, unknown> = {};
  for (const f of Object.keys(values) as MetadataField[]) {
    if (reset.has(f) || values[f].trim() === before[f]) continue;
    change[f] = NULLABLE.has(f) && values[f].trim() === '' ? null : values[f].trim();
  }
  if (reset.size > 0) change['reset'] = [...reset];
  return change;
}

export function removeWithUndo(doc: DocumentSummary, words: { removed: string; undo: string; restored: string }): Promise<void> {
  return api.removeDocument(doc.id).then(async () => {
    await library.refresh();
    toasts.show({
      message: `${words.removed}：${doc.title}`,
      action: {
        label: words.undo,
        run: () => {
          api
            .restoreDocument(doc.id)
            .then(() => library.refresh())
            .then(() => toasts.show({ message: `${words.restored}：${doc.title}` }))
            .catch((e: unknown) => toasts.show({ message: (e as Error).message, error: true }));
        },
      },
    });
  });
}

function Form({ doc }: { doc: DocumentSummary }): ReactNode {
  const { t } = useI18n();
  const w = t.importing;
  const [values, setValues] = useState<Values>(() => valuesOf(doc));
  const [reset, setReset] = useState<Set<MetadataField>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const corrected = new Set(doc.corrected ?? []);
  const set = (f: MetadataField, v: string): void => {
    setValues({ ...values, [f]: v });
    if (reset.has(f)) setReset(new Set([...reset].filter((x) => x !== f)));
  };

  const save = (): void => {
    const change = changeOf(doc, values, reset);
    if (Object.keys(change).length === 0) {
      closeMetadata();
      return;
    }
    api
      .correctDocument(doc.id, change)
      .then(async () => {
        await library.refresh();
        closeMetadata();
        toasts.show({ message: w.saved }, 3000);
      })
      .catch((e: unknown) => setError((e as Error).message.replace(/^correctDocument: /, '')));
  };

  const mark = (f: MetadataField): ReactNode =>
    corrected.has(f) && !reset.has(f) ? (
      <span className="corrected-mark">
        {w.corrected}
        <button type="button" className="reset-field" onClick={() => setReset(new Set([...reset, f]))}>
          {w.resetField}
        </button>
      </span>
    ) : null;

  const field = (f: MetadataField, control: ReactNode): ReactNode => (
    <label key={f} className={`metadata-field field-${f}${corrected.has(f) && !reset.has(f) ? ' is-corrected' : ''}`}>
      <span className="metadata-label">
        {w.fields[f]}
        {mark(f)}
      </span>
      {control}
    </label>
  );

  return (
    <form
      className="import-dialog metadata-form"
      aria-label={w.formTitle}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.key === 'Escape' && closeMetadata()}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2>{w.formTitle}</h2>
      <p className="metadata-source">{doc.source}</p>
      {TEXT_FIELDS.map((f) =>
        field(
          f,
          <input
            name={f}
            value={reset.has(f) ? '' : values[f]}
            placeholder={reset.has(f) ? w.resetField : f === 'date' || f === 'validUntil' ? w.datePlaceholder : ''}
            onChange={(e) => set(f, e.target.value)}
          />,
        ),
      )}
      {field(
        'level',
        <select name="level" value={values.level} onChange={(e) => set('level', e.target.value)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t.level[l]}
            </option>
          ))}
        </select>,
      )}
      {field(
        'kind',
        <select name="kind" value={values.kind} onChange={(e) => set('kind', e.target.value)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kind[k]}
            </option>
          ))}
        </select>,
      )}
      {corrected.size > 0 && <p className="metadata-note">{w.correctedNote}</p>}
      {error && (
        <p className="metadata-error" role="alert">
          {error}
        </p>
      )}
      <div className="import-actions">
        {confirming ? (
          <span className="confirm" role="alertdialog" aria-label={w.remove}>
            {w.confirmRemove}
            <button
              type="button"
              className="danger"
              onClick={() => {
                closeMetadata();
                removeWithUndo(doc, w).catch((e: unknown) => toasts.show({ message: (e as Error).message, error: true }));
              }}
            >
              {w.confirm}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {w.cancel}
            </button>
          </span>
        ) : (
          <button type="button" className="danger remove-document" onClick={() => setConfirming(true)}>
            {w.remove}
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={closeMetadata}>
          {w.cancel}
        </button>
        <button type="submit" className="primary">
          {w.save}
        </button>
      </div>
    </form>
  );
}

export function MetadataForm({ docId }: { docId: string }): ReactNode {
  const doc = useDocumentMap().get(docId);
  if (!doc) return null;
  return (
    <div className="import-backdrop metadata-backdrop" onClick={closeMetadata}>
      {/* Keyed by what the form starts from: a correction saved elsewhere starts it anew. */}
      <Form key={`${doc.id}:${JSON.stringify(doc)}`} doc={doc} />
    </div>
  );
}
