// The library's filter, facets, groups and rows over the seeds' documents as the engine lists
// them, and its view store (what the library keeps while the reader is on screen).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../../shared/fold.ts';
import type { DocumentSummary } from '../../shared/types.ts';
import { join } from 'node:path';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { Library } from '../../electron/core/store/library.ts';
import { comparePlaces, placeRank } from '../../shared/place-order.ts';
import { facetsOf, filterDocs, groupDocs, libraryFacets, libraryList, NO_FILTERS, rowsOf, statusOf, effectiveOfItsOwn, type LibraryFilters } from '../../renderer/library/library-view.ts';
import { createLibraryView } from '../../renderer/library/view-store.ts';
import { FIXTURES, seededLibrary, tempDir } from '../helpers/library.ts';

let docs: DocumentSummary[];
let cleanup: () => void;
before(() => {
  const seeded = seededLibrary();
  docs = seeded.library.listDocuments();
  cleanup = seeded.cleanup;
});
after(() => cleanup());

const TODAY = '2026-12-02';
const titles = (f: Partial<LibraryFilters>): string[] => filterDocs(docs, { ...NO_FILTERS, ...f }, TODAY, fold).map((d) => d.title);

test('the filter folds as search does: Traditional input finds Simplified titles and issuers', () => {
  const simplified = titles({ text: '跨境电子商务综合试验区' });
  assert.ok(simplified.length >= 3, simplified.join());
  assert.deepEqual(titles({ text: '跨境電子商務綜合試驗區' }), simplified);
  // Every word must occur, in the title, the issuer or the number.
  assert.deepEqual(titles({ text: '珠海 政策措施' }), ['珠海市商务局关于印发《关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施》的通知']);
  assert.ok(titles({ text: '广州市人民政府办公厅' }).length > 0, 'an issuer is found');
});

test('a document number is found in any brackets', () => {
  const want = ['广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知'];
  for (const typed of ['粤府函〔2019〕31号', '粤府函[2019]31号', '粤府函［2019］31号', '粤府函(2019)31号', '粤府函2019 31号', '〔2019〕31号']) {
    assert.deepEqual(titles({ text: typed }), want, typed);
  }
});

test('facets: each counted without its own choice, so the other values stay on offer', () => {
  const news = { ...NO_FILTERS, kind: 'news' as const };
  const facets = facetsOf(docs, news, TODAY, fold);
  const count = (v: string): number | undefined => facets.kind.find((k) => k.value === v)?.count;
  assert.equal(count('news'), docs.filter((d) => d.kind === 'news').length);
  assert.equal(count('policy'), docs.filter((d) => d.kind === 'policy').length);
  // The other facets count the news only.
  const total = (values: { count: number }[]): number => values.reduce((n, v) => n + v.count, 0);
  assert.equal(total(facets.level), docs.filter((d) => d.kind === 'news').length);
  // An agreement of two cities counts under both.
  const all = facetsOf(docs, NO_FILTERS, TODAY, fold);
  assert.ok(all.jurisdiction.some((j) => j.value === '梅州市'));
  assert.deepEqual(all.jurisdiction.slice(0, 3).map((j) => j.value), ['全国', '广东省', '广州市']);
});

test('in force or expired, by the last day the text states', () => {
  const expired = titles({ validity: 'expired' });
  assert.ok(expired.includes('珠海市商务局关于印发《关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施》的通知'));
  assert.equal(expired.length + titles({ validity: 'current' }).length, docs.length);
  // Before its last day, the same text is in force.
  assert.equal(filterDocs(docs, { ...NO_FILTERS, validity: 'expired' }, '2021-06-01', fold).length, 0);
});

test('versions: the older of two is amended, a newer one not yet in effect is upcoming, each counted in the status facet', () => {
  const { dir, cleanup: done } = tempDir();
  const library = Library.open(dir);
  try {
    ingestFile(library, join(FIXTURES, 'versions', '民事诉讼法(2021-12-24).md'));
    ingestFile(library, join(FIXTURES, 'versions', '民事诉讼法(2023-09-01).md'));
    ingestFile(library, join(FIXTURES, 'qianhai-regulation.zh-hans.txt'));
    const listed = library.listDocuments();
    // The engine ranks versions on the day it lists them; the page reads the rest on the same day.
    const status = (today: string): string[] =>
      library.listDocuments(today).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).map((d) => statusOf(d, today));
    // Qianhai 2020 (in effect 2020-10-01), 民事诉讼法 2021, 2023.
    assert.deepEqual(status(TODAY), ['current', 'superseded', 'current']);
    // Between the two versions the 2021 one stands and the 2023 one is not in effect yet; before
    // 2020-10-01 the Qianhai regulation was not in effect either.
    assert.deepEqual(status('2022-06-01'), ['current', 'current', 'upcoming']);
    assert.equal(status('2020-09-01')[0], 'upcoming');
    // Shown beside the date only when it is a later day of its own.
    assert.deepEqual([...listed].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).map(effectiveOfItsOwn), ['2020-10-01', null, null]);
    const facet = facetsOf(listed, NO_FILTERS, TODAY, fold).validity;
    assert.deepEqual(facet.map((v) => [v.value, v.count]), [['current', 2], ['superseded', 1]]);
  } finally {
    library.close();
    done();
  }
});

test('one place order: the library groups and the links panel list places alike', () => {
  const groups = groupDocs(docs, 'date').map((g) => ({ level: g.level, jurisdiction: g.jurisdiction }));
  assert.deepEqual([...groups].sort(comparePlaces), groups);
  assert.deepEqual(groups.slice(0, 3).map((g) => g.jurisdiction), ['全国', '广东省', '广州市']);
  // Greater Bay Area cities in their order before other cities, whatever their names.
  const cities = groups.filter((g) => g.level === 'city').map((g) => g.jurisdiction);
  assert.ok(cities.indexOf('珠海市') < cities.indexOf('东莞市') && cities.indexOf('东莞市') < cities.indexOf('梅州市'), cities.join());
  assert.ok(placeRank('香港特别行政区') < placeRank('澳门特别行政区') && placeRank('澳门') < placeRank('上海市'));
});

test('a year range keeps the documents dated within it', () => {
  const within = filterDocs(docs, { ...NO_FILTERS, yearFrom: 2019, yearTo: 2019 }, TODAY, fold);
  assert.ok(within.length > 5);
  assert.ok(within.every((d) => d.date?.startsWith('2019')));
  assert.equal(filterDocs(docs, { ...NO_FILTERS, yearFrom: 2022 }, TODAY, fold).every((d) => Number(d.date?.slice(0, 4)) >= 2022), true);
  assert.deepEqual(facetsOf(docs, NO_FILTERS, TODAY, fold).years, [...new Set(docs.flatMap((d) => (d.date ? [Number(d.date.slice(0, 4))] : [])))].sort());
});

test('groups by jurisdiction, national first; a two-city agreement stands in both; sorted by date or title', () => {
  const groups = groupDocs(docs, 'date');
  assert.deepEqual(groups.slice(0, 3).map((g) => g.jurisdiction), ['全国', '广东省', '广州市']);
  const agreement = docs.find((d) => d.title.startsWith('广州-梅州签署金融合作协议'));
  assert.ok(agreement);
  for (const place of ['广州市', '梅州市']) assert.ok(groups.find((g) => g.jurisdiction === place)?.docs.includes(agreement), place);
  for (const g of groups) {
    const policies = g.docs.filter((d) => d.kind !== 'news');
    assert.deepEqual(g.docs.slice(0, policies.length), policies, 'news after policies');
    const dates = policies.map((d) => d.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse(), `${g.jurisdiction}: newest first`);
  }
  const byTitle = groupDocs(docs, 'title').find((g) => g.jurisdiction === '广东省');
  const names = byTitle?.docs.map((d) => d.title) ?? [];
  assert.deepEqual(names, [...names].sort(new Intl.Collator('zh').compare));
});

test('rows: a collapsed group keeps its header and hides its documents', () => {
  const groups = groupDocs(docs, 'date');
  const open = rowsOf(groups, new Set());
  assert.equal(open.length, groups.length + groups.reduce((n, g) => n + g.docs.length, 0));
  const guangzhou = groups.find((g) => g.jurisdiction === '广州市');
  assert.ok(guangzhou);
  const closed = rowsOf(groups, new Set([guangzhou.key]));
  assert.equal(closed.length, open.length - guangzhou.docs.length);
  assert.deepEqual(closed.find((r) => r.kind === 'group' && r.group === guangzhou), { kind: 'group', group: guangzhou, collapsed: true });
});

test('the view store: a facet chosen again is cleared; a new selection forgets the scroll, a sort or a fold does not', () => {
  const view = createLibraryView();
  view.setScroll(1200);
  view.toggleGroup('city:广州市');
  view.setSort('title');
  assert.equal(view.scroll(), 1200);
  assert.deepEqual([...view.get().collapsed], ['city:广州市']);
  view.choose('jurisdiction', '珠海市');
  assert.equal(view.get().filters.jurisdiction, '珠海市');
  assert.equal(view.scroll(), 0);
  view.choose('jurisdiction', '珠海市');
  assert.equal(view.get().filters.jurisdiction, null);
  view.setText('廣州');
  view.setYears(2019, 2021);
  assert.deepEqual([view.get().filters.text, view.get().filters.yearFrom, view.get().filters.yearTo], ['廣州', 2019, 2021]);
  view.clear();
  assert.deepEqual(view.get().filters, NO_FILTERS);
  assert.equal(view.get().sort, 'title');
  view.toggleGroup('city:广州市');
  assert.equal(view.get().collapsed.size, 0);
});

test('the list is worked out once for the same documents, filters, sort and groups (coming back costs nothing)', () => {
  const collapsed = new Set<string>();
  const first = libraryList(docs, NO_FILTERS, 'date', collapsed, TODAY, fold);
  assert.equal(libraryList(docs, NO_FILTERS, 'date', collapsed, TODAY, fold), first);
  // Without text to look for, a new fold changes nothing; with text, it does.
  assert.equal(libraryList(docs, NO_FILTERS, 'date', collapsed, TODAY, (s) => s), first);
  const other = libraryList(docs, NO_FILTERS, 'date', new Set(['city:广州市']), TODAY, fold);
  assert.notEqual(other, first);
  assert.equal(other.rows.length, first.rows.length - (first.rows.filter((r) => r.kind === 'doc' && r.group.key === 'city:广州市').length));
  const text = { ...NO_FILTERS, text: '广州' };
  assert.notEqual(libraryList(docs, text, 'date', collapsed, TODAY, fold), libraryList(docs, text, 'date', collapsed, TODAY, (s) => s));
  // The facets, worked out apart from the rows, are memoised alike.
  const facets = libraryFacets(docs, NO_FILTERS, TODAY, fold);
  assert.equal(libraryFacets(docs, NO_FILTERS, TODAY, (s) => s), facets);
  assert.deepEqual(facets, facetsOf(docs, NO_FILTERS, TODAY, fold));
  assert.notEqual(libraryFacets(docs, text, TODAY, fold), facets);
});
