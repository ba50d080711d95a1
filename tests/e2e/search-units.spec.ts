// Search for daily use and the responsible units view, in Debian's Chromium against browser mode
// on the bundled seeds: filters alone, the next page with the true total, the forms also
// searched, query problems in the interface's language, the full label path of a hit; a unit's
// tasks across the library, from the top bar and from a clause's units.

import { expect, test } from './fixtures.ts';
import { libraryIsShown, pane, shoot } from './flow.ts';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

const FINANCE = '市地方金融监管局';
const PLAN_2 = '附件2 广州市关于推进共建粤港澳大湾区国际金融枢纽三年行动计划（2021-2023年）';

async function searchFor(page: Page, query: string): Promise<ReturnType<Page['getByRole']>> {
  const box = page.getByRole('searchbox', { name: /^(搜索|Search)$/ });
  await box.fill(query);
  await box.press('Enter');
  return page.getByRole('region', { name: /^(搜索|Search)$/ });
}

test('search: filters alone, the next page, the forms also searched, the full label path', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);

  // jurisdiction:珠海市 alone lists the Zhuhai clauses instead of 0 results.
  const expected = (await app.host.search('jurisdiction:珠海市', { limit: 1, count: true })).total ?? 0;
  expect(expected).toBeGreaterThan(100);
  let results = await searchFor(page, 'jurisdiction:珠海市');
  await expect(results.locator('.search-summary')).toContainText(`${expected} 条结果`);
  await expect(results.locator('.search-summary')).toContainText('按筛选列出');
  await expect(results.locator('.search-hit')).toHaveCount(100);

  // 金融 has more than 100 hits: the first page, then the rest, with the true total throughout.
  const total = (await app.host.search('金融', { limit: 1, count: true })).total ?? 0;
  expect(total).toBeGreaterThan(100);
  results = await searchFor(page, '金融');
  await expect(results.locator('.search-summary')).toContainText(`${total} 条结果`);
  await expect(results.locator('.search-hit')).toHaveCount(100);
  await expect(results.locator('.search-more')).toContainText(`已显示 100 / ${total}`);
  await results.getByRole('button', { name: '显示更多' }).click();
  await expect(results.locator('.search-hit')).toHaveCount(Math.min(total, 200));
  if (total <= 200) await expect(results.locator('.search-more')).toHaveCount(0);

  // 跨境电商 finds the Zhuhai and Dongguan 跨境电子商务 plans and says so.
  results = await searchFor(page, '跨境电商');
  await expect(results.locator('.also-searched')).toHaveText('也搜索了 “跨境电子商务”');
  for (const title of ['中国（珠海）跨境电子商务综合试验区实施方案', '中国（东莞）跨境电子商务综合试验区实施方案']) await expect(results.locator('.search-group h3', { hasText: title }).first()).toBeVisible();
  await expect(results.locator('.search-hit mark', { hasText: '跨境电子商务' }).first()).toBeVisible();

  // A hit in the Outline shows its chapter before its section.
  results = await searchFor(page, '葡语国家');
  await expect(results.locator('.search-group').first().locator('h3')).toContainText('粤港澳大湾区发展规划纲要');
  await expect(results.locator('.search-hit .hit-where .label').first()).toHaveText(/^第[一二三四五六七八九十]+章 第[一二三四五六七八九十]+节$/);

  // A document number in other brackets finds its document, whose number the group shows.
  results = await searchFor(page, '粤府函[2019]31号');
  await expect(results.locator('.search-group').first().locator('.group-meta')).toContainText('粤府函〔2019〕31号');
});

test('search: an unbalanced quote or a stray OR says so, in the interface language', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  let results = await searchFor(page, '"跨境 电子商务');
  await expect(results.locator('.query-problems')).toHaveText('引号没有成对：已按引号内外的词语分别搜索');
  // The words are still searched.
  await expect(results.locator('.search-hit').first()).toBeVisible();
  results = await searchFor(page, '绿色金融 OR');
  await expect(results.locator('.query-problems')).toContainText('OR 要写在两个词语之间');
  results = await searchFor(page, 'level:town 金融');
  await expect(results.locator('.query-problems')).toContainText('“level:town”不是层级');
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(results.locator('.query-problems')).toHaveText('level:town is not a level (national, province, sar, city, district)');
  results = await searchFor(page, '"跨境 电子商务');
  await expect(results.locator('.query-problems')).toHaveText('A quote is not closed: its words were searched one by one');
});

test('units: the view of 市地方金融监管局 lists its tasks in 附件2; a task opens its clause', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const view = await app.host.unitTasks(FINANCE);
  const tasks = view.documents.flatMap((d) => d.tasks);
  expect(view.documents.map((d) => d.title)).toEqual([PLAN_2]);
  expect(tasks.length).toBeGreaterThanOrEqual(40);

  // From the top bar: the list of units, then the unit.
  await page.getByRole('button', { name: '责任单位', exact: true }).click();
  const list = page.getByRole('navigation', { name: '责任单位' });
  await list.getByRole('searchbox', { name: '筛选单位' }).fill('金融监管');
  await list.getByRole('link', { name: new RegExp(`^${FINANCE}`) }).click();
  await expect(page).toHaveURL(new RegExp(`#/units/${encodeURIComponent(FINANCE)}$`));
  const section = page.getByRole('region', { name: FINANCE });
  await expect(section.locator('h2')).toContainText(`${tasks.length} 项任务`);
  await expect(section.locator('.unit-document h3')).toHaveText([PLAN_2]);
  await expect(section.locator('.unit-task')).toHaveCount(tasks.length);
  await expect(section.locator('.unit-task .role-badge', { hasText: '牵头' }).first()).toBeVisible();
  await expect(section.locator('.unit-task .role-badge', { hasText: '配合' }).first()).toBeVisible();
  // Task 47's other lead keeps the 市 it shares with the first name.
  const t47 = tasks.find((t) => /47\.?$/.test(t.labelPath));
  expect(t47).toBeDefined();
  await expect(section.locator(`.task-open[data-clause-id="${t47?.clauseId ?? ''}"]`).locator('xpath=..').locator('.task-units')).toContainText('市发展改革委');
  // The screenshot shows the whole list beside the unit.
  await list.getByRole('searchbox', { name: '筛选单位' }).fill('');
  await expect(list.getByRole('link').nth(20)).toBeVisible();
  await shoot(page, 'units');

  // A task opens its clause in the reader.
  const first = tasks[0];
  await section.locator(`.task-open[data-clause-id="${first?.clauseId ?? ''}"]`).click();
  const clause = pane(page, 0).locator(`article[data-clause-id="${first?.clauseId ?? ''}"]`);
  await expect(clause).toBeInViewport();

  // A clause's units lead to their views: task 1 is supported by 人民银行广州分行.
  expect(first?.units.map((u) => u.name)).toContain('人民银行广州分行');
  const bankTasks = (await app.host.unitTasks('人民银行广州分行')).documents.flatMap((d) => d.tasks).length;
  await clause.locator('.unit-link', { hasText: '人民银行广州分行' }).click();
  await expect(page.getByRole('region', { name: '人民银行广州分行' }).locator('.unit-task')).toHaveCount(bankTasks);

  // The unit as a search facet.
  await page.goto(`http://127.0.0.1:${app.server.port}/#/units/${encodeURIComponent(FINANCE)}`);
  await page.getByRole('region', { name: FINANCE }).getByRole('button', { name: '在搜索中列出' }).click();
  const results = page.getByRole('region', { name: '搜索' });
  await expect(results.locator('.search-summary')).toContainText(`${tasks.length} 条结果`);
});
