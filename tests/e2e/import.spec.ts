// Importing from the window, in Debian's Chromium against browser mode: a folder chosen in the
// import panel (Word, GBK and Traditional texts among a duplicate and a file that is no text),
// uploaded and imported in the engine's worker while a progress bar says how far it got; the
// summary; a date corrected in the metadata form, kept after a reload; a drop on the window;
// a document removed and brought back with the toast's undo; files that carry scripts (hostile.ts)
// imported and shown in the reader, search and the links panel while dialogs, a sentinel and the
// page's CSP violations are watched: no script of theirs ever runs.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { docxOf } from '../helpers/docx.ts';
import { FIXTURES, SEEDS } from '../helpers/library.ts';
import { PRINTED_MARKUP, writeHostileFiles } from './hostile.ts';
import { guardNetwork, startApp, stopApp, type AppServer } from './app.ts';
import { expect, test } from './fixtures.ts';
import { pane, shoot } from './flow.ts';

const HENGQIN = '橫琴粵澳深度合作區發展促進條例';
const QIANHAI = '深圳经济特区前海深港现代服务业合作区条例';

/** A folder as a user's downloads look: real texts from the fixtures, a Word file made from one. */
async function folderOfTexts(root: string): Promise<string> {
  const dir = join(root, '大湾区 新文件');
  mkdirSync(join(dir, '深圳'), { recursive: true });
  writeFileSync(join(dir, '横琴条例.docx'), await docxOf(readFileSync(join(FIXTURES, 'hengqin-regulation.zh-hant.txt'), 'utf8').split('\n')));
  copyFileSync(join(FIXTURES, 'qianhai-regulation.zh-hans.txt'), join(dir, '深圳', '前海条例.txt'));
  copyFileSync(join(FIXTURES, '001-excerpt.gb18030.txt'), join(dir, '广州措施（GBK）.txt'));
  copyFileSync(join(SEEDS, '003_23a1c87a91197581.txt'), join(dir, '广州梅州金融合作 副本.txt'));
  writeFileSync(join(dir, '扫描件.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0, 0, 0, 0xff, 0, 0, 3, 0, 0]));
  writeFileSync(join(dir, 'notes.pdf'), '%PDF-1.7 left out of a folder');
  return dir;
}

async function openPage(browser: Browser, app: AppServer, watch?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await watch?.(page);
  const foreign: string[] = [];
  await guardNetwork(page, `http://127.0.0.1:${app.server.port}`, foreign);
  page.on('pageerror', (e) => foreign.push(`script error: ${e.message}`));
  page.on('close', () => expect(foreign).toEqual([]));
  await page.goto(app.server.url);
  await expect(page.getByRole('region', { name: '文库' })).toBeVisible({ timeout: 20_000 });
  return page;
}

test.describe('import:', () => {
  test.describe.configure({ mode: 'serial' });
  let app: AppServer;
  let root: string;

  // A library of its own: the reader's tests count the seeds' documents.
  test.beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'clauseway-e2e-import-'));
    app = await startApp();
    await app.ready;
  });
  test.afterAll(async () => {
    await stopApp(app);
    rmSync(root, { recursive: true, force: true });
  });

  test('a folder: progress, the summary, a date corrected in the form and kept after a reload', async ({ chromiumBrowser }) => {
    const page = await openPage(chromiumBrowser, app);
    const library = page.getByRole('region', { name: '文库' });
    // The library draws only the rows on screen: its count says how many documents it holds, and a
    // row is looked for with the library filtered to its title.
    const held = async (): Promise<number> => Number(/\d+/.exec((await library.locator('.library-count').textContent()) ?? '')?.[0] ?? NaN);
    const filter = (title: string): Promise<void> => library.getByRole('searchbox', { name: '按标题筛选' }).fill(title);
    const before = await held();

    await library.getByRole('button', { name: '导入', exact: true }).click();
    const panel = page.getByRole('dialog', { name: '导入文件' });
    await expect(panel).toBeVisible();
    // The progress bar, read as soon as it shows (asked for before the folder is given).
    const progress = page.locator('.import-progress').textContent();
    await panel.locator('input.import-folder-input').setInputFiles(await folderOfTexts(root));
    expect(await progress).toMatch(/^正在(上传|导入) \d\/5|^正在更新检索索引/);

    const summary = page.getByRole('dialog', { name: '导入结果' });
    await expect(summary).toBeVisible({ timeout: 30_000 });
    const count = (status: string) => summary.locator(`.import-count[data-status="${status}"] .n`);
    await expect(count('added')).toHaveText('3');
    await expect(count('duplicate')).toHaveText('1');
    await expect(count('refused')).toHaveText('1');
    await expect(summary.locator('.import-item.status-refused')).toContainText('扫描件.txt');
    // Reasons in the interface's language, the engine's English sentence in the title.
    await expect(summary.locator('.import-item.status-refused .import-reason')).toContainText('这不是文本文件');
    await expect(summary.locator('.import-item.status-refused .import-reason')).toHaveAttribute('title', /not a text file/);
    await expect(summary.locator('.import-item.status-duplicate .import-reason')).toContainText('文库中已有相同的文字：seeds/003_23a1c87a91197581.txt');
    await expect(summary.locator('.import-item', { hasText: 'notes.pdf' })).toHaveCount(0);
    await shoot(page, 'import-summary');

    // The library shows the new documents without a reload.
    await expect.poll(held).toBe(before + 3);
    await filter(HENGQIN);
    // It stands in a group for each of its places (横琴, 珠海市, 广东省, 澳门).
    await expect(library.getByRole('button', { name: HENGQIN, exact: true }).first()).toBeVisible();
    await filter(QIANHAI);

    // Correct the Qianhai regulation's date from the summary.
    await summary.locator('.import-doc', { hasText: QIANHAI }).getByRole('button', { name: '核对信息' }).click();
    const form = page.getByRole('form', { name: '文件信息' });
    await expect(form).toBeVisible();
    await expect(form.locator('input[name="title"]')).toHaveValue(QIANHAI);
    const date = form.locator('input[name="date"]');
    const read = await date.inputValue();
    expect(read).not.toBe('2020-10-01');
    await date.fill('2020-10-01');
    await form.locator('input[name="docNumber"]').fill('深圳市第六届人大常委会公告第二〇九号');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form).toBeHidden();
    // A document stands in a group for each of its places: its first row.
    const row = library.locator('.doc-row', { hasText: QIANHAI }).first();
    await expect(row).toContainText('2020-10-01');
    await summary.getByRole('button', { name: '关闭' }).click();

    // After a reload the correction is there, marked as the user's.
    await page.reload();
    await filter(QIANHAI);
    await expect(row).toContainText('2020-10-01');
    await row.getByRole('button', { name: '在左栏打开' }).click();
    const left = pane(page, 0);
    await expect(left.locator('.pane-meta')).toContainText('2020-10-01');
    await left.getByRole('button', { name: '信息已校正' }).click();
    await expect(form.locator('.field-date .corrected-mark')).toContainText('已校正');
    await expect(form.locator('.field-docNumber .corrected-mark')).toContainText('已校正');
    await expect(form.locator('.field-title .corrected-mark')).toHaveCount(0);
    await expect(form.locator('input[name="date"]')).toHaveValue('2020-10-01');
    await shoot(page, 'metadata-form');
    await form.getByRole('button', { name: '取消' }).click();
    await page.context().close();
  });

  test('files dropped on the window import; a removed document comes back with undo', async ({ chromiumBrowser }) => {
    const page = await openPage(chromiumBrowser, app);
    const library = page.getByRole('region', { name: '文库' });
    const macau = readFileSync(join(FIXTURES, 'macau-law-26-2024.zh-hant.txt'));
    // A drop as the browser makes it, with a DataTransfer holding the file.
    const transfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], '澳门第26-2024号法律.txt', { type: 'text/plain' }));
      return dt;
    }, [...macau]);
    const workspace = page.locator('main.workspace');
    await workspace.dispatchEvent('dragenter', { dataTransfer: transfer });
    await expect(page.locator('.import-drop')).toBeVisible();
    await workspace.dispatchEvent('drop', { dataTransfer: transfer });
    const summary = page.getByRole('dialog', { name: '导入结果' });
    await expect(summary.locator('.import-count[data-status="added"] .n')).toHaveText('1', { timeout: 30_000 });
    const title = (await summary.locator('.import-doc span').first().textContent()) ?? '';
    expect(title.length).toBeGreaterThan(4);
    await summary.getByRole('button', { name: '关闭' }).click();
    await library.getByRole('searchbox', { name: '按标题筛选' }).fill(title);
    const row = library.locator('.doc-row', { hasText: title }).first();
    await expect(row).toBeVisible();
    // Searched for in Simplified, found in the Traditional text, which came in without a reload.
    await page.getByRole('searchbox', { name: '搜索' }).fill('澳门特别行政区');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: '搜索' }).locator('.search-group', { hasText: title })).toBeVisible();
    await page.getByRole('region', { name: '搜索' }).getByRole('button', { name: '关闭' }).click();

    // Remove it from the form, once asked; undo from the toast.
    await row.getByRole('button', { name: '在左栏打开' }).click();
    await pane(page, 0).getByRole('button', { name: '校正信息' }).click();
    const form = page.getByRole('form', { name: '文件信息' });
    await form.getByRole('button', { name: '从文库移除' }).click();
    await form.getByRole('button', { name: '移除', exact: true }).click();
    const toast = page.getByRole('status').filter({ hasText: '已移除' });
    await expect(toast).toBeVisible();
    await page.getByRole('button', { name: '文库', exact: true }).first().click();
    await expect(row).toHaveCount(0);
    await toast.getByRole('button', { name: '撤销' }).click();
    await expect(row).toHaveCount(1);
    await page.context().close();
  });

  test('no script of an imported file runs: in the reader, in search results, in the links panel', async ({ chromiumBrowser }) => {
    const dialogs: string[] = [];
    const violations: string[] = [];
    // Before any page script: every dialog is recorded (and dismissed), every CSP violation reported.
    const page = await openPage(chromiumBrowser, app, async (p) => {
      p.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      await p.context().exposeBinding('__cspViolation', (_source, v: string) => void violations.push(v));
      await p.context().addInitScript(() => {
        const report = (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation;
        document.addEventListener('securitypolicyviolation', (e) => report(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
      });
    });
    const pwned = (): Promise<unknown> => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
    // The trap catches what it is for: markup put into the page the way a careless view would.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'trap-probe';
      probe.innerHTML = '<img src="/trap-probe.png" onerror="window.__pwned=\'probe\'">';
      document.body.append(probe);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await pwned()).toBeNull();
    await page.evaluate(() => document.getElementById('trap-probe')?.remove());
    violations.length = 0;

    const dir = join(root, '可疑文件');
    const hostile = await writeHostileFiles(dir);
    const library = page.getByRole('region', { name: '文库' });
    await library.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('dialog', { name: '导入文件' }).locator('input.import-folder-input').setInputFiles(dir);
    const summary = page.getByRole('dialog', { name: '导入结果' });
    await expect(summary.locator('.import-count[data-status="added"] .n')).toHaveText(String(hostile.length), { timeout: 60_000 });
    for (const h of hostile) await expect(summary.locator('.import-doc', { hasText: h.title })).toBeVisible();
    await summary.getByRole('button', { name: '关闭' }).click();

    // Each document in the reader: its markup is there as characters, its elements nowhere.
    const left = pane(page, 0);
    for (const h of hostile) {
      await library.getByRole('searchbox', { name: '按标题筛选' }).fill(h.title);
      await library.locator('.doc-row', { hasText: h.title }).first().getByRole('button', { name: h.title, exact: true }).click();
      await expect(left.getByRole('heading', { name: h.title, level: 1 })).toBeVisible();
      const sample = left.locator('article', { hasText: '本样本' }).first();
      await expect(sample).toContainText(PRINTED_MARKUP);
      await expect(left.locator('.doc-scroll').locator('img, svg, iframe, object, embed, script, form, a[href^="javascript"]')).toHaveCount(0);
      await page.getByRole('button', { name: '文库', exact: true }).first().click();
    }

    // Search: every one of them among the results, its snippet as text.
    await page.getByRole('searchbox', { name: '搜索' }).fill('本样本');
    await page.keyboard.press('Enter');
    const results = page.getByRole('region', { name: '搜索' });
    for (const h of hostile) await expect(results.locator('.search-group', { hasText: h.title })).toBeVisible();
    await page.getByRole('searchbox', { name: '搜索' }).fill('本样本 onerror');
    await page.keyboard.press('Enter');
    const hit = results.locator('.hit-snippet').first();
    await expect(hit).toContainText('onerror');
    await expect(results.locator('img, svg, iframe, script')).toHaveCount(0);
    await results.locator('.hit-open').first().click();
    await results.getByRole('button', { name: '关闭' }).click();

    // The links panel of the shared green-finance measure lists the others, their words as text.
    const last = hostile.at(-1)?.title ?? '';
    await page.getByRole('button', { name: '文库', exact: true }).first().click();
    await library.getByRole('searchbox', { name: '按标题筛选' }).fill(last);
    await library.locator('.doc-row', { hasText: last }).first().getByRole('button', { name: last, exact: true }).click();
    const measure = left.locator('article', { hasText: '绿色金融联盟' }).first();
    await measure.scrollIntoViewIfNeeded();
    await measure.locator('.link-badge').click();
    const links = page.getByRole('region', { name: '关联条文' });
    await expect(links.locator('.links-status[aria-busy]')).toHaveCount(0);
    await expect(links.locator('.link-row', { hasText: '恶意标记样本' }).first()).toBeVisible();
    const row = links.locator('.link-row', { hasText: PRINTED_MARKUP }).first();
    await expect(row).toBeVisible();
    await row.locator('.link-open').click();
    await expect(pane(page, 1).locator('article', { hasText: PRINTED_MARKUP }).first()).toBeVisible();
    const elements = 'img, svg, iframe, object, embed, script, form, a[href^="javascript"]';
    for (const where of [left, pane(page, 1), links]) await expect(where.locator(elements)).toHaveCount(0);

    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(await pwned()).toBeNull();
    await page.context().close();
  });
});
