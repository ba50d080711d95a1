// Clause trees of real laws and policy texts nobody tuned for: headings only where the text prints
// them, lists that start again inside an article, numbering that opens mid-way.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentRecord } from '../../electron/core/model/records.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { FIXTURES, SEEDS } from '../helpers/library.ts';

const only = (name: string, bytes?: Uint8Array): DocumentRecord => {
  const docs = parseSource(name, bytes ?? readFileSync(join(FIXTURES, name))).documents;
  assert.equal(docs.length, 1, `${name} is one document`);
  return docs[0] as DocumentRecord;
};
const outline = (d: DocumentRecord): string[] => d.clauses.filter((c) => c.label).map((c) => `${'  '.repeat(c.depth)}${c.label}${c.heading ? ` ${c.heading}` : ''}`);

test('a law that heads its articles keeps the headings; one that does not gets none from its lines cut short', () => {
  const headed = only('deposit-certificate-disputes.excerpt.md');
  assert.deepEqual(outline(headed), [
    '第一条 存单纠纷案件的范围', '  （一）', '  （二）', '  （三）', '  （四）',
    '第二条 存单纠纷案件的案由', '第三条 存单纠纷案件的受理与中止', '第四条 存单纠纷案件的管辖',
  ]);
  // 第四条 县级以上人民政府测绘地理信息主管部门负责 / 本行政区域…: a line a PDF cut, not a heading.
  const cut = only('zhejiang-surveying.excerpt.md');
  assert.deepEqual(outline(cut), ['第一章 总则', '  第四条', '  第五条', '  第六条']);
  assert.equal(cut.issuer, '浙江省人民代表大会常务委员会');
  assert.equal(cut.date, '2019-03-28');
});

test('an article heading printed in brackets stands; the first sentence of an article is never one', () => {
  // 深圳经济特区前海深港现代服务业合作区条例(修订征求意见稿), as the Shenzhen justice bureau printed it.
  const text = '深圳经济特区前海深港现代服务业合作区条例(修订征求意见稿)\n第一章 总则\n第一条【立法目的】为了促进前海深港现代服务业合作区(以下简称前海合作区)开发建设,构建优质高效的服务业新体系,支持香港经济社会发展,提升粤港澳合作水平。\n第二条 本条例适用于前海合作区。\n前海合作区的范围依据《前海规划》确定。\n';
  const d = only('draft.txt', new TextEncoder().encode(text));
  assert.deepEqual(outline(d), ['第一章 总则', '  第一条 立法目的', '  第二条']);
  assert.deepEqual(d.jurisdictions.map((j) => j.name), ['前海深港现代服务业合作区', '深圳市', '广东省', '香港特别行政区']);
});

test('an article with two lists keeps them apart, the paragraph announcing the second between them', () => {
  const d = only('shanghai-foreign-investment-approval.excerpt.md');
  const article = d.clauses.find((c) => c.label === '第三条');
  const children = d.clauses.filter((c) => c.parentId === article?.id);
  assert.deepEqual(children.map((c) => c.label || c.text), [
    '（一）', '（二）', '（三）', '申请设立外商投资企业有下列情况之一的，不予批准：', '（一）', '（二）', '（三）',
  ]);
  assert.ok(!children.some((c) => c.text.includes('（一）')), 'no item holds the next list');
  assert.equal(children[2]?.text, '能促进本市现代化建设的。');
});

test('a text published in parts opens at 二、 and （四）: its numbering is read all the same', () => {
  const d = only('001-part-two.txt');
  assert.deepEqual(outline(d).map((l) => l.trim().split(' ')[0]), ['二、', '(四)', '(五)', '(六)', '(七)', '(八)', '三、', '(九)']);
  assert.ok(d.clauses.filter((c) => c.kind === 'item').every((c) => c.units.length > 0), 'every measure keeps its units');
  // A stray "三、" in running text is still text: the next number must follow.
  const stray = only('stray.txt', new TextEncoder().encode('一则消息\n三、五年内完成改造任务的城市将获得奖励，名单另行公布，届时请留意。\n'));
  assert.deepEqual(outline(stray), []);
});

test('an article heading printed in parentheses after its label stands (第一條(制定依據)為…)', () => {
  const d = only('zengcheng-old-villages.zh-hant.txt');
  assert.deepEqual(outline(d), ['第一條 制定依據']);
});

test('a page that sets only the article label in bold gives its articles no heading', () => {
  const d = only('safety-accident-regulation.gov-cn.html');
  assert.deepEqual(outline(d), ['第一条', '第二条', '第三条', '第四条']);
});

test('a heading a page sets in bold after the label is the article heading; a bold sentence is none', () => {
  const first = '為進一步明確增城區舊村全面改造項目實施有關事項,加快推進舊村全面改造工作,制定本意見。';
  const page = (p: string): Uint8Array => Buffer.from(`<html><body>${p}<p>第二條 本意見適用於本區舊村全面改造項目。</p></body></html>`);
  const bold = (p: string): string[] => outline(only('page.html', page(p)));
  assert.deepEqual(bold(`<p><b>第一條　制定依據</b>${first}</p>`), ['第一條 制定依據', '第二條']);
  assert.deepEqual(bold(`<p>第一條　<span style="font-weight: bold">制定依據</span>　${first}</p>`), ['第一條 制定依據', '第二條']);
  assert.deepEqual(bold(`<p><strong>第一條</strong>　${first}</p>`), ['第一條', '第二條']);
  assert.deepEqual(bold(`<p><strong>第一條　${first}</strong></p>`), ['第一條', '第二條']);
  const markdown = (line: string): string[] => outline(only('page.md', Buffer.from(`${line}\n\n第二條 本意見適用於本區舊村全面改造項目。\n`)));
  assert.deepEqual(markdown(`**第一條　制定依據**${first}`), ['第一條 制定依據', '第二條']);
  assert.deepEqual(markdown(`**第一條**　${first}`), ['第一條', '第二條']);
});

test('capital numerals number the level above 一、: 壹、緣起 / 貳、計畫目標 holding 一、二、三、 / 参、', () => {
  const d = only('asia-university-plan.zh-hant.txt');
  assert.deepEqual(outline(d), ['壹、 緣起', '貳、 計畫目標', '  一、', '  二、', '  三、', '参、 計劃內容', '  一、', '  二、']);
  assert.equal(d.clauses.find((c) => c.label === '三、')?.citation, `${d.title} 貳三`);
});

const seed004 = (): DocumentRecord[] => parseSource('004.txt', readFileSync(join(SEEDS, '004_02dc7fb0eb02e0f1.txt'))).documents;

test('a measure of one sentence and its units has no heading, wherever it stands (粤府函〔2019〕36号 （十）, （十一）)', () => {
  const d = seed004().find((x) => x.docNumber === '粤府函〔2019〕36号');
  const heading = (label: string): string | null | undefined => d?.clauses.find((c) => c.label.replace(/[()（）]/g, '') === label)?.heading;
  for (const label of ['十', '十一', '十三', '十八']) assert.equal(heading(label), null, label);
  assert.equal(heading('一'), null);
});

test('fields the source sets on lines of their own stay apart (会议时间 / 会议地点), and a table stays before the captions after it', () => {
  const clauses = seed004().flatMap((x) => x.clauses);
  const at = (probe: string): number => clauses.findIndex((c) => c.text.startsWith(probe));
  const time = clauses[at('会议时间')];
  assert.ok(time && !time.text.includes('会议地点'), time?.text);
  assert.equal(at('会议地点'), at('会议时间') + 1);
  const table = clauses.findIndex((c) => c.kind === 'table' && c.text.includes('服务外包执行金额'));
  const caption = at('珠海市及各区12月服务外包执行金额比重');
  assert.ok(table >= 0 && caption > table, `table at ${table}, caption at ${caption}`);
  assert.ok(!clauses.some((c) => c.kind !== 'table' && c.text.includes('珠海市及各区12月服务外包执行') && c.text.length > 40));
});
