// The reader for daily use: find counts and steps through every occurrence; printing the Outline
// to PDF gives every clause with no chrome and no overlap; the splitter, the arrow keys and the
// clause actions behave.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ReaderClause } from '../../shared/api.ts';
import type { AppServer } from './app.ts';
import { expect, test } from './fixtures.ts';
import { libraryIsShown, openFromLibrary, openTheOutline, pane } from './flow.ts';

test.describe.configure({ mode: 'serial' });

const OUTLINE = '粤港澳大湾区发展规划纲要';

async function outlineClauses(app: AppServer): Promise<ReaderClause[]> {
  await app.ready;
  const doc = (await app.host.listDocuments()).find((d) => d.title === OUTLINE);
  return (await app.host.getDocument(doc?.id ?? ''))?.clauses ?? [];
}

/** The print hooks the desktop menu calls (renderer/reader/print.ts): prepare, or done. */
function printing(page: Page, step: 'prepare' | 'done'): Promise<boolean | undefined> {
  return page.evaluate(async (s) => {
    const hooks = (window as unknown as { clausewayPrint?: { prepare: () => Promise<boolean>; done: () => void } }).clausewayPrint;
    if (s === 'prepare') return hooks?.prepare();
    hooks?.done();
    return true;
  }, step);
}

/** The current find mark: its clause, where it is, and whether it is inside the pane's text. */
async function currentMark(page: Page): Promise<{ clause: string; top: number; inView: boolean }> {
  const mark = pane(page, 0).locator('mark.find-current');
  await expect(mark).toHaveCount(1);
  await expect(mark).toBeInViewport();
  return mark.evaluate((m) => {
    const box = m.closest('.doc-scroll')?.getBoundingClientRect();
    const at = m.getBoundingClientRect();
    return { clause: m.closest('article')?.getAttribute('data-clause-id') ?? '', top: at.top, inView: Boolean(box && at.top >= box.top && at.bottom <= box.bottom) };
  });
}

test('find counts every occurrence (港澳 in the Outline), steps through them, the current one marked and in view', async ({ page, app }) => {
  const clauses = await outlineClauses(app);
  const expected = clauses.reduce((n, c) => n + c.text.split('港澳').length - 1, 0);
  expect(expected).toBeGreaterThan(100);
  await page.goto(app.server.url);
  await libraryIsShown(page);
  await openTheOutline(page);
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: '在本文中查找' });
  await box.fill('港澳');
  const count = pane(page, 0).locator('.find-count');
  await expect(count).toHaveText(`1 / ${expected}`);
  const first = await currentMark(page);
  // Through a clause that holds the term several times: the mark moves within it.
  const multi = clauses.findIndex((c) => c.text.split('港澳').length > 3);
  const before = clauses.slice(0, multi).reduce((n, c) => n + c.text.split('港澳').length - 1, 0);
  for (let i = 1; i <= before; i++) await box.press('Enter');
  await expect(count).toHaveText(`${before + 1} / ${expected}`);
  const a = await currentMark(page);
  await box.press('Enter');
  const b = await currentMark(page);
  expect(b.clause).toBe(a.clause);
  expect(b.clause).toBe(clauses[multi]?.id);
  expect(b.inView && a.inView).toBe(true);
  // Back past the first: the last occurrence, deep in the document, comes into view.
  for (let i = 0; i < before + 2; i++) await box.press('Shift+Enter');
  await expect(count).toHaveText(`${expected} / ${expected}`);
  const last = await currentMark(page);
  expect(last.clause).not.toBe(first.clause);
  expect(last.inView).toBe(true);
  // Traditional finds the same occurrences.
  await box.fill('粵港澳');
  await expect(count).toHaveText(`1 / ${clauses.reduce((n, c) => n + c.text.split('粤港澳').length - 1, 0)}`);
});

test('print: the Outline to PDF holds every clause, title and page numbers, no chrome, no overlap', async ({ page, app }) => {
  test.setTimeout(120_000);
  const clauses = await outlineClauses(app);
  await page.goto(app.server.url);
  await libraryIsShown(page);
  await openTheOutline(page);
  expect(await printing(page, 'prepare')).toBe(true);
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-view article');
  await expect(printed).toHaveCount(clauses.length);
  // Laid out in flow: each clause below the one before, none over another.
  const boxes = await printed.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom] as const));
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]?.[0] ?? 0, `clause ${i}`).toBeGreaterThanOrEqual((boxes[i - 1]?.[1] ?? 0) - 0.5);
  const pdfPath = test.info().outputPath('outline.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  await printing(page, 'done');
  await expect(page.locator('.print-view')).toHaveCount(0);

  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(20);
  // Page numbers in the margin: "1 / N" … "N / N".
  expect(text).toContain(`1 / ${pages.length}`);
  expect(text).toContain(`${pages.length} / ${pages.length}`);
  // Every clause's text, once the page furniture is taken out and lines joined.
  const flat = text
    .split('\n')
    .filter((l) => !/^\s*\d+ \/ \d+\s*$/.test(l))
    .join('')
    .replace(/\s+/g, '');
  const missing = clauses.filter((c) => !flat.includes(c.text.replace(/\s+/g, '')));
  expect(missing.map((c) => c.text.slice(0, 30))).toEqual([]);
  expect(flat.startsWith(OUTLINE)).toBe(true);
  for (const chrome of ['快捷键', '搜索条文', '文件笔记', '复制引用']) expect(flat).not.toContain(chrome);
  // Page 1 as an image, for a person to look at (test output).
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, test.info().outputPath('outline-page')]);
});

test('print: a selection across clauses prints those clauses only', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  await openFromLibrary(page, '中国（珠海）跨境电子商务综合试验区实施方案');
  const articles = pane(page, 0).locator('.doc-scroll article');
  await expect(articles.nth(3)).toBeVisible();
  const ids = await articles.evaluateAll((els) => els.slice(1, 4).map((e) => e.getAttribute('data-clause-id')));
  await page.evaluate(() => {
    const els = [...document.querySelectorAll('section.pane[data-pane="0"] .doc-scroll article p')];
    const from = els[1];
    const to = document.querySelectorAll('section.pane[data-pane="0"] .doc-scroll article')[3]?.querySelector('p');
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from.firstChild ?? from, 0);
    range.setEnd(to, to.childNodes.length);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await printing(page, 'prepare');
  const printed = await page.locator('.print-view article').evaluateAll((els) => els.map((e) => e.getAttribute('data-clause-id')));
  expect(printed.length).toBeGreaterThan(0);
  expect(printed.length).toBeLessThanOrEqual(3);
  expect(ids).toEqual(expect.arrayContaining(printed));
  expect(printed.at(-1)).toBe(ids[2]);
  await printing(page, 'done');
});

test('the splitter drags without selecting text; ↑/↓ step clause by clause with the text in focus; clause actions cover nothing above', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  await openFromLibrary(page, '中国（珠海）跨境电子商务综合试验区实施方案');
  await page.getByRole('button', { name: '文库', exact: true }).click();
  await openFromLibrary(page, '中国（东莞）跨境电子商务综合试验区实施方案', 'right');
  const bar = page.getByRole('separator');
  const at = await bar.boundingBox();
  expect(at).not.toBeNull();
  await page.mouse.move((at?.x ?? 0) + 3, (at?.y ?? 0) + 300);
  await page.mouse.down();
  await page.mouse.move((at?.x ?? 0) - 250, (at?.y ?? 0) + 420, { steps: 12 });
  await page.mouse.up();
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(45);

  // With the text in focus, ↓ and ↑ step clause by clause.
  const left = pane(page, 0);
  await left.locator('.doc-scroll').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowDown');
  const first = await left.locator('article.active').getAttribute('data-clause-id');
  await page.keyboard.press('ArrowDown');
  await expect(left.locator('article.active')).not.toHaveAttribute('data-clause-id', first ?? '');
  await page.keyboard.press('ArrowUp');
  await expect(left.locator('article.active')).toHaveAttribute('data-clause-id', first ?? '');

  // The actions of a hovered clause stay inside its box (narrow pane) or beside its text (wide).
  for (const width of [1440, 1000]) {
    await page.setViewportSize({ width, height: 900 });
    const clause = pane(page, 1).locator('.doc-scroll article').nth(3);
    await clause.hover();
    const actions = clause.locator('.clause-actions');
    await expect(actions).toBeVisible();
    const [a, c] = [await actions.boundingBox(), await clause.boundingBox()];
    expect((a?.y ?? 0) + 0.5, `${width}: not over the line above`).toBeGreaterThanOrEqual(c?.y ?? 0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: '关闭' }).first().click();
  const wide = pane(page, 1).locator('.doc-scroll article').nth(3);
  await wide.hover();
  const [a, text] = [await wide.locator('.clause-actions').boundingBox(), await wide.locator('p').first().boundingBox()];
  expect(a?.x ?? 0, 'beside the text, in the margin').toBeGreaterThanOrEqual((text?.x ?? 0) + (text?.width ?? 0));
});
