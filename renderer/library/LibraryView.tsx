// The library: every document, grouped by jurisdiction, with what an official needs to pick one
// (issuer, date, number, kind, validity), a filter, facets and a sort, and a way into either pane.
// The list is virtualised with rows of fixed height, so that a library of thousands of documents
// draws only the rows on screen, and coming back from the reader lands where one left it.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useRef, type ReactNode } from 'react';
import type { DocumentSummary } from '../../shared/types.ts';
import { loadFoldTables, useFold } from '../common/fold.ts';
import { useI18n } from '../common/i18n.tsx';
import { useStore } from '../common/store.ts';
import { LibraryFacets } from './LibraryFacets.tsx';
import { useDocuments, useLibraryStatus } from './library.ts';
import { effectiveOfItsOwn, filtering, isExpired, libraryFacets, libraryList, statusOf, type Group, type LibrarySort } from './library-view.ts';
import { libraryView } from './view-store.ts';
import { CompareButton } from '../links/CompareButton.tsx';
import { ImportButton } from '../import/ImportButton.tsx';

/** Row heights (px), fixed: a title line and a line of metadata; a group's header. */
const DOC_ROW = 68;
const GROUP_ROW = 48;

type Open = (docId: string, pane: 0 | 1) => void;

function DocRow({ doc, today, onOpen }: { doc: DocumentSummary; today: string; onOpen: Open }): ReactNode {
  const { t } = useI18n();
  const expired = isExpired(doc, today);
  const status = statusOf(doc, today);
  const effective = effectiveOfItsOwn(doc);
  const edition = doc.date ?? doc.effective;
  return (
    <div className={`doc-row kind-${doc.kind}${expired ? ' expired' : ''}`} data-doc-id={doc.id}>
      <div className="doc-title-line">
        <button type="button" className="doc-title" title={doc.title} onClick={() => onOpen(doc.id, 0)}>
          {doc.title}
        </button>
        {/* Versions of one law share a title: each says which one it is. */}
        {doc.version && (
          <span className="doc-edition" title={t.versions.ofVersions.replace('{n}', String(doc.version.count))}>
            {edition ? t.versions.edition.replace('{date}', edition) : t.versions.ofVersions.replace('{n}', String(doc.version.count))}
          </span>
        )}
      </div>
      <div className="doc-meta">
        <span className={`badge badge-${doc.kind}`}>{t.kind[doc.kind]}</span>
        {/* News has no legal status; a policy or law says where it stands (the validity says 已失效 itself). */}
        {doc.kind !== 'news' && !(status === 'expired' && doc.validUntil) && <span className={`doc-status status-${status}`}>{t.versions.status[status]}</span>}
        {doc.issuer && <span title={t.issuer}>{doc.issuer}</span>}
        {doc.date && <span title={t.date}>{doc.date}</span>}
        {effective && (
          <span className="doc-effective" title={t.versions.effective}>
            {t.versions.effective} {effective}
          </span>
        )}
        {doc.docNumber && <span title={t.docNumber}>{doc.docNumber}</span>}
        {doc.validUntil && (
          <span className={expired ? 'validity expired' : 'validity'}>
            {t.validUntil} {doc.validUntil}
            {expired ? ` · ${t.expired}` : ''}
          </span>
        )}
        <span className="clause-count">
          {doc.clauseCount} {t.clauses}
        </span>
      </div>
      <div className="doc-actions">
        <button type="button" onClick={() => onOpen(doc.id, 0)}>
          {t.openLeft}
        </button>
        <button type="button" onClick={() => onOpen(doc.id, 1)}>
          {t.openRight}
        </button>
        <CompareButton docId={doc.id} />
      </div>
    </div>
  );
}

function GroupHead({ group, collapsed }: { group: Group; collapsed: boolean }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="library-group-head" role="heading" aria-level={2}>
      <button type="button" aria-expanded={!collapsed} title={collapsed ? t.daily.expand : t.daily.collapse} onClick={() => libraryView.toggleGroup(group.key)}>
        <span className="chevron" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
        <span className="group-name">{group.jurisdiction}</span>
        <span className="group-level">{t.level[group.level]}</span>
        <span className="group-count">{group.docs.length}</span>
      </button>
    </div>
  );
}

export function LibraryView({ onOpen }: { onOpen: Open }): ReactNode {
  const { t } = useI18n();
  const docs = useDocuments();
  // The list not read yet (the library holds documents): nothing to say about it yet.
  const held = useLibraryStatus()?.documents ?? 0;
  const listing = docs.length === 0 && held > 0;
  const { filters, sort, collapsed } = useStore(libraryView);
  const fold = useFold();
  const today = new Date().toISOString().slice(0, 10);
  const { shown, rows } = libraryList(docs, filters, sort, collapsed, today, fold);
  // The facets count the whole library: when the documents or filters change, the rows are drawn
  // first and the facets follow in a render of their own (React's deferred value), so that the
  // first screenful never waits for the counting.
  const facetDocs = useDeferredValue(docs);
  const facetFilters = useDeferredValue(filters);
  const facets = libraryFacets(facetDocs, facetFilters, today, fold);

  // The first rows are drawn: the folding tables may load now (common/fold.ts).
  useEffect(() => {
    if (docs.length > 0) loadFoldTables();
  }, [docs]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_ROW : DOC_ROW),
    getItemKey: (i) => {
      const r = rows[i];
      return r ? (r.kind === 'group' ? r.group.key : `${r.group.key}/${r.doc.id}`) : i;
    },
    overscan: 6,
    initialOffset: libraryView.scroll,
    useFlushSync: false,
  });
  // A new selection starts at the top (the store forgot the offset); coming back does not.
  const drawn = useRef(filters);
  useEffect(() => {
    if (drawn.current === filters) return;
    drawn.current = filters;
    virtualizer.scrollToOffset(0);
  }, [filters, virtualizer]);

  return (
    <section className="library" aria-label={t.library}>
      <div className="library-header">
        <input type="search" value={filters.text} placeholder={t.daily.filterPlaceholder} aria-label={t.filterTitle} onChange={(e) => libraryView.setText(e.target.value)} />
        <label className="library-sort">
          {t.daily.sortBy}
          <select value={sort} onChange={(e) => libraryView.setSort(e.target.value as LibrarySort)}>
            <option value="date">{t.daily.sortDate}</option>
            <option value="title">{t.daily.sortTitle}</option>
          </select>
        </label>
        <span className="library-count" aria-live="polite">
          {shown.length === docs.length ? docs.length : `${shown.length} / ${docs.length}`} {t.documents}
        </span>
        {/* The library's own actions stand here, at the end of the header. */}
        <ImportButton />
      </div>
      <div className="library-body">
        <LibraryFacets facets={facets} filters={filters} />
        <div ref={scrollRef} className="library-list" onScroll={(e) => libraryView.setScroll(e.currentTarget.scrollTop)}>
          {listing ? null : rows.length === 0 ? (
            <div className="library-empty" role="status">
              <p>{docs.length === 0 ? t.daily.emptyLibrary : t.daily.noDocuments}</p>
              {filtering(filters) && (
                <button type="button" onClick={libraryView.clear}>
                  {t.daily.clearFilters}
                </button>
              )}
            </div>
          ) : (
            <div className="library-rows" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <div key={item.key} className="library-row" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
                    {row.kind === 'group' ? <GroupHead group={row.group} collapsed={row.collapsed} /> : <DocRow doc={row.doc} today={today} onOpen={onOpen} />}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
