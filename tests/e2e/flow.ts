// The reading flow, step by step, shared by the browser-mode and the Electron specs.

import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS_ENV } from './app.ts';

const OUTLINE = '粤港澳大湾区发展规划纲要';
const ZHUHAI = '中国（珠海）跨境电子商务综合试验区实施方案';
const DONGGUAN = '中国（东莞）跨境电子商务综合试验区实施方案';

export const pane = (page: Page, i: 0 | 1) => page.locator(`section.pane[data-pane="${i}"]`);

/** A screenshot in the test's output; `npm run screenshots` also refreshes docs/screenshots/ with it. */
export async function shoot(page: Page, name: string): Promise<void> {
  // The virtualised text settles over a few frames as its rows are measured: shoot once it rests.
  await page.evaluate(async () => {
    const offsets = (): string => [...document.querySelectorAll('.doc-scroll')].map((e) => e.scrollTop).join();
    let last = offsets();
    for (let still = 0; still < 5; ) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = offsets();
      still = now === last ? still + 1 : 0;
      last = now;
    }
  });
  const png = await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  const refresh = process.env[SCREENSHOTS_ENV];
  if (refresh) writeFileSync(join(refresh, `${name}.png`), png);
}

export async function libraryIsShown(page: Page): Promise<void> {
  const library = page.getByRole('region', { name: '文库' });
  await expect(library).toBeVisible({ timeout: 20_000 });
  await expect(library.getByRole('heading', { name: /^全国/ })).toBeVisible();
  const places = library.getByRole('complementary', { name: '筛选' }).getByRole('region', { name: '地区' });
  for (const group of ['全国', '广东省', '广州市', '珠海市', '东莞市']) await expect(places.getByRole('button', { name: new RegExp(`^${group} \\d+$`) })).toBeVisible();
  await expect(library.getByRole('button', { name: OUTLINE, exact: true })).toBeVisible();
}

/** Finds a document by the library's filter (the list draws only the rows on screen) and opens it. */
export async function openFromLibrary(page: Page, title: string, side: 'left' | 'right' = 'left'): Promise<void> {
  const library = page.getByRole('region', { name: '文库' });
  await library.getByRole('searchbox', { name: '按标题筛选' }).fill(title);
  const row = library.locator('.doc-row', { has: page.getByRole('button', { name: title, exact: true }) }).first();
  if (side === 'left') await row.getByRole('button', { name: title, exact: true }).click();
  else await row.getByRole('button', { name: '在右栏打开' }).click();
}

export async function openTheOutline(page: Page): Promise<void> {
  await openFromLibrary(page, OUTLINE);
  const left = pane(page, 0);
  await expect(left.getByRole('heading', { name: OUTLINE, level: 1 })).toBeVisible();
  const outline = left.getByRole('navigation', { name: '目录' });
  await expect(outline.getByRole('button', { name: '前言' })).toBeVisible();
  await expect(outline.getByRole('button', { name: /^第十一章/ })).toBeAttached();
}

export async function jumpThroughTheOutline(page: Page): Promise<void> {
  const left = pane(page, 0);
  const outline = left.getByRole('navigation', { name: '目录' });
  await outline.getByRole('button', { name: /^第六章/ }).click();
  await expect(left.locator('.doc-scroll .clause-heading', { hasText: '构建具有国际竞争力的现代产业体系' })).toBeInViewport();
  await outline.getByRole('button', { name: /^第三节\s*加快发展现代服务业/ }).click();
  const section = left.locator('.doc-scroll').getByText(/建设国际金融枢纽。/).first();
  await expect(section).toBeInViewport();
  await expect(outline.getByRole('button', { name: /^第三节\s*加快发展现代服务业/ })).toHaveAttribute('aria-current', 'true');
  // Deep in the document: the last section of the last chapter.
  await outline.getByRole('button', { name: /^第四节\s*扩大社会参与/ }).click();
  await expect(left.locator('.doc-scroll').getByText(/支持内地与港澳智库加强合作/)).toBeInViewport();
  await expect(page).toHaveURL(/#\/read\?l=[0-9a-f]{12}~[0-9a-f]{12}-[0-9a-f]{10}/);
}

export async function sideBySide(page: Page): Promise<void> {
  await page.getByRole('button', { name: '文库', exact: true }).click();
  await openFromLibrary(page, ZHUHAI);
  await page.getByRole('button', { name: '文库', exact: true }).click();
  await openFromLibrary(page, DONGGUAN, 'right');
  await expect(pane(page, 0).getByRole('heading', { name: ZHUHAI, level: 1 })).toBeVisible();
  await expect(pane(page, 1).getByRole('heading', { name: DONGGUAN, level: 1 })).toBeVisible();
  await expect(page.getByRole('separator')).toBeVisible();
  // Same skeleton on both sides: 一、总体要求 … 四、组织实施.
  for (const i of [0, 1] as const) await expect(pane(page, i).getByRole('navigation', { name: '目录' }).getByRole('button', { name: /^四、\s*组织实施/ })).toBeAttached();
}

export async function searchAndOpenAHit(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: '搜索' }).fill('单一窗口');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  const results = page.getByRole('region', { name: '搜索' });
  await expect(results.locator('.search-hit').first()).toBeVisible();
  await expect(results.locator('.search-hit mark').first()).toHaveText('单一窗口');
  const hit = results.locator('.search-hit').first().locator('.hit-open');
  const clauseId = await hit.getAttribute('data-clause-id');
  await hit.click();
  const clause = page.locator(`section.pane.focused article[data-clause-id="${clauseId ?? ''}"]`);
  await expect(clause).toBeInViewport();
  await expect(clause.locator('mark').first()).toHaveText('单一窗口');
}

export async function switchLanguage(page: Page): Promise<void> {
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveAttribute('placeholder', /Search clauses/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}
