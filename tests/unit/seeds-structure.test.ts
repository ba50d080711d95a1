// The bundled seeds become the documents of CORPUS.md, each with the clause tree its numbering
// prints. These tests read the real files through the whole pipeline into a real library.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumeral } from '../helpers/numerals.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docByTitle, labels, outlineOf, seededLibrary, walk } from '../helpers/library.ts';

const range = (n: number, fmt: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => fmt(i + 1));
const parts = (n: number): string[] => range(n, (i) => `${formatNumeral(i)}、`);

describe('seeds', () => {
  let library: Library;
  let cleanup: () => void;
  before(() => ({ library, cleanup } = seededLibrary()));
  after(() => { cleanup(); });

  test('every document of the CORPUS.md table is listed with its jurisdiction, level and date', () => {
    const expected: [string, string, string, string | null][] = [
      ['广东：支持深交所、广期所与港交所深化金融产品和服务合作', '广东省', 'province', '2022-01-29'],
      ['广州市关于以高水平开放推动服务贸易和数字贸易高质量发展的若干措施', '广州市', 'city', '2025'],
      ['附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见', '广州市', 'city', '2021'],
      ['附件2 广州市关于推进共建粤港澳大湾区国际金融枢纽三年行动计划（2021-2023年）', '广州市', 'city', '2021'],
      ['广州-梅州签署金融合作协议', '广州市', 'city', '2022-05-26'],
      ['粤港澳大湾区发展规划纲要', '全国', 'national', '2019-02'],
      ['商务部等12部门关于推进商品交易市场发展平台经济的指导意见', '全国', 'national', '2019-02-12'],
      ['广东省人民政府关于印发支持自由贸易试验区深化改革创新若干措施分工方案的通知', '广东省', 'province', '2019-02-15'],
      ['广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知', '广东省', 'province', '2019-02-03'],
      ['广东省人民政府关于印发中国（珠海）、中国（东莞）跨境电子商务综合试验区实施方案的通知', '广东省', 'province', '2018-11-23'],
      ['中国（珠海）跨境电子商务综合试验区实施方案', '珠海市', 'city', '2018-11-23'],
      ['中国（东莞）跨境电子商务综合试验区实施方案', '东莞市', 'city', '2018-11-23'],
      ['珠海市商务局关于印发《关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施》的通知', '珠海市', 'city', '2019-02-16'],
    ];
    for (const [title, jurisdiction, level, date] of expected) {
      const d = docByTitle(library, title);
      assert.equal(d.jurisdiction, jurisdiction, title);
      assert.equal(d.level, level, title);
      assert.equal(d.date, date, title);
    }
    assert.deepEqual(docByTitle(library, '广州-梅州').jurisdictions.map((j) => j.name), ['广州市', '梅州市']);
    assert.equal(docByTitle(library, '商务部等12部门').docNumber, '商建函〔2019〕61号');
    assert.equal(docByTitle(library, '分工方案的通知').docNumber, '粤府函〔2019〕36号');
    assert.equal(docByTitle(library, '跨境贸易便利化措施的通知').docNumber, '粤府函〔2019〕31号');
    assert.equal(docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案的通知').docNumber, '粤府函〔2018〕394号');
  });

  test("the newsletter's other items are there as news, the policies are not", () => {
    const docs = library.listDocuments();
    const news = docs.filter((d) => d.kind === 'news').map((d) => d.title);
    for (const t of ['金邦达荣获《知识产权管理体系认证证书》', '统计局：2018年我国全年GDP同比增长6.6%', '2019年1月我国服务贸易逆差226亿美元']) {
      assert.ok(news.includes(t), t);
    }
    assert.equal(docByTitle(library, '粤港澳大湾区发展规划纲要').kind, 'policy');
    assert.equal(docByTitle(library, '中国（东莞）跨境电子商务综合试验区实施方案').kind, 'policy');
    assert.equal(docByTitle(library, '广东：支持深交所').kind, 'news');
  });

  test('附件1 has parts 一…六 and clauses （一）…（二十五） in order', () => {
    const tree = outlineOf(library, '附件1');
    assert.deepEqual(labels(tree, 'part'), parts(6));
    const items = tree.flatMap((p) => labels(p.children, 'item'));
    assert.deepEqual(items, range(25, (i) => `（${formatNumeral(i)}）`));
    const first = tree.find((n) => n.label === '一、')?.children[0];
    assert.equal(first?.heading, '指导思想');
  });

  test('附件2 has tasks 1…48, each with its units', () => {
    const tree = outlineOf(library, '附件2');
    assert.deepEqual(labels(tree, 'part'), parts(5));
    const tasks = walk(tree).filter((n) => n.kind === 'point');
    assert.deepEqual(tasks.map((t) => t.label), range(48, (i) => `${i}.`));
    for (const t of tasks) {
      const c = library.clause(t.id);
      assert.ok(c && c.units.length > 0, `task ${t.label} has units`);
    }
    const t47 = library.clause(tasks[46]?.id ?? '');
    assert.ok(t47);
    assert.deepEqual(t47.units.filter((u) => u.role === 'lead').map((u) => u.name), ['市地方金融监管局', '市发展改革委']);
    assert.ok(t47.units.some((u) => u.role === 'support' && u.name === '人民银行广州分行'));
  });

  test('the Guangzhou measures have parts 一…六 and measures (一)…(二十二) with units; the stray sentences belong to none', () => {
    const tree = outlineOf(library, '广州市关于以高水平开放推动服务贸易');
    assert.deepEqual(labels(tree, 'part'), parts(6));
    const measures = tree.flatMap((p) => p.children.filter((c) => c.kind === 'item'));
    assert.deepEqual(measures.map((m) => m.label), range(22, (i) => `(${formatNumeral(i)})`));
    for (const m of measures) {
      const c = library.clause(m.id);
      assert.ok(c && c.units.length > 0, `measure ${m.label} has units`);
      assert.ok(!c.text.includes('合规是入场券'), `measure ${m.label} holds no stray sentence`);
    }
    const stray = tree.filter((n) => n.kind === 'paragraph').map((n) => library.clause(n.id)?.text ?? '');
    assert.ok(stray.some((t) => t.startsWith('在这场2000万亿元市场的竞赛中')));
    assert.deepEqual(library.clause(measures[19]?.id ?? '')?.units.map((u) => u.name), ['市商务局', '市财政局', '广州市税务局', '各区政府']);
  });

  test('the Outline has 前言 and 第一章…第十一章 with their 节; its table of contents is not content', () => {
    const tree = outlineOf(library, '粤港澳大湾区发展规划纲要');
    const top = tree.filter((n) => n.kind === 'preface' || n.kind === 'chapter');
    assert.deepEqual(top.map((n) => n.label || n.heading), ['前言', ...range(11, (i) => `第${formatNumeral(i)}章`)]);
    const sections = Object.fromEntries(top.filter((n) => n.kind === 'chapter').map((c) => [c.label, c.children.filter((s) => s.kind === 'section').length]));
    assert.deepEqual(sections, { 第一章: 3, 第二章: 4, 第三章: 3, 第四章: 3, 第五章: 4, 第六章: 4, 第七章: 3, 第八章: 6, 第九章: 3, 第十章: 4, 第十一章: 4 });
    assert.equal(top[1]?.heading, '规划背景');
    // The table of contents printed every heading once more; none of it became a clause.
    const all = walk(tree);
    assert.equal(all.filter((n) => n.label === '第一章').length, 1);
    assert.ok(!all.some((n) => library.clause(n.id)?.text.startsWith('目录')));
  });

  test('粤府函〔2019〕31号 has measures （一）…（三十二）; 36号 has （一）…（四十） then （一）…（三）', () => {
    const n31 = walk(outlineOf(library, '跨境贸易便利化措施的通知')).filter((n) => n.kind === 'item');
    assert.deepEqual(n31.map((n) => n.label.replace('(', '（').replace(')', '）')), range(32, (i) => `（${formatNumeral(i)}）`));
    const tree36 = outlineOf(library, '分工方案的通知');
    assert.deepEqual(labels(tree36, 'part'), parts(5));
    const n36 = walk(tree36).filter((n) => n.kind === 'item').map((n) => n.label.replace('(', '（').replace(')', '）'));
    assert.deepEqual(n36, [...range(40, (i) => `（${formatNumeral(i)}）`), '（一）', '（二）', '（三）']);
    // The notice is signed before the plan it prints.
    assert.ok(tree36.some((n) => n.kind === 'signature'));
  });

  test('the Dongguan plan has tasks 1…31 and the Zhuhai plan the same skeleton', () => {
    const dg = outlineOf(library, '中国（东莞）跨境电子商务综合试验区实施方案');
    assert.deepEqual(labels(dg, 'part'), parts(4));
    assert.deepEqual(walk(dg).filter((n) => n.kind === 'point').map((n) => n.label), range(31, (i) => `${i}.`));
    const zh = outlineOf(library, '中国（珠海）跨境电子商务综合试验区实施方案');
    assert.deepEqual(labels(zh, 'part'), parts(4));
    assert.deepEqual(zh.find((n) => n.label === '一、')?.children.map((c) => c.heading), ['指导思想', '基本原则', '发展目标']);
  });

  test('the Zhuhai measures carry validity until 2021-12-31 and have measures 一…十', () => {
    const d = docByTitle(library, '珠海市商务局关于印发');
    assert.equal(d.validUntil, '2021-12-31');
    assert.deepEqual(labels(library.outline(d.id) ?? [], 'part'), parts(10));
  });

  test('citations name the document and the path of labels', () => {
    const tree = outlineOf(library, '附件1');
    const seventh = walk(tree).find((n) => n.label === '（七）');
    assert.equal(library.clause(seventh?.id ?? '')?.citation, '附件1 广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见 二（七）');
    const outline = outlineOf(library, '粤港澳大湾区发展规划纲要');
    const s = walk(outline).find((n) => n.kind === 'section' && n.heading === '加快发展现代服务业');
    assert.equal(library.clause(s?.id ?? '')?.citation, '粤港澳大湾区发展规划纲要 第六章 第三节');
  });

  test("the reader's view of a document holds every clause in reading order, with units and tables", () => {
    const annex2 = docByTitle(library, '附件2');
    const view = library.documentView(annex2.id);
    assert.ok(view);
    assert.equal(view.summary.title, annex2.title);
    assert.deepEqual(view.clauses.map((c) => c.id), walk(outlineOf(library, '附件2')).map((n) => n.id));
    const t47 = view.clauses.find((c) => c.label === '47.');
    assert.deepEqual(t47?.units.map((u) => u.role), ['lead', 'lead', 'cooperate', 'cooperate', 'support', 'support', 'support']);
    const agenda = library.documentView(docByTitle(library, '参会邀请').id)?.clauses.find((c) => c.kind === 'table');
    assert.deepEqual(agenda?.table?.[1], ['09:30-10:00', '来宾签到']);
    assert.equal(library.documentView('000000000000'), null);
    assert.equal(library.documentCount(), library.listDocuments().length);
  });

  test('建立出口信用保险制度 is found once, in the Outline, although a page break cuts it', () => {
    const hits = library.find('建立出口信用保险制度');
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.docId, docByTitle(library, '粤港澳大湾区发展规划纲要').id);
  });

  test('no clause text holds markup, footers, navigation or front matter', () => {
    for (const noise of ['zasto.org.cn', '<span', '返回', 'layout: post', 'categories:', 'tags:', '**', '目录 CONTENTS']) {
      assert.deepEqual(library.find(noise), [], noise);
    }
  });
});
