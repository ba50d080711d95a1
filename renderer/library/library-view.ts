// What the library shows of its documents, as a legal database does: a filter on title, issuer and
// number (folded as search folds, so Traditional finds Simplified); facets (jurisdiction, level,
// issuer, kind, year range, status: in force, amended, not yet in force, expired), each counted
// over the documents the other facets leave; groups by jurisdiction (in shared/place-order.ts's
// order), each sorted by date or title; and the rows of the list, group headers and documents,
// that the virtualised list draws. Pure: no React, no page.

import { comparePlaces, levelRank, placeRank } from '../../shared/place-order.ts';
import type { Fold } from '../../shared/snippet.ts';
import type { DocKind, DocumentSummary, Level, VersionStatus } from '../../shared/types.ts';

/** Where a document stands: in force (current), amended by a newer version, not yet in force, expired. */
export type Validity = VersionStatus;
export type LibrarySort = 'date' | 'title';

export interface LibraryFilters {
  text: string;
  jurisdiction: string | null;
  level: Level | null;
  issuer: string | null;
  kind: DocKind | null;
  yearFrom: number | null;
  yearTo: number | null;
  validity: Validity | null;
}

export const NO_FILTERS: LibraryFilters = { text: '', jurisdiction: null, level: null, issuer: null, kind: null, yearFrom: null, yearTo: null, validity: null };

export interface Group {
  /** level:jurisdiction */
  key: string;
  level: Level;
  jurisdiction: string;
  docs: DocumentSummary[];
}

export type Row = { kind: 'group'; group: Group; collapsed: boolean } | { kind: 'doc'; group: Group; doc: DocumentSummary };

export const yearOf = (d: DocumentSummary): number | null => (d.date ? Number(d.date.slice(0, 4)) : null);

export const isExpired = (d: DocumentSummary, today: string): boolean => d.validUntil !== null && d.validUntil < today;

/**
 * Where a document stands on `today`: among its versions as the engine ranked them (a newer one
 * in effect amends it); else past its stated validity, not yet in effect, or in force.
 */
export function statusOf(d: DocumentSummary, today: string): Validity {
  if (d.version && d.version.status !== 'current') return d.version.status;
  if (isExpired(d, today)) return 'expired';
  return d.effective !== null && d.effective > today ? 'upcoming' : 'current';
}

/**
 * When it takes effect, if that says something its date does not: a later day (自2020年10月1日起施行).
 * An amended law in force since it was first made (自公布之日起施行: its 1991 date) says nothing new.
 */
export const effectiveOfItsOwn = (d: { date: string | null; effective: string | null }): string | null =>
  d.effective !== null && (d.date === null || d.effective > d.date) ? d.effective : null;

export const STATUS_ORDER: readonly Validity[] = ['current', 'superseded', 'upcoming', 'expired'];

/** The issuer to show beside the places: none when it is only the place (广州市), said once. */
export const issuerBesidePlaces = (d: DocumentSummary): string | null => (d.issuer && !d.jurisdictions.some((j) => j.name === d.issuer) ? d.issuer : null);

/** A document number as typed in any brackets: 粤府函〔2019〕31号, [2019], （2019）, 2019 alike. */
const BRACKETS = /[〔〕[\]［］()（）【】〖〗{}<>《》\s]/g;
const bare = (s: string): string => s.replace(BRACKETS, '');

/** What the filter text is looked for in, folded once per document and fold. */
const haystacks = new Map<Fold, WeakMap<DocumentSummary, string>>();
function haystack(d: DocumentSummary, fold: Fold): string {
  let cache = haystacks.get(fold);
  if (!cache) {
    // A fold is replaced once, when opencc's tables arrive: the old one's cache can go.
    haystacks.clear();
    cache = new WeakMap();
    haystacks.set(fold, cache);
  }
  let h = cache.get(d);
  if (h === undefined) {
    h = fold(`${d.title}\n${d.issuer ?? ''}\n${d.docNumber ?? ''}\n${bare(d.docNumber ?? '')}`);
    cache.set(d, h);
  }
  return h;
}

type Facet = 'jurisdiction' | 'level' | 'issuer' | 'kind' | 'year' | 'validity' | 'text';

/** Whether a document passes every filter but `skip` (a facet is counted without its own choice). */
function passes(d: DocumentSummary, f: LibraryFilters, needles: string[], today: string, fold: Fold, skip: Facet | null): boolean {
  if (skip !== 'jurisdiction' && f.jurisdiction !== null && !d.jurisdictions.some((j) => j.name === f.jurisdiction) && d.jurisdiction !== f.jurisdiction) return false;
  if (skip !== 'level' && f.level !== null && d.level !== f.level) return false;
  if (skip !== 'issuer' && f.issuer !== null && d.issuer !== f.issuer) return false;
  if (skip !== 'kind' && f.kind !== null && d.kind !== f.kind) return false;
  if (skip !== 'validity' && f.validity !== null && statusOf(d, today) !== f.validity) return false;
  if (skip !== 'year' && (f.yearFrom !== null || f.yearTo !== null)) {
    const y = yearOf(d);
    if (y === null || (f.yearFrom !== null && y < f.yearFrom) || (f.yearTo !== null && y > f.yearTo)) return false;
  }
  if (skip !== 'text' && needles.length > 0) {
    const h = haystack(d, fold);
    if (!needles.every((n) => h.includes(n) || h.includes(bare(n)))) return false;
  }
  return true;
}

/** The filter text as needles: its words, folded (every word must occur). */
export const needlesOf = (text: string, fold: Fold): string[] => fold(text).split(/\s+/).filter((w) => w !== '');

export function filterDocs(docs: DocumentSummary[], f: LibraryFilters, today: string, fold: Fold): DocumentSummary[] {
  const needles = needlesOf(f.text, fold);
  return docs.filter((d) => passes(d, f, needles, today, fold, null));
}

export interface FacetValue<T> {
  value: T;
  count: number;
}

export interface Facets {
  jurisdiction: FacetValue<string>[];
  level: FacetValue<Level>[];
  issuer: FacetValue<string>[];
  kind: FacetValue<DocKind>[];
  validity: FacetValue<Validity>[];
  /** Every year a document is dated, oldest first, for the range's two ends. */
  years: number[];
}

function counted<T>(docs: DocumentSummary[], values: (d: DocumentSummary) => readonly T[]): FacetValue<T>[] {
  const counts = new Map<T, number>();
  for (const d of docs) {
    const vs = values(d);
    // A document counts once under each value (a list of one or two: no set needed).
    vs.forEach((v, i) => {
      if (vs.indexOf(v) === i) counts.set(v, (counts.get(v) ?? 0) + 1);
    });
  }
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** Each facet's values with how many documents each would leave, the other facets applied. */
export function facetsOf(docs: DocumentSummary[], f: LibraryFilters, today: string, fold: Fold): Facets {
  const needles = needlesOf(f.text, fold);
  const without = (skip: Facet): DocumentSummary[] => docs.filter((d) => passes(d, f, needles, today, fold, skip));
  const byCount = <T>(a: FacetValue<T>, b: FacetValue<T>): number => b.count - a.count;
  const places = counted(without('jurisdiction'), (d) => (d.jurisdictions.length ? d.jurisdictions.map((j) => j.name) : [d.jurisdiction]));
  return {
    // The places the app lists first in their order, then the others by how many documents each holds.
    jurisdiction: places.sort((a, b) => placeRank(a.value) - placeRank(b.value) || byCount(a, b) || collator.compare(a.value, b.value)),
    level: counted(without('level'), (d) => [d.level]).sort((a, b) => levelRank(a.value) - levelRank(b.value)),
    issuer: counted(without('issuer'), (d) => (d.issuer ? [d.issuer] : [])).sort((a, b) => byCount(a, b) || collator.compare(a.value, b.value)),
    kind: counted(without('kind'), (d) => [d.kind]).sort((a, b) => ['policy', 'notice', 'news'].indexOf(a.value) - ['policy', 'notice', 'news'].indexOf(b.value)),
    validity: counted<Validity>(without('validity'), (d) => [statusOf(d, today)]).sort((a, b) => STATUS_ORDER.indexOf(a.value) - STATUS_ORDER.indexOf(b.value)),
    years: [...new Set(docs.map(yearOf).filter((y) => y !== null))].sort((a, b) => a - b),
  };
}

const collator = new Intl.Collator('zh');

function byDate(a: DocumentSummary, b: DocumentSummary): number {
  // Policies and notices before news; newest first (ISO dates compare as strings), then by title.
  const [da, db] = [a.date ?? '', b.date ?? ''];
  return Number(a.kind === 'news') - Number(b.kind === 'news') || (da < db ? 1 : da > db ? -1 : collator.compare(a.title, b.title));
}

/**
 * The documents by jurisdiction, national first, then the Greater Bay Area's places in their
 * order; a document that concerns several places (an agreement of two cities) stands in each.
 */
export function groupDocs(docs: DocumentSummary[], sort: LibrarySort): Group[] {
  const groups = new Map<string, Group>();
  for (const d of docs) {
    const places = d.jurisdictions.length ? d.jurisdictions : [{ name: d.jurisdiction, level: d.level }];
    for (const j of places) {
      const key = `${j.level}:${j.name}`;
      let g = groups.get(key);
      if (!g) {
        g = { key, level: j.level, jurisdiction: j.name, docs: [] };
        groups.set(key, g);
      }
      g.docs.push(d);
    }
  }
  const order = sort === 'title' ? (a: DocumentSummary, b: DocumentSummary) => collator.compare(a.title, b.title) : byDate;
  for (const g of groups.values()) g.docs.sort(order);
  return [...groups.values()].sort(comparePlaces);
}

/** The list as drawn: each group's header, then its documents unless it is collapsed. */
export function rowsOf(groups: Group[], collapsed: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    const closed = collapsed.has(group.key);
    rows.push({ kind: 'group', group, collapsed: closed });
    if (!closed) for (const doc of group.docs) rows.push({ kind: 'doc', group, doc });
  }
  return rows;
}

export interface LibraryList {
  shown: DocumentSummary[];
  rows: Row[];
}

/** A function of the inputs worked out again only when one of them changes (Object.is). */
function once<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last?.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = f(...args);
    last = { args, result };
    return result;
  };
}

const listOnce = once((docs: DocumentSummary[], f: LibraryFilters, sort: LibrarySort, collapsed: ReadonlySet<string>, today: string, fold: Fold | null): LibraryList => {
  const shown = filterDocs(docs, f, today, fold ?? identity);
  return { shown, rows: rowsOf(groupDocs(shown, sort), collapsed) };
});
const facetsOnce = once((docs: DocumentSummary[], f: LibraryFilters, today: string, fold: Fold | null): Facets => facetsOf(docs, f, today, fold ?? identity));
const identity: Fold = (s) => s;

/**
 * What the library draws, worked out again only when what it depends on changes: coming back from
 * the reader to the same documents, filters and groups costs nothing. The fold matters only while
 * there is text to look for (its tables arrive after the first paint).
 */
export const libraryList = (docs: DocumentSummary[], f: LibraryFilters, sort: LibrarySort, collapsed: ReadonlySet<string>, today: string, fold: Fold): LibraryList =>
  listOnce(docs, f, sort, collapsed, today, f.text.trim() ? fold : null);

/**
 * The facets, memoised the same way. They count every document (six passes over the library), so
 * the view works them out apart from the rows, in a render of their own after the rows are shown.
 */
export const libraryFacets = (docs: DocumentSummary[], f: LibraryFilters, today: string, fold: Fold): Facets => facetsOnce(docs, f, today, f.text.trim() ? fold : null);

/** Whether any filter is set (an empty list then says what to clear). */
export const filtering = (f: LibraryFilters): boolean => Object.entries(f).some(([k, v]) => (k === 'text' ? String(v).trim() !== '' : v !== null));
