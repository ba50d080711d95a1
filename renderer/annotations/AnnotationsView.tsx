// The annotations view (#/annotations): every highlight and note of the library, filtered by
// colour, tag, document, jurisdiction, the document's year and status; each opens its clause, and
// what a filter selects goes into a brief at once.
// Orphans (words a re-import could not place again) show their quote and old citation and can be
// attached to a new selection. The trash lists what was deleted: restore, or empty it for good.

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { COLORS } from '../../shared/anchoring/annotation.ts';
import type { Annotation, Color } from '../../shared/api.ts';
import type { Messages } from '../../shared/i18n.ts';
import { pickBrief } from '../briefs/briefs.ts';
import { useI18n } from '../common/i18n.tsx';
import { useStore } from '../common/store.ts';
import { toasts } from '../common/toast.ts';
import { useDocuments } from '../library/library.ts';
import { deleteWithUndo, failed } from './actions.ts';
import { annotating, annotationList, annotations } from './annotations.ts';
import { queryOf, type ListFilters } from './list-store.ts';
import { NoteView } from './NoteView.tsx';
import { openAnnotation, openLinkedClause } from './open.ts';
import { whereOf } from './where.ts';

const day = (iso: string): string => iso.slice(0, 10);

export function AnnotationsView(): ReactNode {
  const { t } = useI18n();
  const state = useStore(annotationList);
  const docs = useDocuments();
  useEffect(() => annotationList.start(), []);
  const { filters, counts, items } = state;
  const set = (p: Partial<ListFilters>): void => annotationList.filter(p);
  const jurisdictions = useMemo(() => [...new Set(docs.flatMap((d) => [d.jurisdiction, ...d.jurisdictions.map((j) => j.name)]))].sort((a, b) => a.localeCompare(b, 'zh')), [docs]);
  const years = useMemo(() => [...new Set(docs.flatMap((d) => (d.date ? [Number(d.date.slice(0, 4))] : [])))].sort((a, b) => a - b), [docs]);
  const inTrash = filters.trash === true;
  const a = t.annotations;
  const facet = (key: string, label: ReactNode, count: number | undefined, on: boolean, toggle: () => void, className = ''): ReactNode => (
    <button key={key} type="button" className={`facet${on ? ' current' : ''}${className}`} aria-pressed={on} onClick={toggle}>
      <span className="facet-label">{label}</span>
      <span className="facet-count">{count ?? ''}</span>
    </button>
  );

  return (
    <section className="annotations-view" aria-label={a.title}>
      <aside className="annotations-facets">
        <div className="annotations-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={!inTrash} onClick={() => set({ trash: undefined })}>
            {a.list}
            <span className="count">{counts?.total ?? ''}</span>
          </button>
          <button type="button" role="tab" aria-selected={inTrash} onClick={() => set({ trash: true })}>
            {a.trash}
            <span className="count">{counts?.trash ?? ''}</span>
          </button>
        </div>
        <h3>{a.colors}</h3>
        <div role="group" aria-label={a.colors}>
          {COLORS.map((c) =>
            facet(
              c,
              <>
                <span className={`dot swatch-${c}`} />
                {t.notes.color[c]}
              </>,
              counts?.byColor[c],
              filters.color === c,
              () => set({ color: filters.color === c ? undefined : c }),
              counts?.byColor[c] ? '' : ' empty',
            ),
          )}
        </div>
        <h3>{t.notes.tags}</h3>
        <div role="group" aria-label={t.notes.tags}>
          {(counts?.byTag ?? []).length === 0 && <p className="facet-none">—</p>}
          {(counts?.byTag ?? []).map((x) => facet(x.tag, x.tag, x.count, filters.tag === x.tag, () => set({ tag: filters.tag === x.tag ? undefined : x.tag })))}
        </div>
        {!inTrash && (
          <>
            <h3>{a.status}</h3>
            <div role="group" aria-label={a.status}>
              {facet('anchored', t.notes.status.anchored, counts?.anchored, filters.status === 'anchored', () => set({ status: filters.status === 'anchored' ? undefined : 'anchored' }))}
              {facet('orphan', t.notes.status.orphan, counts?.orphan, filters.status === 'orphan', () => set({ status: filters.status === 'orphan' ? undefined : 'orphan' }), counts?.orphan ? ' orphans' : ' empty')}
            </div>
          </>
        )}
      </aside>
      <div className="annotations-main">
        <div className="annotations-filters">
          <select aria-label={a.anyDocument} className="doc-filter" value={filters.docId ?? ''} onChange={(e) => set({ docId: e.target.value || undefined })}>
            <option value="">{a.anyDocument}</option>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
          <select aria-label={a.anyJurisdiction} value={filters.jurisdiction ?? ''} onChange={(e) => set({ jurisdiction: e.target.value || undefined })}>
            <option value="">{a.anyJurisdiction}</option>
            {jurisdictions.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
          <span className="year-filter" role="group" aria-label={a.years}>
            <span>{a.years}</span>
            <YearSelect label={a.yearFrom} years={years} value={filters.yearFrom} onChange={(y) => set({ yearFrom: y })} />
            –
            <YearSelect label={a.yearTo} years={years} value={filters.yearTo} onChange={(y) => set({ yearTo: y })} />
          </span>
          <button type="button" className="clear-filters" onClick={() => annotationList.clear()}>
            {a.clear}
          </button>
          <span className="list-count" aria-live="polite">
            {items.length}
            {state.more ? '+' : ''} {a.count}
          </span>
          {inTrash && <EmptyTrash t={t} disabled={!counts?.trash} />}
          {!inTrash && (
            <button type="button" className="add-to-brief" disabled={items.length === 0} onClick={(e) => pickBrief([{ kind: 'annotations', query: queryOf(filters) }], e.currentTarget)}>
              {t.briefs.addFilter}
            </button>
          )}
        </div>
        {state.error !== null && <p className="problems">{state.error}</p>}
        <ol className="annotation-list" aria-busy={state.loading}>
          {items.map((x) => (
            <AnnotationRow key={x.id} a={x} t={t} />
          ))}
        </ol>
        {items.length === 0 && !state.loading && <p className="no-results">{inTrash ? a.trashEmpty : a.none}</p>}
        {state.more && (
          <button type="button" className="more" onClick={() => annotationList.loadMore()}>
            {a.more}
          </button>
        )}
      </div>
    </section>
  );
}

function EmptyTrash({ t, disabled }: { t: Messages; disabled: boolean }): ReactNode {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {t.annotations.emptyTrash}
      </button>
    );
  }
  return (
    <span className="confirm" role="alertdialog" aria-label={t.annotations.emptyTrash}>
      {t.annotations.confirmEmpty}
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          annotations.emptyTrash().then(() => toasts.show({ message: t.annotations.emptied }, 3000), failed);
        }}
      >
        {t.annotations.emptyTrash}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t.notes.cancel}
      </button>
    </span>
  );
}

const colorClass = (c: Color | null): string => (c ? ` note-${c}` : '');

function AnnotationRow({ a, t }: { a: Annotation; t: Messages }): ReactNode {
  const where = whereOf(a);
  const orphan = a.status === 'orphan';
  return (
    <li className={`annotation-row${colorClass(a.color)}${orphan ? ' orphan' : ''}`} data-annotation-id={a.id}>
      <div className="row-main" role="button" tabIndex={0} onClick={() => a.deleted === null && openAnnotation(a)} onKeyDown={(e) => e.key === 'Enter' && a.deleted === null && openAnnotation(a)}>
        <div className="row-meta">
          <span className="kind">{t.notes.kind[a.kind]}</span>
          {orphan && <span className="status-orphan">{t.notes.status.orphan}</span>}
          <span className="row-where">{orphan ? `${t.notes.formerly}：${where}` : where}</span>
        </div>
        {a.kind === 'highlight' && <blockquote className="row-quote">{a.targets.map((x) => x.quote.exact).join('\n')}</blockquote>}
        {orphan && <p className="orphan-why">{t.notes.orphanWhy}</p>}
        {a.note && <NoteView note={a.note} onOpenClause={(c) => openLinkedClause(c, t.notes.notALink)} />}
        <div className="row-foot">
          {a.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
          <span className="row-date">
            {a.deleted ? `${t.annotations.deletedAt} ${day(a.deleted)}` : `${t.annotations.created} ${day(a.created)}`}
          </span>
        </div>
      </div>
      <div className="row-actions">
        {a.deleted ? (
          <button type="button" onClick={() => void annotations.restore(a.id).then(() => toasts.show({ message: t.notes.restored }, 3000), failed)}>
            {t.annotations.restore}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => openAnnotation(a)}>
              {t.annotations.open}
            </button>
            {orphan && a.kind === 'highlight' && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  annotating.startReattach(a);
                  openAnnotation(a);
                }}
              >
                {t.notes.reattach}
              </button>
            )}
            <button type="button" className="danger" onClick={() => deleteWithUndo(a.id, t)}>
              {t.notes.delete}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** A year of the documents, or none ("—"). */
function YearSelect({ label, years, value, onChange }: { label: string; years: readonly number[]; value: number | undefined; onChange: (year: number | undefined) => void }): ReactNode {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
      <option value="">—</option>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}
