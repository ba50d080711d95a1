// The library at scale: facets, sort, groups that fold, the Traditional filter, an empty result
// that says so, and its state kept across a visit to the reader; on the seeds, then on the seeds
// and the bench corpus (3,400 documents) when it is there, for the screenshot.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_CORPUS } from '../bench/corpus.ts';
import { ROOT, startApp, stopApp } from './app.ts';
import { expect, test } from './fixtures.ts';
import { libraryIsShown, pane, shoot } from './flow.ts';

test.describe.configure({ mode: 'serial' });

const ZHUHAI_POLICY = '珠海市商务局关于印发《关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施》的通知';

test('library: facets narrow and count, groups fold, Traditional filters, an empty result says so', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const library = page.getByRole('region', { name: '文库' });
  const facets = library.getByRole('complementary', { name: '筛选' });
  const count = library.locator('.library-count');
  const all = Number((await count.textContent())?.match(/\d+/)?.[0]);
  expect(all).toBe((await app.host.listDocuments()).length);

  // 珠海市, then expired: the one policy whose stated validity has passed.
  await facets.getByRole('region', { name: '地区' }).getByRole('button', { name: /^珠海市 \d+$/ }).click();
  await expect(library.getByRole('heading', { name: /^珠海市/ })).toBeVisible();
  await expect(library.getByRole('heading', { name: /^全国/ })).toHaveCount(0);
  await facets.getByRole('region', { name: '效力' }).getByRole('button', { name: /^已失效 1$/ }).click();
  await expect(count).toHaveText(`1 / ${all} 份文件`);
  const row = library.locator('.doc-row', { hasText: ZHUHAI_POLICY });
  await expect(row.locator('.validity.expired')).toHaveText('有效期至 2021-12-31 · 已失效');
  await facets.getByRole('button', { name: '清除筛选' }).click();
  await expect(count).toHaveText(`${all} 份文件`);

  // Traditional input, as search folds it; a document number in other brackets.
  const filter = library.getByRole('searchbox', { name: '按标题筛选' });
  await filter.fill('跨境電子商務綜合試驗區');
  await expect(library.getByRole('button', { name: '中国（东莞）跨境电子商务综合试验区实施方案', exact: true })).toBeVisible();
  await filter.fill('粤府函[2019]31号');
  await expect(library.locator('.doc-row')).toHaveCount(1);
  await expect(library.locator('.doc-row')).toContainText('粤府函〔2019〕31号');

  // Nothing matches: the list says so and offers to clear.
  await filter.fill('没有这样的文件标题');
  await expect(library.getByRole('status')).toHaveText(/没有符合筛选条件的文件/);
  await library.getByRole('status').getByRole('button', { name: '清除筛选' }).click();
  await expect(filter).toHaveValue('');

  // A group folds away and opens again.
  const national = library.getByRole('heading', { name: /^全国/ }).getByRole('button');
  await national.click();
  await expect(national).toHaveAttribute('aria-expanded', 'false');
  await expect(library.getByRole('button', { name: '粤港澳大湾区发展规划纲要', exact: true })).toHaveCount(0);
  await national.click();
  await expect(library.getByRole('button', { name: '粤港澳大湾区发展规划纲要', exact: true })).toBeVisible();

  // Sorting by title: within a group, titles in collation order.
  // The groups drawn, each as its titles in the order shown.
  const groups = (): Promise<string[][]> =>
    library.locator('.library-row').evaluateAll((rows) => {
      const out: string[][] = [];
      for (const r of rows) {
        if (r.querySelector('.library-group-head')) out.push([]);
        const title = r.querySelector('.doc-title')?.textContent;
        if (title) out[out.length - 1]?.push(title);
      }
      return out;
    });
  const byDate = await groups();
  await library.getByRole('combobox', { name: /排序/ }).selectOption('title');
  await expect.poll(groups).not.toEqual(byDate);
  const byTitle = await groups();
  const collate = new Intl.Collator('zh').compare;
  // The rows drawn are the same, in title order within each group (the last one may be cut off).
  expect(byTitle.slice(0, -1)).toEqual(byDate.slice(0, -1).map((g) => [...g].sort(collate)));
});

test('library: the reader header says when a policy has expired, and names a place that issued once', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const library = page.getByRole('region', { name: '文库' });
  await library.getByRole('searchbox', { name: '按标题筛选' }).fill(ZHUHAI_POLICY);
  await library.getByRole('button', { name: ZHUHAI_POLICY, exact: true }).click();
  await expect(pane(page, 0).locator('.pane-meta .validity.expired')).toHaveText('有效期至 2021-12-31 · 已失效');
  // 附件1 is issued by 广州市 itself: the place once, not "广州市 广州市".
  await page.getByRole('button', { name: '文库', exact: true }).click();
  const annex = '附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见';
  await library.getByRole('searchbox', { name: '按标题筛选' }).fill(annex);
  await library.getByRole('button', { name: annex, exact: true }).click();
  const meta = pane(page, 0).locator('.pane-meta');
  await expect(meta).toContainText('广州市');
  expect(((await meta.textContent()) ?? '').match(/广州市/g)).toHaveLength(1);
});

test('library at scale: 3,400 documents drawn by the screenful, state kept across the reader', async ({ chromiumBrowser }) => {
  test.skip(!existsSync(BENCH_CORPUS), 'the bench corpus is not beside the checkout');
  test.setTimeout(600_000);
  // The library is made before the app opens it, by the command line (ingest, then ingest DIR).
  const dataDir = mkdtempSync(join(tmpdir(), 'clauseway-e2e-big-'));
  const t0 = performance.now();
  for (const args of [[], [BENCH_CORPUS]]) execFileSync(process.execPath, [join(ROOT, 'bin', 'clauseway.js'), '--data', dataDir, 'ingest', ...args], { stdio: 'ignore' });
  test.info().annotations.push({ type: 'ingest', description: `${Math.round(performance.now() - t0)} ms` });
  const big = await startApp(dataDir);
  try {
    await big.ready;
    const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(big.server.url);
    const region = page.getByRole('region', { name: '文库' });
    await expect(region.locator('.library-count')).toHaveText(/^3\d{3} 份文件$/, { timeout: 20_000 });
    // Only a screenful of rows is in the page, whatever the library's size.
    expect(await region.locator('.doc-row').count()).toBeLessThan(40);

    // A level, a year range, a scroll and a folded group; then a document, and back.
    await region.getByRole('region', { name: '层级' }).getByRole('button', { name: /^省级 \d+$/ }).click();
    await region.getByRole('combobox', { name: '起始年份' }).selectOption('2015');
    await region.getByRole('combobox', { name: '截止年份' }).selectOption('2020');
    await shoot(page, 'library-facets');
    const groupHead = region.locator('.library-group-head').first();
    const folded = (await groupHead.locator('.group-name').textContent()) ?? '';
    await groupHead.getByRole('button').click();
    const list = region.locator('.library-list');
    await list.evaluate((el) => (el.scrollTop = 4000));
    await expect(region.locator('.doc-row').first()).toBeVisible();
    // The row at the top of the list, as the reader sees it (rows above it are drawn too, unseen).
    const atTop = (): Promise<string> =>
      list.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return document.elementFromPoint(box.left + 60, box.top + 20)?.closest('.library-row')?.textContent ?? '';
      });
    const before = await atTop();
    const top = await list.evaluate((el) => el.scrollTop);
    const count = await region.locator('.library-count').textContent();
    const target = region.locator('.doc-row .doc-title').nth(8);
    await target.hover();
    expect(await list.evaluate((el) => el.scrollTop)).toBe(top);
    await target.click();
    await expect(pane(page, 0).locator('article').first()).toBeVisible();
    await page.getByRole('button', { name: '文库', exact: true }).click();
    await expect(region.locator('.library-count')).toHaveText(count ?? '');
    expect(await list.evaluate((el) => el.scrollTop)).toBe(top);
    expect(await atTop()).toBe(before);
    await list.evaluate((el) => (el.scrollTop = 0));
    await expect(groupHead.locator('.group-name')).toHaveText(folded);
    await expect(groupHead.getByRole('button')).toHaveAttribute('aria-expanded', 'false');
    await context.close();
  } finally {
    await stopApp(big);
  }
});
