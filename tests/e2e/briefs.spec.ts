// Building a brief in Debian's Chromium against browser mode, on the bundled seeds: a search
// result, a highlight with a note (the annotations view's filter) and words from the selection
// toolbar go in through the picker, which remembers the brief; a free paragraph is written; the
// items are reordered by a drag and by Alt+↑, then grouped by jurisdiction; the preview is the
// print view; DOCX, HTML and Markdown download, PDF is the page printed; each file holds the
// citations. Then a brief is renamed, deleted and brought back; an excerpt whose clause a
// re-import changed says so.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { Library } from '../../electron/core/store/library.ts';
import { editSeed001, SEED_001 } from '../helpers/seed-edits.ts';
import { selectText } from './annotate-helpers.ts';
import { guardNetwork, startApp, stopApp } from './app.ts';
import { expect, test } from './fixtures.ts';
import { libraryIsShown, pane, shoot, sideBySide } from './flow.ts';

const TITLE = '粤港澳大湾区跨境贸易便利化简报';
const ZHUHAI_GUIDE = '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大';
const HIGHLIGHT = '探索“互联网+外贸”新模式';
const NOTE = '珠海的提法与东莞不同';
const PARAGRAPH = '两市方案的总体要求基本一致，差别在于对外合作的重点。';

const picker = (page: Page): Locator => page.getByRole('dialog', { name: '加入哪一份简报？' });
const toast = (page: Page): Locator => page.getByRole('status').filter({ hasText: '已加入' });
const items = (page: Page): Locator => page.locator('.brief-item');

/** The text of a DOCX's body, its runs joined (Word splits text into runs wherever it likes). */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml'] ?? new Uint8Array());
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

test.describe('briefs:', () => {
  test.describe.configure({ mode: 'serial' });

  // The library is shared with the other specs: leave no brief and no annotation behind.
  test.afterAll(async ({ app }) => {
    for (const b of await app.host.listBriefs()) await app.host.deleteBrief(b.id);
    await app.host.emptyBriefTrash();
    for (const a of await app.host.listAnnotations()) await app.host.deleteAnnotation(a.id);
    await app.host.emptyTrash();
  });

  test('a brief from a search result, a highlight with a note, words and a paragraph; reordered; exported four ways', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);

    // A search result, into a new brief made in the picker.
    await page.getByRole('searchbox', { name: '搜索' }).fill('单一窗口');
    await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
    const hit = page.getByRole('region', { name: '搜索' }).locator('.search-hit').first();
    const hitClause = (await hit.locator('.hit-open').getAttribute('data-clause-id')) ?? '';
    await hit.getByRole('button', { name: '加入简报' }).click();
    await expect(picker(page)).toBeVisible();
    await picker(page).getByRole('textbox').fill(TITLE);
    await picker(page).getByRole('button', { name: '新建并加入' }).click();
    await expect(toast(page)).toHaveText(new RegExp(`已加入《${TITLE}》`));
    const [brief] = await app.host.listBriefs();
    expect(brief?.title).toBe(TITLE);
    const briefId = brief?.id ?? '';
    await page.keyboard.press('Escape');

    // A highlight with a note, then the annotations view's filter (the yellow ones) into it.
    await sideBySide(page);
    const guide = pane(page, 0).locator('article', { hasText: ZHUHAI_GUIDE }).first();
    await selectText(page, guide, '探索“互联网+外贸”', '新模式');
    await page.getByRole('toolbar', { name: '高亮：' }).getByRole('button', { name: '批注', exact: true }).click();
    await expect(page.getByRole('dialog').locator('.note-editor')).toBeFocused();
    await page.keyboard.type(NOTE);
    await expect(page.getByRole('dialog').locator('.save-state')).toHaveText('已保存');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '批注', exact: true }).click();
    const notes = page.getByRole('region', { name: '批注' });
    await notes.getByRole('group', { name: '颜色' }).getByRole('button', { name: /黄/ }).click();
    await expect(notes.locator('.annotation-row')).toHaveCount(1);
    await notes.getByRole('button', { name: '将筛选结果加入简报' }).click();
    // The brief last added to comes first, marked, and takes the keys: Enter adds to it.
    await expect(picker(page).locator('li').first()).toContainText(TITLE);
    await expect(picker(page).locator('li').first().locator('.last')).toHaveText('上次');
    await page.keyboard.press('Enter');
    await expect(toast(page)).toBeVisible();

    // Words from the selection toolbar.
    await sideBySide(page);
    await selectText(page, guide, '全面贯彻党的十九大', '三中全会精神');
    await page.getByRole('toolbar', { name: '高亮：' }).getByRole('button', { name: '加入简报' }).click();
    await picker(page).getByRole('button', { name: new RegExp(TITLE) }).click();
    await expect(toast(page)).toBeVisible();

    // The brief: three excerpts in the order they came; a paragraph written below them.
    await toast(page).getByRole('button', { name: '打开简报' }).click();
    await expect(page).toHaveURL(new RegExp(`#/briefs/${briefId}$`));
    await expect(items(page)).toHaveCount(3);
    await expect(items(page).nth(1).locator('.excerpt-quote')).toHaveText(HIGHLIGHT);
    await expect(items(page).nth(1).locator('.excerpt-note')).toContainText(NOTE);
    await expect(items(page).nth(1).locator('.hl-yellow')).toBeVisible();
    await page.getByRole('button', { name: '+ 添加段落' }).click();
    await expect(items(page)).toHaveCount(4);
    await expect(items(page).nth(3).locator('.note-editor')).toBeFocused();
    await page.keyboard.type(PARAGRAPH);
    await expect.poll(async () => (await app.host.getBrief(briefId))?.sections[0]?.items.map((i) => i.kind)).toEqual(['excerpt', 'excerpt', 'excerpt', 'text']);
    await expect
      .poll(async () => {
        const text = (await app.host.getBrief(briefId))?.sections[0]?.items[3];
        return text?.kind === 'text' ? JSON.stringify(text.note) : '';
      })
      .toContain(PARAGRAPH);

    // Reorder: the paragraph dragged to the top, then the highlight up one place by the keys.
    await items(page).nth(3).locator('.item-handle').dragTo(items(page).nth(0), { targetPosition: { x: 40, y: 4 } });
    await expect(items(page).nth(0)).toHaveClass(/item-text/);
    await items(page).nth(2).focus();
    await expect(items(page).nth(2).locator('.excerpt-quote')).toHaveText(HIGHLIGHT);
    await page.keyboard.press('Alt+ArrowUp');
    await expect(items(page).nth(1).locator('.excerpt-quote')).toHaveText(HIGHLIGHT);
    await expect(items(page).nth(1)).toBeFocused();
    await expect(page.locator('.brief-view [aria-live]')).toHaveText('已移到第 1 节第 2 项');
    const order = async (): Promise<string[]> => ((await app.host.getBrief(briefId))?.sections[0]?.items ?? []).map((i) => (i.kind === 'excerpt' ? (i.clauseId === hitClause ? 'hit' : i.quote) : i.kind));
    await expect.poll(order).toEqual(['text', HIGHLIGHT, 'hit', '全面贯彻党的十九大和十九届二中、三中全会精神']);

    // Grouped by jurisdiction: the province before the city, the paragraph before them first.
    await page.getByRole('combobox', { name: '自动分组' }).selectOption('jurisdiction');
    await expect(page.locator('.section-number')).toHaveText(['', '一、', '二、']);
    await expect(page.locator('.section-heading-input').nth(1)).toHaveValue('广东省');
    await expect(page.locator('.section-heading-input').nth(2)).toHaveValue('珠海市');
    expect((await app.host.getBrief(briefId))?.sections.map((s) => [s.heading, s.items.length])).toEqual([['', 1], ['广东省', 1], ['珠海市', 2]]);
    await page.getByRole('status').filter({ hasText: '已重新分组' }).getByRole('button', { name: '关闭' }).click();
    await page.mouse.move(1200, 880);
    await shoot(page, 'brief-builder');

    // Every citation the brief holds, as the exports must carry them.
    const saved = await app.host.getBrief(briefId);
    const citations = (saved?.sections ?? []).flatMap((s) => s.items.flatMap((i) => (i.kind === 'excerpt' ? [`《${i.citation.docTitle}》${i.citation.label}`] : [])));
    expect(citations).toHaveLength(3);

    // The preview, as it prints.
    await page.getByRole('button', { name: '预览' }).click();
    const sheet = page.getByRole('article', { name: '预览' });
    await expect(sheet.locator('h1')).toHaveText(TITLE);
    for (const c of citations) await expect(sheet.locator('.sheet-citation', { hasText: c }).first()).toBeVisible();
    await shoot(page, 'brief-preview');

    // DOCX, HTML and Markdown: downloads that hold every citation.
    const exported = async (name: string): Promise<string> => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('group', { name: '导出' }).getByRole('button', { name }).click();
      const file = await downloading;
      const path = test.info().outputPath(file.suggestedFilename());
      await file.saveAs(path);
      return path;
    };
    const docx = await exported('Word (DOCX)');
    expect(docx).toMatch(/\.docx$/);
    const html = await exported('HTML');
    const md = await exported('Markdown');
    const htmlText = readFileSync(html, 'utf8');
    expect(htmlText).not.toMatch(/<script/i);
    for (const text of [docxText(docx), htmlText, readFileSync(md, 'utf8')]) {
      expect(text).toContain(TITLE);
      expect(text).toContain('一、广东省');
      for (const c of citations) expect(text).toContain(c);
      expect(text).toContain(PARAGRAPH);
    }

    // PDF in browser mode: the page prints the preview, and what it prints is what the print
    // dialog saves as PDF. (Headless Chromium has no print dialog: the call is recorded instead.)
    await page.getByRole('button', { name: '编辑' }).click();
    await page.evaluate(() => {
      window.print = () => void (document.body.dataset['printed'] = 'yes');
    });
    await page.getByRole('group', { name: '导出' }).getByRole('button', { name: 'PDF' }).click();
    await expect(sheet).toBeVisible();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
    const pdf = test.info().outputPath('brief.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdfText).toContain(TITLE);
    expect(pdfText).toContain('一、广东省');
    for (const c of citations) expect(pdfText).toContain(c.replace(/\s+/g, ''));
    // No frame of the app on the page: neither the top bar nor the brief's own bar.
    expect(pdfText).not.toContain('文库');
    expect(pdfText).not.toContain('导出');
  });

  test('a brief is renamed, deleted and brought back with Undo', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await page.getByRole('button', { name: '简报', exact: true }).click();
    const view = page.getByRole('region', { name: '简报' });
    const [brief] = await app.host.listBriefs();
    const renamed = view.locator(`.brief-row[data-brief-id="${brief?.id ?? ''}"]`);
    await expect(renamed.locator('.brief-row-title')).toHaveText(TITLE);
    await renamed.getByRole('button', { name: '重命名' }).click();
    await renamed.getByRole('textbox').fill('跨境贸易简报（修订）');
    await renamed.getByRole('textbox').press('Enter');
    await expect(renamed.locator('.brief-row-title')).toHaveText('跨境贸易简报（修订）');
    await renamed.getByRole('button', { name: '删除' }).click();
    await expect(renamed).toHaveCount(0);
    expect(await app.host.listBriefs()).toHaveLength(0);
    await page.getByRole('status').filter({ hasText: '简报已删除' }).getByRole('button', { name: '撤销' }).click();
    await expect(renamed.locator('.brief-row-title')).toHaveText('跨境贸易简报（修订）');
    expect((await app.host.listBriefs()).map((b) => b.title)).toEqual(['跨境贸易简报（修订）']);
  });
});

test('an excerpt whose clause a re-import changed keeps its words and says so', async ({ chromiumBrowser }) => {
  // An app of its own: its library is edited under it.
  const app = await startApp();
  const folder = mkdtempSync(join(tmpdir(), 'clauseway-e2e-brief-'));
  try {
    await app.ready;
    const doc = (await app.host.listDocuments()).find((d) => d.source === `seeds/${SEED_001}`);
    const five = (await app.host.getDocument(doc?.id ?? ''))?.clauses.find((c) => c.citation.endsWith('（五）'));
    const brief = await app.host.createBrief({ title: '措施对照' });
    await app.host.addToBrief(brief.id, [{ kind: 'clause', clauseId: five?.id ?? '' }]);
    const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const foreign: string[] = [];
    await guardNetwork(page, `http://127.0.0.1:${app.server.port}`, foreign);
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '简报', exact: true }).click();
    await page.getByRole('region', { name: '简报' }).getByRole('button', { name: /措施对照/ }).first().click();
    const excerpt = page.locator('.brief-item.item-excerpt');
    await expect(excerpt.locator('.excerpt-quote')).toHaveText(five?.text ?? '');
    await expect(excerpt.locator('.excerpt-changed')).toHaveCount(0);

    // The file edited (a sentence inserted into (五)) and imported again, as the command line
    // would, while the brief is open: the library's revision moves and the brief is read again.
    const edit = editSeed001();
    const library = Library.open(app.dataDir);
    try {
      writeFileSync(join(folder, SEED_001), edit.text);
      expect(ingestFile(library, join(folder, SEED_001), { key: `seeds/${SEED_001}` }).status).toBe('updated');
    } finally {
      library.close();
    }
    await expect(excerpt.locator('.excerpt-changed')).toHaveText('原条文在文件重新导入后已修改；此处保留加入时的原文。');
    await expect(excerpt.locator('.excerpt-quote')).toHaveText(five?.text ?? '');
    await expect(excerpt.locator('.excerpt-quote')).not.toContainText(edit.inserted);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.locator('.brief-sheet .sheet-changed')).toHaveText('原条文在文件重新导入后已修改；此处保留加入时的原文。');
    expect(foreign).toEqual([]);
    await context.close();
  } finally {
    await stopApp(app);
    rmSync(folder, { recursive: true, force: true });
  }
});
