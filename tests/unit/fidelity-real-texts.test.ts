// Short real samples of Hong Kong, Macau, Hengqin, Qianhai and portal texts (tests/fixtures/SOURCES.md
// names their pages): titles, jurisdictions with levels, dates, document numbers and clause trees
// as a reader expects them, and no page furniture in any clause.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentRecord } from '../../electron/core/model/records.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { FIXTURES } from '../helpers/library.ts';
import { encodeLegacy } from '../helpers/traditional.ts';

const parse = (name: string, bytes?: Uint8Array): DocumentRecord[] => parseSource(name, bytes ?? readFileSync(join(FIXTURES, name))).documents;
const only = (name: string): DocumentRecord => {
  const docs = parse(name);
  assert.equal(docs.length, 1, `${name} is one document`);
  return docs[0] as DocumentRecord;
};
const text = (d: DocumentRecord): string => d.clauses.map((c) => c.text).join('\n');
const outline = (d: DocumentRecord): string[] => d.clauses.filter((c) => c.label).map((c) => `${'  '.repeat(c.depth)}${c.label}${c.heading ? ` ${c.heading}` : ''}`);

test('a Hong Kong Government press release: its headline, its day, Hong Kong first; no skip link, stars or stamp', () => {
  const d = only('hk-press-release.zh-hant.txt');
  assert.equal(d.title, '政制及內地事務局局長訪問廣州');
  assert.equal(d.date, '2019-05-27');
  assert.deepEqual(d.jurisdictions, [{ name: '香港特别行政区', level: 'sar' }, { name: '广州市', level: 'city' }]);
  assert.equal(d.kind, 'news');
  for (const furniture of ['跳至主要內容', '****', '香港時間', '即日新聞']) assert.ok(!text(d).includes(furniture), furniture);
  assert.ok(text(d).includes('聶德權同日傍晚返港。'));
  assert.equal(d.clauses.at(-1)?.kind, 'signature');
});

test('the same press release saved as Big5 by a Hong Kong site reads the same, 粤 as 粵', () => {
  const bytes = encodeLegacy(readFileSync(join(FIXTURES, 'hk-press-release.zh-hant.txt'), 'utf8'), 'big5');
  const parsed = parseSource('press.txt', bytes);
  assert.equal(parsed.encoding, 'big5');
  assert.deepEqual(parsed.warnings, []);
  const utf8 = only('hk-press-release.zh-hant.txt').clauses.map((c) => c.text.replaceAll('粤', '粵'));
  assert.deepEqual(parsed.documents.map((d) => d.clauses.map((c) => c.text)), [utf8]);
});

test('a news portal page: headline title, date from its byline, Hong Kong; byline, share, editor, keywords and "more" links gone', () => {
  const d = only('news-portal.zh-hant.txt');
  assert.equal(d.title, '香港將委任專員統籌管理粵港澳大灣區發展辦公室');
  assert.equal(d.date, '2019-03-13');
  assert.deepEqual(d.jurisdictions, [{ name: '香港特别行政区', level: 'sar' }]);
  for (const furniture of ['首頁>', '分享到', '作者:', '編輯:', '關鍵詞', '更多']) assert.ok(!text(d).includes(furniture), furniture);
  assert.ok(d.clauses[0]?.text.startsWith('新華社香港3月13日電'));
});

test('a Macau law: titled by its number and name, numbered 第X條 with printed headings, items and paragraphs', () => {
  const d = only('macau-law-26-2024.zh-hant.txt');
  assert.equal(d.title, '第26/2024號法律《一九七六年至一九九三年公佈的若干法律及法令的適應化及整合》');
  assert.equal(d.docNumber, '第26/2024號法律');
  assert.equal(d.issuer, '立法會');
  assert.deepEqual(d.jurisdictions, [{ name: '澳门特别行政区', level: 'sar' }]);
  assert.equal(d.kind, 'policy');
  assert.deepEqual(outline(d), [
    '第一條 標的', '  (一)', '  (二)', '  (三)', '  (四)',
    '第二條 適應化及整合', '  一、', '  二、', '  三、', '  四、', '    (一)', '    (二)', '    (三)', '    (四)', '    (五)',
    '第三條 修改九月四日第7/89/M號法律',
  ]);
  const item = d.clauses.find((c) => c.label === '四、');
  assert.equal(item?.citation, `${d.title} 第二條四`);
});

test('the Hengqin regulation: a zone of Zhuhai in Guangdong, with Macau; adopted by the provincial congress; no false headings', () => {
  const d = only('hengqin-regulation.zh-hant.txt');
  assert.equal(d.title, '橫琴粵澳深度合作區發展促進條例');
  assert.equal(d.issuer, '廣東省人民代表大會常務委員會');
  assert.equal(d.date, '2023-01-09');
  assert.deepEqual(d.jurisdictions, [
    { name: '横琴粤澳深度合作区', level: 'district' },
    { name: '珠海市', level: 'city' },
    { name: '广东省', level: 'province' },
    { name: '澳门特别行政区', level: 'sar' },
  ]);
  assert.equal(d.kind, 'policy');
  // 第二條 本條例適用于合作區建設和發展促進等活動。 is the article's first sentence, not its heading.
  assert.deepEqual(outline(d), ['第一章 總 則', '  第一條', '  第二條', '  第三條', '  第四條']);
  assert.equal(d.clauses.find((c) => c.label === '第二條')?.text.split('\n').length, 2);
});

test('the Qianhai regulation, Traditional and Simplified: one document with its promulgation notice, a zone of Shenzhen with Hong Kong', () => {
  const [hant, hans] = [only('qianhai-regulation.zh-hant.txt'), only('qianhai-regulation.zh-hans.txt')];
  assert.equal(hans.title, '深圳经济特区前海深港现代服务业合作区条例');
  assert.equal(hant.title, '深圳經濟特區前海深港現代服務業合作區條例');
  for (const d of [hant, hans]) {
    assert.equal(d.date, '2020-08-26');
    assert.deepEqual(d.jurisdictions.map((j) => `${j.name}/${j.level}`), ['前海深港现代服务业合作区/district', '深圳市/city', '广东省/province', '香港特别行政区/sar']);
    assert.equal(d.kind, 'policy');
    // The table of contents is not content: 第一章 appears once.
    assert.equal(d.clauses.filter((c) => c.kind === 'chapter').length, 1);
    assert.equal(d.clauses.filter((c) => c.kind === 'article').length, 6);
  }
  assert.equal(hans.issuer, '深圳市人民代表大会常务委员会');
  assert.equal(hant.issuer, '深圳市人民代表大會常務委員會');
  assert.deepEqual(outline(hant).length, outline(hans).length);
});

test('a portal copy of a Guangzhou notice: one notice, its number and date, no breadcrumb, buttons or contents', () => {
  const d = only('guangzhou-portal.zh-hant.txt');
  assert.equal(d.title, '廣州市人民政府辦公廳關于印發廣州市石油天然氣管道保護突發事件應急預案的通知');
  assert.equal(d.docNumber, '穗府辦〔2015〕14號');
  assert.equal(d.issuer, '廣州市人民政府辦公廳');
  assert.equal(d.date, '2015-03-31');
  assert.deepEqual(d.jurisdictions, [{ name: '广州市', level: 'city' }]);
  assert.equal(d.kind, 'notice');
  for (const furniture of ['相關新聞', '當前位置', '分享到', '來源', '• ', '目錄', '2015-03-31']) assert.ok(!text(d).includes(furniture), furniture);
  // The contents listed 1 總則 and 1.1 編制目的; the text prints them once more, and only that stays.
  assert.equal(d.clauses.filter((c) => c.text === '1.1 編制目的').length, 1);
});

test('a national law about Hong Kong is national and Hong Kong’s; a lost 第一章 does not take the chapters after it', () => {
  const d = only('hk-national-security-law.excerpt.md');
  assert.equal(d.issuer, '全国人民代表大会常务委员会');
  assert.deepEqual(d.jurisdictions, [{ name: '全国', level: 'national' }, { name: '香港特别行政区', level: 'sar' }]);
  const chapter = d.clauses.find((c) => c.label === '第二章') ?? assert.fail('第二章 is a chapter');
  assert.equal(chapter.heading, '香港特别行政区维护国家安全的职责和机构');
  assert.deepEqual(d.clauses.filter((c) => c.parentId === chapter.id).map((c) => c.label), ['第一节', '第二节']);
  assert.ok(!d.clauses.some((c) => c.kind === 'article' && c.text.includes('第二章')));
});

test('a law portal page: one notice, titled once though printed three times; site links, byline and download link gone', () => {
  const d = only('law-portal.txt');
  assert.equal(d.title, '关于印发《国防科技工业标准制定工作程序(试行)》的通知');
  assert.equal(d.docNumber, '科工法字〔2000〕851号');
  // The page's upload time (时间:2024-07-22) is not the notice's date.
  assert.equal(d.date, '2000-11-13');
  assert.equal(d.kind, 'notice');
  for (const furniture of ['热门站点', '收藏本站', '设为首页', '作者:', '浏览', '下载地址']) assert.ok(!text(d).includes(furniture), furniture);
  assert.deepEqual(d.clauses.filter((c) => c.kind === 'article').map((c) => c.label), ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条']);
});

test('the State Council plan for Nansha: its notice title over two lines, a zone of Guangzhou in Guangdong, its date and number', () => {
  const d = only('nansha-plan.zh-hant.txt');
  assert.equal(d.title, '國務院關于印發廣州南沙深化面向世界的粵港澳全面合作總體方案的通知');
  assert.equal(d.issuer, '國務院');
  assert.equal(d.date, '2022-06-06');
  assert.equal(d.docNumber, '國發〔2022〕13號');
  assert.deepEqual(d.jurisdictions.slice(0, 3), [
    { name: '南沙区', level: 'district' },
    { name: '广州市', level: 'city' },
    { name: '广东省', level: 'province' },
  ]);
  assert.deepEqual(outline(d), ['一、 總體要求', '  (一) 指導思想', '  (二) 空間布局']);
  assert.equal(d.clauses.find((c) => c.kind === 'signature')?.text, '國務院\n2022年6月6日');
  for (const c of d.clauses) assert.ok(!/分享|打印|字體|來源[:：]|瀏覽/.test(c.text), c.text);
});

test('a Macau gazette page of an executive order: titled by its number, Macau’s, no information block, lists or PDF notice', () => {
  const d = only('macau-executive-order-90-2023.zh-hant.txt');
  assert.equal(d.title, '第90/2023號行政命令');
  assert.equal(d.docNumber, '第90/2023號行政命令');
  assert.deepEqual(d.jurisdictions, [{ name: '澳门特别行政区', level: 'sar' }]);
  assert.equal(d.kind, 'policy');
  // Its information block: 刊登日期 (the gazette's day) stands for the date, as on a portal.
  assert.equal(d.date, '2023-12-15');
  for (const furniture of ['公報編號', '版數', '相關法規', '第2/1999號法律 - ', '相關類別', 'LegisMac', 'PDF', 'Adobe']) {
    assert.ok(!text(d).includes(furniture), furniture);
  }
  assert.ok(text(d).includes('由行政法務司司長張永春臨時代理行政長官的職務。'));
  assert.ok(text(d).includes('命令公佈。'));
});

test('a news page on the Hengqin master plan: its headline, its day, Hengqin’s; no site link, breadcrumb, source line or contents', () => {
  const d = only('hengqin-plan-news.zh-hant.txt');
  assert.equal(d.title, '《橫琴粵澳深度合作區總體發展規劃》正式發布!');
  assert.equal(d.date, '2023-12-22');
  assert.deepEqual(d.jurisdictions.map((j) => `${j.name}/${j.level}`), ['横琴粤澳深度合作区/district', '珠海市/city', '广东省/province', '澳门特别行政区/sar']);
  assert.equal(d.kind, 'news');
  for (const furniture of ['Network', '當前位置', '來源', '點擊', '目錄', '第一節發展環境']) assert.ok(!text(d).includes(furniture), furniture);
  assert.ok(d.clauses[0]?.text.startsWith('近日,經國務院批復同意'));
});

test('a Hong Kong news site on Qianhai: its headline after a dateline of sections, Qianhai’s and Hong Kong’s; no trending label or back link', () => {
  const d = only('hkej-qianhai-news.zh-hant.txt');
  assert.equal(d.title, '曾國衞:特區政府一直非常重視與前海合作');
  assert.equal(d.date, '2024-02-06');
  assert.deepEqual(d.jurisdictions.map((j) => `${j.name}/${j.level}`), ['前海深港现代服务业合作区/district', '深圳市/city', '广东省/province', '香港特别行政区/sar']);
  for (const furniture of ['熱門', '時事脈搏', '回上', '信報簡介']) assert.ok(!text(d).includes(furniture), furniture);
  assert.ok(d.clauses[0]?.text.startsWith('政制及內地事務局局長曾國衞'));
});

test('a Hong Kong press release with photos: Hong Kong’s, dated, the photo label gone and its caption kept', () => {
  const d = only('hk-press-release-northern-metropolis.zh-hant.txt');
  assert.equal(d.title, '對接北部都會區發展策略專班在深圳舉行會議(附圖)');
  assert.equal(d.date, '2023-10-11');
  assert.equal(d.jurisdictions[0]?.name, '香港特别行政区');
  assert.ok(!d.clauses.some((c) => c.text === '圖片'));
  assert.ok(text(d).includes('圖示黃偉綸(左)與黃敏(右)在會議前會面。'));
});

