// The reader in Debian's Chromium against browser mode, on the bundled seeds.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFile, MANIFEST_FILE, SEEDS_DIR, seedsUpToDate } from '../../electron/core/ingest/ingest-files.ts';
import { loadManifest } from '../../electron/core/ingest/manifest.ts';
import { Library } from '../../electron/core/store/library.ts';
import { editSeed001, SEED_001 } from '../helpers/seed-edits.ts';
import { startApp, stopApp } from './app.ts';
import { expect, test } from './fixtures.ts';
import { jumpThroughTheOutline, libraryIsShown, openFromLibrary, openTheOutline, pane, searchAndOpenAHit, shoot, sideBySide, switchLanguage } from './flow.ts';

test.describe.configure({ mode: 'serial' });

test('the whole flow: library, the Outline, its outline, two plans side by side, search, language', async ({ page, app }) => {
  await page.goto(app.server.url);
  // The token leaves the address bar once it is read; the page states the app's CSP.
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /^default-src 'none'; script-src 'self';/);
  await libraryIsShown(page);
  await shoot(page, 'library');
  await openTheOutline(page);
  await jumpThroughTheOutline(page);
  await shoot(page, 'outline');
  await sideBySide(page);
  await shoot(page, 'side-by-side');
  await searchAndOpenAHit(page);
  await shoot(page, 'search');
  await switchLanguage(page);
  await shoot(page, 'english');
});

test('a deep link opens its clause; citations and links copy', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const hit = (await app.host.search('建立出口信用保险制度')).hits[0];
  expect(hit).toBeDefined();
  await page.goto(`http://127.0.0.1:${app.server.port}/#/c/${hit?.clauseId ?? ''}`);
  const clause = page.locator(`article[data-clause-id="${hit?.clauseId ?? ''}"]`);
  await expect(clause).toBeInViewport();
  await clause.hover();
  await clause.getByRole('button', { name: '复制引用' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('粤港澳大湾区发展规划纲要 第六章 第三节');
  await clause.getByRole('button', { name: '复制链接' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`http://127.0.0.1:${app.server.port}/#/c/${hit?.clauseId ?? ''}`);
  // "Open in the other pane" puts the same clause on the right.
  await clause.getByRole('button', { name: '在另一栏打开' }).click();
  await expect(pane(page, 1).locator(`article[data-clause-id="${hit?.clauseId ?? ''}"]`)).toBeInViewport();
});

test('browser mode: a copied link opens its clause in a new tab, which the first address let in', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const hit = (await app.host.search('建立出口信用保险制度')).hits[0];
  const link = `http://127.0.0.1:${app.server.port}/#/c/${hit?.clauseId ?? ''}`;
  // The key is a cookie now, which script cannot read; a new tab of the same browser carries it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const tab = await page.context().newPage();
  await tab.goto(link);
  await expect(tab.locator(`section.pane article[data-clause-id="${hit?.clauseId ?? ''}"]`)).toBeInViewport();
  await tab.close();
  // Another browser (no cookie) is still refused.
  const stranger = await page.context().browser()?.newContext();
  const other = await stranger?.newPage();
  await other?.goto(link);
  await expect((other ?? page).getByRole('heading', { name: '文库无法打开' })).toBeVisible();
  await stranger?.close();
});

test('find in document and keyboard navigation', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  await openFromLibrary(page, '附件2 广州市关于推进共建粤港澳大湾区国际金融枢纽三年行动计划（2021-2023年）');
  const left = pane(page, 0);
  await expect(left.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: '在本文中查找' }).fill('绿色金融');
  await expect(left.locator('.find-count')).toHaveText(/^1 \/ \d+$/);
  await expect(left.locator('article.active mark').first()).toHaveText('绿色金融');
  const count = (await left.locator('.find-count').textContent())?.split(' / ')[1];
  await page.getByRole('searchbox', { name: '在本文中查找' }).press('Enter');
  await expect(left.locator('.find-count')).toHaveText(/^2 \/ \d+$/);
  // Traditional finds Simplified: the same matches (and, the folded term being the same, the same place).
  await page.getByRole('searchbox', { name: '在本文中查找' }).fill('綠色金融');
  await expect(left.locator('.find-count')).toHaveText(`2 / ${count ?? ''}`);
  await expect(left.locator('article.active mark').first()).toHaveText('绿色金融');
  await page.getByRole('searchbox', { name: '在本文中查找' }).press('Escape');
  // j moves clause by clause.
  await left.locator('.doc-scroll').click({ position: { x: 5, y: 5 } });
  const before = await left.locator('article.active').getAttribute('data-clause-id');
  await page.keyboard.press('j');
  await expect(left.locator('article.active')).not.toHaveAttribute('data-clause-id', before ?? '');
  // "/" goes to search.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: '搜索' })).toBeFocused();
});

test('a filter and a one-character search', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  await page.getByRole('searchbox', { name: '搜索' }).fill('穗');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  const results = page.getByRole('region', { name: '搜索' });
  await expect(results.locator('.search-summary')).toContainText('39');
  await page.getByRole('searchbox', { name: '搜索' }).fill('跨境电子商务 jurisdiction:东莞市');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await expect(results.locator('.search-group h3').first()).toContainText('东莞');
  await expect(results.locator('.search-group')).toHaveCount(1);
});

test('a first start without the built seeds library imports the seeds in the worker, then shows the library', async ({ chromiumBrowser, app }) => {
  const fresh = await startApp(undefined, { builtLibrary: false });
  const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(fresh.server.url);
    await libraryIsShown(page);
    await fresh.ready;
    const status = await fresh.host.status();
    // The same documents as the library copied from the build (the other tests' library).
    expect(status.documents).toBe((await app.host.listDocuments()).length);
    expect(seedsUpToDate(fresh.dataDir)).toBe(true);
  } finally {
    await context.close();
    await stopApp(fresh);
  }
});

test('browser mode without its key says how to get in, and reaches nothing', async ({ page, app }) => {
  await page.goto(`http://127.0.0.1:${app.server.port}/`);
  await expect(page.getByRole('heading', { name: '文库无法打开' })).toBeVisible();
  await expect(page.locator('.preparing .error')).toContainText('访问密钥');
});

// Last in this file: it removes a document from the library the other tests share.
test('a document removed elsewhere leaves the library, and its pane says so', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const doc = (await app.host.listDocuments()).find((d) => d.title.startsWith('广州-梅州签署金融合作协议'));
  expect(doc).toBeDefined();
  const title = doc?.title ?? '';
  const library = page.getByRole('region', { name: '文库' });
  await openFromLibrary(page, title);
  await expect(pane(page, 0).getByRole('heading', { name: title, level: 1 })).toBeVisible();
  // The command line removes it, through a connection of its own to the same library.
  const other = Library.open(app.dataDir);
  try {
    expect(other.removeDocument(doc?.id ?? '')).toBe(true);
  } finally {
    other.close();
  }
  await expect(pane(page, 0)).toContainText('这份文件已不在文库中。');
  await pane(page, 0).getByRole('button', { name: '关闭' }).click();
  // The library keeps its filter (the removed title): nothing matches now, and it says so.
  await expect(library.getByRole('status')).toHaveText(/没有符合筛选条件的文件/);
  await expect(library.getByRole('button', { name: title, exact: true })).toHaveCount(0);
  await library.getByRole('button', { name: '清除筛选' }).first().click();
  await expect(library.locator('.doc-row').first()).toBeVisible();
});

test('an old deep link opens the clause that holds its text after a re-import, and says so', async ({ page, app }) => {
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const key = `seeds/${SEED_001}`;
  const other = Library.open(app.dataDir);
  const folder = mkdtempSync(join(tmpdir(), 'clauseway-e2e-edit-'));
  try {
    const ofSeed = other.db
      .prepare<[string], { id: string; citation: string }>('SELECT c.id, c.citation FROM clauses c JOIN documents d ON d.id = c.doc_id JOIN sources s ON s.id = d.source_id WHERE s.key = ? ORDER BY c.ord')
      .all(key);
    const idOf = (label: string): string => ofSeed.find((c) => c.citation.endsWith(label))?.id ?? '';
    const [seven, nine, ten] = [idOf('（七）'), idOf('（九）'), idOf('（十）')];
    // The file edited (an item deleted, two merged, the rest renumbered) and imported again.
    const file = join(folder, SEED_001);
    writeFileSync(file, editSeed001().text);
    expect(ingestFile(other, file, { key }).status).toBe('updated');
    const removed = other.resolveClause(seven);
    const merged = [nine, ten].map((id) => ({ id, to: other.resolveClause(id) })).find((m) => m.to?.redirect === 'moved');
    expect(removed?.redirect).toBe('removed');
    expect(merged).toBeDefined();

    await page.goto(`http://127.0.0.1:${app.server.port}/#/c/${seven}`);
    await expect(pane(page, 0).locator(`article[data-clause-id="${removed?.id ?? ''}"]`)).toBeInViewport();
    await expect(pane(page, 0).getByRole('status')).toHaveText(/已删除；这里是它原来所在的位置/);
    await shoot(page, 'redirected-link');
    await page.goto(`http://127.0.0.1:${app.server.port}/#/c/${merged?.id ?? ''}`);
    await expect(pane(page, 0).locator(`article[data-clause-id="${merged?.to?.id ?? ''}"]`)).toBeInViewport();
    await expect(pane(page, 0).getByRole('status')).toHaveText(/已并入本条/);
    await pane(page, 0).getByRole('status').getByRole('button', { name: '关闭' }).click();
    await expect(pane(page, 0).getByRole('status')).toHaveCount(0);
  } finally {
    // The seed as it was: its clauses take their ids back.
    ingestFile(other, join(SEEDS_DIR, SEED_001), { key, manifest: loadManifest(join(SEEDS_DIR, MANIFEST_FILE)).files[SEED_001] });
    other.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
