// The library's facets: each value with how many documents it would leave; choosing a value again
// clears it. Long lists (jurisdictions, issuers) show their commonest values and a "more".

import { useState, type ReactNode } from 'react';
import { useI18n } from '../common/i18n.tsx';
import { filtering, type FacetValue, type Facets, type LibraryFilters } from './library-view.ts';
import { libraryView } from './view-store.ts';

interface ListProps<T> {
  title: string;
  values: FacetValue<T>[];
  selected: T | null;
  label: (value: T) => string;
  onChoose: (value: T) => void;
  /** How many to show before "more"; the selected value shows anyway. */
  limit?: number;
}

function FacetList<T extends string>({ title, values, selected, label, onChoose, limit = Infinity }: ListProps<T>): ReactNode {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  const shown = all ? values : values.filter((v, i) => i < limit || v.value === selected);
  return (
    <section className="library-facet" aria-label={title}>
      <h3>{title}</h3>
      {shown.map((v) => (
        <button key={v.value} type="button" className={`facet${v.value === selected ? ' current' : ''}`} aria-pressed={v.value === selected} onClick={() => onChoose(v.value)}>
          <span className="facet-label" title={label(v.value)}>
            {label(v.value)}
          </span>
          <span className="facet-count">{v.count}</span>
        </button>
      ))}
      {values.length > limit && (
        <button type="button" className="facet-more" onClick={() => setAll(!all)}>
          {all ? t.daily.fewer : `${t.daily.more} (${values.length - limit})`}
        </button>
      )}
    </section>
  );
}

function YearRange({ years, from, to }: { years: number[]; from: number | null; to: number | null }): ReactNode {
  const { t } = useI18n();
  if (years.length === 0) return null;
  const pick = (v: string): number | null => (v === '' ? null : Number(v));
  const options = (none: string): ReactNode[] => [
    <option key="" value="">
      {none}
    </option>,
    ...years.map((y) => (
      <option key={y} value={y}>
        {y}
      </option>
    )),
  ];
  return (
    <section className="library-facet" aria-label={t.daily.years}>
      <h3>{t.daily.years}</h3>
      <div className="year-range">
        <select aria-label={t.daily.yearFrom} value={from ?? ''} onChange={(e) => libraryView.setYears(pick(e.target.value), to)}>
          {options(t.daily.yearFrom)}
        </select>
        –
        <select aria-label={t.daily.yearTo} value={to ?? ''} onChange={(e) => libraryView.setYears(from, pick(e.target.value))}>
          {options(t.daily.yearTo)}
        </select>
      </div>
    </section>
  );
}

export function LibraryFacets({ facets, filters }: { facets: Facets; filters: LibraryFilters }): ReactNode {
  const { t } = useI18n();
  return (
    <aside className="library-facets" aria-label={t.daily.facets}>
      {filtering(filters) && (
        <button type="button" className="clear-filters" onClick={libraryView.clear}>
          {t.daily.clearFilters}
        </button>
      )}
      <FacetList title={t.daily.jurisdiction} values={facets.jurisdiction} selected={filters.jurisdiction} label={(v) => v} onChoose={(v) => libraryView.choose('jurisdiction', v)} limit={12} />
      <FacetList title={t.daily.level} values={facets.level} selected={filters.level} label={(v) => t.level[v]} onChoose={(v) => libraryView.choose('level', v)} />
      <FacetList title={t.daily.kind} values={facets.kind} selected={filters.kind} label={(v) => t.kind[v]} onChoose={(v) => libraryView.choose('kind', v)} />
      <FacetList title={t.daily.validity} values={facets.validity} selected={filters.validity} label={(v) => t.versions.status[v]} onChoose={(v) => libraryView.choose('validity', v)} />
      <YearRange years={facets.years} from={filters.yearFrom} to={filters.yearTo} />
      <FacetList title={t.issuer} values={facets.issuer} selected={filters.issuer} label={(v) => v} onChoose={(v) => libraryView.choose('issuer', v)} limit={10} />
    </aside>
  );
}
