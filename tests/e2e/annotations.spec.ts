// Annotating in Debian's Chromium against browser mode, on the bundled seeds: highlights in two
// colours in both panes, a note with bold and a list, tags, all back after a reload; the last
// keystrokes before the page goes away; a selection across two clauses; delete and undo (the toast
// and Ctrl+Z); notes on a clause and a document; the annotations view filtered by tag, opening the
// clause; a note's word found by search; an orphan after a re-import, re-attached to new words.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openUserData, reconcileWithLibrary } from '../../electron/core/annotations/index.ts';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { Library } from '../../electron/core/store/library.ts';
import { editSeed001, SEED_001 } from '../helpers/seed-edits.ts';
import { selectText } from './annotate-helpers.ts';
import { guardNetwork, startApp, stopApp } from './app.ts';
import { expect, test } from './fixtures.ts';
import { libraryIsShown, pane, shoot, sideBySide } from './flow.ts';

const ZHUHAI_GUIDE = '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大';
const clause = (p: Locator, text: string): Locator => p.locator('article', { hasText: text }).first();
const toolbar = (page: Page): Locator => page.getByRole('toolbar', { name: '高亮：' });
const dialog = (page: Page): Locator => page.getByRole('dialog');

async function highlightWith(page: Page, scope: Locator, from: string, to: string, color: string): Promise<void> {
  await selectText(page, scope, from, to);
  await expect(toolbar(page)).toBeVisible();
  await toolbar(page).getByRole('button', { name: `高亮：${color}` }).click();
  await expect(toolbar(page)).toBeHidden();
}

test.describe('annotating:', () => {
  test.describe.configure({ mode: 'serial' });

  // The library is shared with the reader's tests: leave no annotation behind.
  test.afterAll(async ({ app }) => {
    for (const a of await app.host.listAnnotations()) await app.host.deleteAnnotation(a.id);
    await app.host.emptyTrash();
  });

  test('marks in both panes, a note with bold and a list, tags; a reload brings everything back', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await sideBySide(page);
    const left = pane(page, 0);
    const right = pane(page, 1);
    const guideL = clause(left, ZHUHAI_GUIDE);

    // Left: yellow from the toolbar, then green.
    await selectText(page, guideL, '全面贯彻党的十九大', '三中全会精神');
    await expect(toolbar(page)).toBeVisible();
    await shoot(page, 'annotate-toolbar');
    await toolbar(page).getByRole('button', { name: '高亮：黄' }).click();
    await expect(guideL.locator('.hl.hl-yellow')).toHaveText('全面贯彻党的十九大和十九届二中、三中全会精神');
    await highlightWith(page, guideL, '探索“互联网+外贸”', '新模式', '绿');
    await expect(guideL.locator('.hl.hl-green')).toHaveText('探索“互联网+外贸”新模式');

    // Right: blue from the toolbar; then `h` highlights in the colour last used.
    const guideR = clause(right, '充分借鉴先行地区经验做法，结合东莞产业优势');
    await highlightWith(page, guideR, '充分借鉴先行地区', '经验做法', '蓝');
    await selectText(page, guideR, '结合东莞产业优势', '货源地优势');
    await expect(toolbar(page)).toBeVisible();
    await page.keyboard.press('h');
    await expect(guideR.locator('.hl.hl-blue')).toHaveText(['充分借鉴先行地区经验做法', '结合东莞产业优势和货源地优势']);

    // A note on the yellow one: bold words and a bulleted list, from the keys; two tags.
    await guideL.locator('.hl.hl-yellow').click();
    const card = dialog(page);
    await expect(card).toBeVisible();
    await expect(card.locator('.card-quote')).toHaveText('全面贯彻党的十九大和十九届二中、三中全会精神');
    await card.locator('.note-editor').click();
    await page.keyboard.type('对照东莞：');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('两地同一表述');
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('珠海强调珠澳合作');
    await page.keyboard.press('Enter');
    await page.keyboard.type('东莞强调制造业');
    await card.getByLabel('标签').click();
    await page.keyboard.type('跨境');
    await page.keyboard.press('Enter');
    await page.keyboard.type('比较，');
    // Once saved, in the engine's order.
    await expect(card.locator('.tag-name')).toHaveText(['比较', '跨境']);
    await expect(card.locator('.save-state')).toHaveText('已保存');
    await card.locator('.note-editor').click();
    await shoot(page, 'annotate-note');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(guideL.locator('.hl.hl-yellow.noted')).toHaveCount(1);

    const saved = await app.host.listAnnotations();
    expect(saved.map((a) => a.color).sort()).toEqual(['blue', 'blue', 'green', 'yellow']);
    const yellow = saved.find((a) => a.color === 'yellow');
    expect(yellow?.noteText).toBe('对照东莞：两地同一表述\n- 珠海强调珠澳合作\n- 东莞强调制造业');
    expect(yellow?.tags.sort()).toEqual(['比较', '跨境']);

    // A reload: the same panes, the same marks, the note as written.
    await page.reload();
    await expect(guideL.locator('.hl.hl-yellow')).toHaveText('全面贯彻党的十九大和十九届二中、三中全会精神');
    await expect(guideL.locator('.hl.hl-green')).toHaveText('探索“互联网+外贸”新模式');
    await expect(guideR.locator('.hl.hl-blue')).toHaveCount(2);
    await guideL.locator('.hl.hl-yellow').click();
    await expect(card.locator('.note-editor strong')).toHaveText('两地同一表述');
    await expect(card.locator('.note-editor li')).toHaveText(['珠海强调珠澳合作', '东莞强调制造业']);
    await expect(card.locator('.tag-name')).toHaveText(['比较', '跨境']);
    await page.keyboard.press('Escape');
  });

  test('the last keystrokes before the page goes away are saved', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await sideBySide(page);
    const guideR = clause(pane(page, 1), '充分借鉴先行地区经验做法，结合东莞产业优势');
    await guideR.locator('.hl.hl-blue').first().click();
    await dialog(page).locator('.note-editor').click();
    await page.keyboard.type('关门前写下的字');
    // No pause for the autosave: the page goes at once.
    await page.reload();
    await expect.poll(async () => (await app.host.listAnnotations()).map((a) => a.noteText)).toContain('关门前写下的字');
    await page.close();
  });

  test('a selection across two clauses is one highlight with a target in each', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await sideBySide(page);
    const left = pane(page, 0);
    await highlightWith(page, left.locator('.doc-column'), '推动珠海和全省开放型经济', '坚持改革创新', '紫');
    const parts = left.locator('.hl.hl-purple');
    await expect(parts).toHaveText(['推动珠海和全省开放型经济高质量发展。', '基本原则。', '坚持改革创新']);
    const ids = await parts.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-annotation-id')))]);
    expect(ids).toHaveLength(1);
    const a = (await app.host.listAnnotations()).find((x) => x.id === ids[0]);
    expect(a?.targets.map((t) => t.quote.exact)).toEqual(['推动珠海和全省开放型经济高质量发展。', '基本原则。\n坚持改革创新']);
    expect(a?.targets.map((t) => t.citation)).toEqual([expect.stringMatching(/（一）$/), expect.stringMatching(/（二）$/)]);
  });

  test('delete, then undo with the toast and with Ctrl+Z', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await sideBySide(page);
    const guideL = clause(pane(page, 0), ZHUHAI_GUIDE);
    const green = guideL.locator('.hl.hl-green');
    await green.click();
    await dialog(page).getByRole('button', { name: '删除' }).click();
    await expect(green).toHaveCount(0);
    const toast = page.getByRole('status').filter({ hasText: '已删除' });
    await expect(toast).toBeVisible();
    expect((await app.host.listAnnotations({ trash: true })).length).toBe(1);
    await toast.getByRole('button', { name: '撤销' }).click();
    await expect(green).toHaveText('探索“互联网+外贸”新模式');
    // The Delete key in the open highlight, then Ctrl+Z in the text.
    await green.click();
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(green).toHaveCount(0);
    await pane(page, 0).locator('.doc-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(green).toHaveText('探索“互联网+外贸”新模式');
    expect((await app.host.listAnnotations({ trash: true })).length).toBe(0);
  });

  test('a note on a whole clause and one on the whole document', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await sideBySide(page);
    const left = pane(page, 0);
    const goal = clause(left, '经过3年的建设，在跨境电子商务企业对企业');
    await goal.hover();
    await goal.getByRole('button', { name: '批注本条' }).click();
    // The editor loads with its first use, and takes the keys.
    await expect(dialog(page).locator('.note-editor')).toBeFocused();
    await page.keyboard.type('三年目标与东莞不同');
    await page.keyboard.press('Escape');
    await expect(goal.locator('.clause-note')).toContainText('三年目标与东莞不同');
    await left.getByRole('button', { name: '文件笔记' }).click();
    await expect(dialog(page).locator('.note-editor')).toBeFocused();
    await page.keyboard.type('珠海方案的要点');
    await expect(dialog(page).locator('.save-state')).toHaveText('已保存');
    await page.keyboard.press('Escape');
    await expect(left.locator('.doc-notes-button .count')).toHaveText('1');
    const notes = await app.host.listAnnotations({ kind: 'clause-note' });
    expect(notes.map((n) => n.noteText)).toEqual(['三年目标与东莞不同']);
    // Opening the note again and closing it makes no second note.
    await goal.hover();
    await goal.getByRole('button', { name: '本条批注' }).click();
    await expect(dialog(page).locator('.note-editor')).toContainText('三年目标与东莞不同');
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect((await app.host.listAnnotations({ kind: 'clause-note' })).length).toBe(1);
  });

  test('the annotations view filters by tag and opens the clause', async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await page.getByRole('button', { name: '批注', exact: true }).click();
    const view = page.getByRole('region', { name: '批注' });
    const tags = view.getByRole('group', { name: '标签' });
    await expect(view.locator('.annotation-row')).toHaveCount(7);
    await tags.getByRole('button', { name: '跨境' }).click();
    await expect(view.locator('.annotation-row')).toHaveCount(1);
    await expect(view.locator('.annotation-row .row-quote')).toHaveText('全面贯彻党的十九大和十九届二中、三中全会精神');
    await expect(view.locator('.annotation-row .note-view strong')).toHaveText('两地同一表述');
    await tags.getByRole('button', { name: '跨境' }).click();
    await expect(view.locator('.annotation-row')).toHaveCount(7);
    // The pointer off the facets, which would show as hovered.
    await page.mouse.move(700, 890);
    await shoot(page, 'annotations');
    await tags.getByRole('button', { name: '跨境' }).click();
    await expect(tags.getByRole('button', { name: '跨境' })).toHaveAttribute('aria-pressed', 'true');
    await expect(view.locator('.annotation-row')).toHaveCount(1);
    await view.locator('.annotation-row').getByRole('button', { name: '打开' }).click();
    const guide = clause(pane(page, 0), ZHUHAI_GUIDE);
    await expect(guide).toBeInViewport();
    await expect(guide.locator('.hl.hl-yellow')).toBeVisible();
  });

  test("a note's words are found by search, in a group of their own", async ({ page, app }) => {
    await page.goto(app.server.url);
    await libraryIsShown(page);
    await page.getByRole('searchbox', { name: '搜索' }).fill('珠澳合作');
    await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
    const results = page.getByRole('region', { name: '搜索' });
    const notes = results.getByRole('listitem', { name: '笔记' });
    await expect(notes.locator('.note-hit')).toHaveCount(1);
    await expect(notes.locator('.note-hit mark')).toHaveText('珠澳合作');
    // The clause hits are there too, below.
    await expect(results.locator('.search-group:not(.note-group)').first()).toBeVisible();
    await notes.locator('.hit-open').click();
    await expect(clause(page.locator('section.pane.focused'), ZHUHAI_GUIDE)).toBeInViewport();
  });
});

test('an orphan after a re-import is listed with its old citation and attached to new words', async ({ chromiumBrowser }) => {
  // An app of its own: its library is edited under it.
  const app = await startApp();
  const folder = mkdtempSync(join(tmpdir(), 'clauseway-e2e-edit-'));
  try {
    await app.ready;
    // A highlight on the item that the edited seed deletes.
    const edit = editSeed001();
    const doc = (await app.host.listDocuments()).find((d) => d.source === `seeds/${SEED_001}`);
    const seventh = (await app.host.getDocument(doc?.id ?? ''))?.clauses.find((c) => c.citation.endsWith('（七）'));
    const quote = seventh?.text.slice(5, 25) ?? '';
    expect(quote.length > 0 && edit.deleted.includes(quote)).toBe(true);
    await app.host.createAnnotation({ kind: 'highlight', color: 'orange', targets: [{ clauseId: seventh?.id ?? '', quote }] });
    // The file edited and imported again (as the command line would), its annotations placed anew.
    const library = Library.open(app.dataDir);
    const { store } = openUserData(app.dataDir);
    try {
      writeFileSync(join(folder, SEED_001), edit.text);
      expect(ingestFile(library, join(folder, SEED_001), { key: `seeds/${SEED_001}` }).status).toBe('updated');
      reconcileWithLibrary(store, library);
    } finally {
      store.close();
      library.close();
    }

    const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const foreign: string[] = [];
    await guardNetwork(page, `http://127.0.0.1:${app.server.port}`, foreign);
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '批注', exact: true }).click();
    const list = page.getByRole('region', { name: '批注' });
    await list.getByRole('group', { name: '状态' }).getByRole('button', { name: /未能定位/ }).click();
    const row = list.locator('.annotation-row.orphan');
    await expect(row).toHaveCount(1);
    await expect(row.locator('.row-quote')).toHaveText(quote);
    await expect(row.locator('.row-where')).toHaveText(`原位置：${seventh?.citation ?? ''}`);
    await row.getByRole('button', { name: '重新附着' }).click();
    await expect(page.locator('.reattach-banner')).toContainText(quote);
    // New words: the sentence the edit put into (五).
    const now = pane(page, 0).locator('article').filter({ hasText: edit.inserted }).first();
    await selectText(page, now, edit.inserted);
    await toolbar(page).getByRole('button', { name: '附着到此处' }).click();
    await expect(page.locator('.reattach-banner')).toBeHidden();
    await expect(now.locator('.hl.hl-orange')).toHaveText(edit.inserted);
    const [a] = await app.host.listAnnotations();
    expect(a?.status).toBe('anchored');
    expect(a?.targets[0]?.quote.exact).toBe(edit.inserted);
    expect(foreign).toEqual([]);
    await context.close();
  } finally {
    await stopApp(app);
    rmSync(folder, { recursive: true, force: true });
  }
});
