// Cross-links in Debian's Chromium against browser mode, on the bundled seeds: from a Guangzhou
// green-finance clause, its related clause in the Outline opened in the other pane with the shared
// words marked in both, and the wording compared (earlier → later); what the document cites that
// the library lacks; the Zhuhai and Dongguan plans compared clause by clause; a manual link made,
// found again after a reload, removed and undone; the panel by keyboard.

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { libraryIsShown, pane, shoot, sideBySide } from './flow.ts';

const OUTLINE = '粤港澳大湾区发展规划纲要';
const GUANGZHOU_FINANCE = '附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见';
const ZHUHAI = '中国（珠海）跨境电子商务综合试验区实施方案';
const DONGGUAN = '中国（东莞）跨境电子商务综合试验区实施方案';

const panel = (page: Page): Locator => page.getByRole('region', { name: '关联条文' });
const clause = (p: Locator, text: string): Locator => p.locator('article', { hasText: text }).first();

async function openFromLibrary(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: '文库', exact: true }).click();
  await page.getByRole('region', { name: '文库' }).getByRole('button', { name: title, exact: true }).click();
  await expect(pane(page, 0).getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

/** Brings a clause of the left pane into view through its outline and shows its links. */
async function linksOf(page: Page, outlineEntry: RegExp, text: string): Promise<Locator> {
  const left = pane(page, 0);
  // A pane made narrow by the other pane and the panel folds its outline away.
  if (!(await left.getByRole('navigation', { name: '目录' }).isVisible())) await left.locator('.outline-toggle').click();
  await left.getByRole('navigation', { name: '目录' }).getByRole('button', { name: outlineEntry }).click();
  const c = clause(left, text);
  await expect(c).toBeInViewport();
  await c.locator('.link-badge').click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).locator('.links-status[aria-busy]')).toHaveCount(0);
  return c;
}

test.describe('cross-links:', () => {
  test.describe.configure({ mode: 'serial' });

  // The library is shared with the other specs: leave no manual link behind.
  test.afterAll(async ({ app }) => {
    for (const docTitle of [ZHUHAI]) {
      const doc = (await app.host.listDocuments()).find((d) => d.title === docTitle);
      const view = doc ? await app.host.getDocument(doc.id) : null;
      for (const c of view?.clauses ?? []) {
        const { links } = await app.host.clauseLinks({ clauseId: c.id });
        for (const l of links) if (l.manualId) await app.host.deleteLink({ id: l.manualId });
      }
    }
  });

  test('a Guangzhou green-finance clause opens its related clause in the Outline beside it, the shared words marked in both; a reused passage compared; citations both ways', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await openFromLibrary(page, GUANGZHOU_FINANCE);
    // （七）: a green-finance innovation centre for the Greater Bay Area.
    const source = await linksOf(page, /（七）\s*建设大湾区绿色金融创新中心/, '深化绿色金融改革创新');
    // The badge counts the links the panel lists.
    const rows = panel(page).locator('.link-row');
    await expect(rows.first()).toBeVisible();
    await expect(source.locator('.link-badge')).toHaveText(String(await rows.count()));
    // Grouped by level and place: the national level first.
    await expect(panel(page).locator('.links-place h4').first()).toContainText('全国');
    const row = panel(page).locator('.link-row', { hasText: OUTLINE }).filter({ hasText: '绿色金融' }).first();
    await expect(row.locator('.link-kind')).toBeVisible();
    await expect(row.locator('.link-score')).toHaveText(/^0\.\d\d$/);
    await expect(row.locator('.link-terms .term').first()).toBeVisible();
    const targetId = (await row.getAttribute('data-clause-id')) ?? '';
    expect(targetId).toMatch(/^[0-9a-f]{12}-[0-9a-f]{10}$/);
    await row.locator('.link-open').click();
    const right = pane(page, 1);
    await expect(right.getByRole('heading', { name: OUTLINE, level: 1 })).toBeVisible();
    const target = right.locator(`article[data-clause-id="${targetId}"]`);
    await expect(target).toBeInViewport();
    await expect(row).toHaveClass(/opened/);
    // The shared words are marked on both sides: green finance among them.
    await expect(target.locator('mark.shared').first()).toBeVisible();
    await expect(source.locator('mark.shared').first()).toBeVisible();
    const there = await target.locator('mark.shared').allTextContents();
    const here = await source.locator('mark.shared').allTextContents();
    expect(there.join('|')).toContain('绿色金融');
    expect(here.join('|')).toContain('绿色金融');
    const longest = [...there].sort((x, y) => y.length - x.length)[0] ?? '';
    expect(longest.length).toBeGreaterThanOrEqual(4);
    expect(await source.textContent()).toContain(longest);
    await page.mouse.move(700, 890);
    await shoot(page, 'links-panel');

    // A passage the Guangzhou opinion took over from the Outline: the wording compared, earlier
    // (the Outline, 2019) → later (Guangzhou).
    await linksOf(page, /（十八）\s*创新建设重点平台/, '深化广州市绿色金融改革创新试验区建设');
    const reuse = panel(page).locator('.link-row[data-kind="reuse"]', { hasText: OUTLINE }).first();
    await reuse.getByRole('button', { name: '比较文字' }).click();
    const dialog = page.getByRole('dialog', { name: '文字比较' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: '关闭' })).toBeFocused();
    await expect(dialog.locator('.diff-side.earlier h3')).toContainText(OUTLINE);
    await expect(dialog.locator('.diff-side.later h3')).toContainText(GUANGZHOU_FINANCE);
    for (const op of ['kept', 'changed', 'added', 'dropped']) await expect(dialog.locator(`.diff-stats [data-op="${op}"]`)).toHaveText(/\d+$/);
    await expect(dialog.locator('.diff-side.earlier del').first()).toBeVisible();
    await expect(dialog.locator('.diff-side.later ins').first()).toBeVisible();
    // The sentence carried over stands kept on both sides.
    for (const side of ['earlier', 'later']) await expect(dialog.locator(`.diff-side.${side} .op-kept`, { hasText: '飞机船舶租赁等特色金融' })).toBeVisible();
    await shoot(page, 'links-diff');
    // The keys stay in the dialog.
    await page.keyboard.press('Tab');
    await expect(dialog.locator('.diff-body')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: '关闭' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // What the document cites that the library lacks; and what it holds (the Outline).
    const citations = panel(page).getByRole('region', { name: '本文件引用的文件' });
    await expect(citations.locator('.citation-row.missing').first()).toBeVisible();
    await expect(citations.locator('.citation-row:not(.missing)', { hasText: `《${OUTLINE}》` })).toBeVisible();
    // The badge again closes the panel, and the marks go with it.
    await reuse.locator('.link-open').click();
    await expect(right.locator('mark.shared').first()).toBeVisible();
    await pane(page, 0).locator('.link-badge[aria-expanded="true"]').click();
    await expect(panel(page)).toBeHidden();
    await expect(page.locator('mark.shared')).toHaveCount(0);

    // From a clause of the Outline: the documents that cite the Outline, one opened beside it at
    // the citing clause, the citation marked.
    await right.locator('article.active .link-badge').click();
    const citedBy = panel(page).getByRole('region', { name: '引用本文件的文件' });
    const citing = citedBy.locator('.citation-row', { hasText: GUANGZHOU_FINANCE });
    await citing.getByRole('button', { name: '打开' }).click();
    await expect(pane(page, 0).getByRole('heading', { name: GUANGZHOU_FINANCE, level: 1 })).toBeVisible();
    await expect(pane(page, 0).locator('mark.shared', { hasText: `《${OUTLINE}》` })).toBeInViewport();
  });

  test('the Zhuhai and Dongguan plans compared: pairs side by side, and what each lacks', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    const library = page.getByRole('region', { name: '文库' });
    await library.locator('.doc-row', { has: page.getByRole('button', { name: ZHUHAI, exact: true }) }).getByRole('button', { name: '对照' }).click();
    const view = page.getByRole('region', { name: '两份文件逐条对照' });
    await expect(view.getByRole('combobox', { name: '第一份文件' })).toHaveValue(/^[0-9a-f]{12}$/);
    await view.getByRole('combobox', { name: '第二份文件' }).selectOption({ label: DONGGUAN });
    await expect(page).toHaveURL(/#\/compare\?a=[0-9a-f]{12}&b=[0-9a-f]{12}$/);
    // The engine's alignment, as it is: every pair in A's order, and what each lacks.
    const docs = await app.host.listDocuments();
    const id = (title: string): string => docs.find((d) => d.title === title)?.id ?? '';
    const expected = await app.host.compareDocuments({ a: id(ZHUHAI), b: id(DONGGUAN) });
    const pairs = view.locator('.compare-pairs tbody tr');
    await expect(pairs).toHaveCount(expected.pairs.length);
    expect(await pairs.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-a') ?? ''}|${r.getAttribute('data-b') ?? ''}`))).toEqual(expected.pairs.map((p) => `${p.a}|${p.b}`));
    // Same skeleton: 组织实施 faces 组织实施.
    const organise = pairs.filter({ hasText: '组织实施' }).first();
    await expect(organise.locator('td').first()).toContainText('组织实施');
    await expect(organise.locator('td').last()).toContainText('组织实施');
    await expect(view.getByRole('region', { name: `仅见于 ${ZHUHAI}` }).locator('li')).toHaveCount(expected.onlyA.length);
    await expect(view.getByRole('region', { name: `仅见于 ${DONGGUAN}` }).locator('li')).toHaveCount(expected.onlyB.length);
    await page.mouse.move(700, 890);
    await shoot(page, 'links-compare');
    // A pair opens both plans side by side at it.
    const a = (await organise.getAttribute('data-a')) ?? '';
    const b = (await organise.getAttribute('data-b')) ?? '';
    await organise.locator('td').first().locator('.compare-clause').click();
    await expect(pane(page, 0).locator(`article[data-clause-id="${a}"]`)).toBeInViewport();
    await expect(pane(page, 1).locator(`article[data-clause-id="${b}"]`)).toBeInViewport();
    // The header of a pane compares with the other pane.
    await pane(page, 1).getByRole('button', { name: '对照' }).click();
    await expect(page).toHaveURL(new RegExp(`#/compare\\?a=${b.slice(0, 12)}&b=${a.slice(0, 12)}$`));
  });

  test('a manual link with its reason, back after a reload, removed and undone; the panel by keyboard', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await sideBySide(page);
    // 发展目标 of each plan: Zhuhai's three-year goals beside Dongguan's.
    const right = pane(page, 1);
    await right.getByRole('navigation', { name: '目录' }).getByRole('button', { name: /^（三）\s*发展目标/ }).click();
    const left = pane(page, 0);
    await left.getByRole('navigation', { name: '目录' }).getByRole('button', { name: /^（三）\s*发展目标/ }).click();
    const here = clause(left, '发展目标');
    await expect(here).toBeInViewport();
    const hereId = (await here.getAttribute('data-clause-id')) ?? '';
    // L shows the links of the clause the focused pane is at (once the address has it).
    await expect(page).toHaveURL(new RegExp(`l=[0-9a-f]{12}~${hereId}`));
    await left.locator('.doc-scroll').focus();
    await page.keyboard.press('l');
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).locator('.links-subject')).toContainText('发展目标');
    await panel(page).getByRole('button', { name: '关联到另一栏的条文' }).click();
    await expect(panel(page).locator('.links-form .target')).toContainText(DONGGUAN);
    await page.keyboard.type('两地三年目标不同');
    await page.keyboard.press('Enter');
    const manual = panel(page).locator('.link-row[data-kind="manual"]');
    await expect(manual).toHaveCount(1);
    await expect(manual.locator('.link-why')).toHaveText('两地三年目标不同');
    await expect(here.locator('.link-badge')).not.toHaveText('⇄');

    await page.reload();
    await expect(left.locator(`article[data-clause-id="${hereId}"]`)).toBeInViewport();
    await left.locator(`article[data-clause-id="${hereId}"] .link-badge`).click();
    await expect(manual).toHaveCount(1);
    await expect(manual.locator('.link-why')).toHaveText('两地三年目标不同');
    await expect(manual.locator('.link-doc')).toContainText(DONGGUAN);

    await manual.getByRole('button', { name: '移除关联' }).click();
    await expect(manual).toHaveCount(0);
    await page.getByRole('status').getByRole('button', { name: '撤销' }).click();
    await expect(manual).toHaveCount(1);
    await expect(manual.locator('.link-why')).toHaveText('两地三年目标不同');
    // Escape in the panel closes it and gives the keys back to the text.
    await manual.locator('.link-open').focus();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(left.locator('.doc-scroll')).toBeFocused();
  });
});
