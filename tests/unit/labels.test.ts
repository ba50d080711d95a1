import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchLabel, citationLabel } from '../../electron/core/ingest/labels.ts';
import { parseNumeral } from '../../shared/numerals.ts';
import { formatNumeral } from '../helpers/numerals.ts';

test('Chinese numerals parse and format both ways', () => {
  const cases: [string, number][] = [['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['三十二', 32], ['一百零八', 108], ['一千一百六十四', 1164], ['两百', 200], ['48', 48], ['４８', 48]];
  for (const [s, n] of cases) assert.equal(parseNumeral(s), n, s);
  for (const n of [1, 10, 11, 20, 25, 40, 108, 1164]) assert.equal(parseNumeral(formatNumeral(n)), n);
  assert.equal(parseNumeral('是'), null);
});

test('every numbering style of the seeds and the laws is recognised with its number', () => {
  const cases: [string, string, string, number][] = [
    ['第三章 空间布局', 'chapter', '第三章', 3],
    ['第二节 机遇挑战', 'section', '第二节', 2],
    ['第一百二十八 条侦查人员对于…', 'article', '第一百二十八 条', 128],
    ['第十条之一 为了…', 'article', '第十条之一', 10],
    ['二、促进资源要素跨境高效便捷流动', 'part', '二、', 2],
    ['（二十五）加强工作管理。', 'item', '（二十五）', 25],
    ['(二十二)强化跨部门联动协调机制。', 'item', '(二十二)', 22],
    ['48.建立工作正面激励和清单式管理制度。', 'point', '48.', 48],
    ['1. 坚持市场主导。', 'point', '1.', 1],
    ['（3）本表计数采用四舍五入原则', 'subpoint', '（3）', 3],
  ];
  for (const [text, kind, printed, number] of cases) {
    const l = matchLabel(text);
    assert.ok(l, text);
    assert.equal(l.kind, kind, text);
    assert.equal(l.printed, printed, text);
    assert.equal(l.number, number, text);
  }
  assert.equal(matchLabel('第十条之一 为了')?.suffix, 1);
});

test('sentences that merely start like a label are not labels', () => {
  for (const text of ['第五条规定的情形除外。', '一是完善金融服务体系，建设一流湾区。', '1.5万亿元的市场', '2019年1月我国服务贸易逆差', '十九大以来', '第二章规定的程序']) {
    assert.equal(matchLabel(text), null, text);
  }
});

test('citation labels print parentheses full-width and drop separators', () => {
  assert.equal(citationLabel(matchLabel('(七)推进数据跨境安全有序流动。') ?? assert.fail()), '（七）');
  assert.equal(citationLabel(matchLabel('二、促进资源要素') ?? assert.fail()), '二');
  assert.equal(citationLabel(matchLabel('12.大力引进') ?? assert.fail()), '12.');
});

test('Traditional numbering reads as its Simplified twin; ⒈ and ⑴ number points and sub-points', () => {
  const cases: [string, string, string, number][] = [
    ['第一條 標的', 'article', '第一條', 1],
    ['第二百三十四條之一 為了…', 'article', '第二百三十四條之一', 234],
    ['第三節 機構', 'section', '第三節', 3],
    ['第二編 物權', 'volume', '第二編', 2],
    ['第二十二章 附則', 'chapter', '第二十二章', 22],
    ['（兩）', 'item', '（兩）', 2],
    ['⒈侮辱、诽谤案（刑法第二百四十六条规定的）；', 'point', '⒈', 1],
    ['⑶虐待案', 'subpoint', '⑶', 3],
  ];
  for (const [text, kind, printed, number] of cases) {
    const l = matchLabel(text);
    assert.ok(l, text);
    assert.deepEqual([l.kind, l.printed, l.number], [kind, printed, number], text);
  }
  for (const text of ['第五條規定的情形除外。', '第二章第三節的規定']) assert.equal(matchLabel(text), null, text);
  assert.equal(citationLabel(matchLabel('第十條 …') ?? assert.fail()), '第十條');
});

test('capital numerals, Traditional and Simplified: 壹、 is a section, 第壹條 an article, （拾貳） an item', () => {
  for (const [s, n] of [['壹', 1], ['貳', 2], ['贰', 2], ['參', 3], ['叁', 3], ['陸', 6], ['陆', 6], ['拾', 10], ['拾壹', 11], ['貳拾', 20], ['壹佰零捌', 108]] as const) {
    assert.equal(parseNumeral(s), n, s);
  }
  const cases: [string, string, number][] = [['壹、緣起', 'section', 1], ['肆、 經費', 'section', 4], ['第壹條 為…', 'article', 1], ['（拾貳）加強', 'item', 12], ['貳拾、附則', 'section', 20]];
  for (const [text, kind, number] of cases) {
    const l = matchLabel(text);
    assert.ok(l, text);
    assert.equal(l.kind, kind, text);
    assert.equal(l.number, number, text);
  }
  assert.equal(matchLabel('参加会议的单位'), null);
});
