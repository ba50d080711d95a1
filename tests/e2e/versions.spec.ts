// Versions and history in the library and the reader (issue 11): the 2021 and 2023 民事诉讼法
// (excerpts of the bench corpus, tests/fixtures/versions/) imported by the command line beside the
// seeds. The library tells the two apart and says where each stands; the reader's header lists the
// history lines and the versions newest first, the one in force marked, each openable.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, guardNetwork, startApp, stopApp, type AppServer } from './app.ts';
import { expect, test } from './fixtures.ts';
import { libraryIsShown, pane, shoot } from './flow.ts';

const LAW = '中华人民共和国民事诉讼法';
const VERSIONS = ['民事诉讼法(2021-12-24).md', '民事诉讼法(2023-09-01).md'].map((f) => join(ROOT, 'tests', 'fixtures', 'versions', f));

let app: AppServer;
test.beforeAll(async () => {
  app = await startApp();
  await app.ready;
  // As a user would: the command line imports the two files into the library the app has open.
  execFileSync(process.execPath, [join(ROOT, 'bin', 'clauseway.js'), '--data', app.dataDir, 'ingest', ...VERSIONS], { stdio: 'ignore' });
});
test.afterAll(async () => {
  await stopApp(app);
});

test('versions: the library tells two versions apart, the reader lists history and versions, each version opens', async ({ chromiumBrowser }) => {
  const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  await guardNetwork(page, `http://127.0.0.1:${app.server.port}`, foreign);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.server.url);
  await libraryIsShown(page);
  const library = page.getByRole('region', { name: '文库' });
  await library.getByRole('searchbox', { name: '按标题筛选' }).fill(LAW);
  const rows = library.locator('.doc-row', { has: page.getByRole('button', { name: LAW, exact: true }) });
  await expect(rows).toHaveCount(2);
  // Newest first within the group; each says which version it is and where it stands.
  await expect(rows.locator('.doc-edition')).toHaveText(['2023-09-01 版', '2021-12-24 版']);
  await expect(rows.locator('.doc-status')).toHaveText(['现行有效', '已被修改']);
  await expect(rows.first().locator('.doc-edition')).toHaveAttribute('title', '共 2 个版本');
  // The status facet counts them.
  const status = library.getByRole('complementary', { name: '筛选' }).getByRole('region', { name: '效力' });
  await expect(status.getByRole('button', { name: /^已被修改 1$/ })).toBeVisible();
  await expect(status.getByRole('button', { name: /^现行有效 \d+$/ })).toBeVisible();

  // The older version: amended, its history of five lines, the versions newest first.
  await rows.nth(1).getByRole('button', { name: LAW, exact: true }).click();
  const header = pane(page, 0).locator('.pane-header');
  await expect(header.locator('.pane-meta .doc-status')).toHaveText('已被修改');
  const panel = header.locator('details.doc-history');
  await expect(panel.locator('summary')).toHaveText('沿革与版本5 条沿革 · 2 个版本');
  await panel.locator('summary').click();
  const lines = panel.getByRole('region', { name: '沿革' }).getByRole('listitem');
  await expect(lines).toHaveCount(5);
  await expect(lines.first()).toHaveText('1991-04-09全国人民代表大会通过');
  await expect(lines.last()).toHaveText('2021-12-24全国人民代表大会常务委员会修正');
  const versions = panel.getByRole('region', { name: '本文的版本（新的在前）' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('2023-09-01现行有效');
  await expect(versions.last()).toContainText('2021-12-24已被修改');
  await expect(versions.last()).toHaveAttribute('aria-current', 'true');
  await expect(versions.last()).toContainText('本文');
  await shoot(page, 'versions');

  // The version in force opens in the same pane: six lines, marked current.
  const olderId = await pane(page, 0).getAttribute('data-doc-id');
  await versions.first().getByRole('button', { name: LAW }).click();
  await expect(pane(page, 0)).not.toHaveAttribute('data-doc-id', olderId ?? '');
  await expect(header.locator('.pane-meta .doc-status')).toHaveText('现行有效');
  await expect(header.locator('details.doc-history summary')).toHaveText('沿革与版本6 条沿革 · 2 个版本');
  await header.locator('details.doc-history summary').click();
  await expect(header.locator('.version-list li').first()).toHaveAttribute('aria-current', 'true');

  // In English.
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(header.locator('.pane-meta .doc-status')).toHaveText('In force');
  await expect(header.locator('details.doc-history summary')).toHaveText('History and versions6 history lines · 2 versions');
  await expect(header.locator('.history-lines li').first()).toHaveText('1991-04-09全国人民代表大会adopted');
  await expect(header.locator('.version-list li').last()).toContainText('Amended');
  await context.close();
  expect(foreign, 'no request may leave the app').toEqual([]);
  expect(errors, 'no script error in the page').toEqual([]);
});
