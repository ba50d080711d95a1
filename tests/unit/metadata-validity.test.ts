// A document's validity comes only from a line in which the text states its own (validity.ts): a
// law's articles on the 有效期 of licences and certificates give the law none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { validityOf } from '../../electron/core/ingest/validity.ts';
import { FIXTURES } from '../helpers/library.ts';

test('a regulation whose articles give a registration five years is not valid for five years', () => {
  const name = 'nurses-regulation.excerpt.md';
  const d = parseSource(name, readFileSync(join(FIXTURES, name))).documents[0];
  assert.ok(d);
  assert.equal(d.date, '2008-01-31');
  assert.ok(d.clauses.some((c) => c.text.includes('护士执业注册有效期为5年')));
  assert.equal(d.validUntil, null);
});

test('what laws say of licences, marks and certificates (bench corpus) states no validity', () => {
  const articles = [
    // 商标法(2019-04-23) 第三十九条
    '第三十九条 注册商标的有效期为十年，自核准注册之日起计算。',
    // 北京市司法鉴定管理条例(2020-09-25) 第十三条
    '第十三条 《司法鉴定许可证》《司法鉴定人执业证》有效期5年。\n有效期届满需要延续的，按照国家有关规定办理。',
    // 护士条例 第十条, 排污许可管理条例 (transitional clause), 山东省供热条例
    '收到申请的卫生主管部门对具备本条例规定条件的，准予延续，延续执业注册有效期为5年；',
    '本条例施行前取得的污染物排放许可证，有效期届满前继续有效，并按本条例的规定实施管理。',
    '供热企业应当按照供热经营许可证的规定从事供热经营活动。供热经营许可证的有效期为五年。',
  ];
  for (const a of articles) assert.equal(validityOf(a, '2020-01-01'), null, a);
  assert.equal(validityOf(articles.join('\n'), '2020-01-01'), null);
});

test('a text that states its own validity: a day, years from when it takes effect, 试行, 至…止', () => {
  // Seed 004, the Zhuhai measures of 2019.
  assert.equal(validityOf('本政策自发布之日起施行，有效期至2021年12月31日。原有关政策与本政策不一致的，以本政策为准。', '2019-02-16'), '2021-12-31');
  assert.equal(validityOf('本办法自印发之日起施行，有效期3年。', '2019-02-16'), '2022-02-15');
  // Counted from the day printed, else the day it takes effect, never without a day.
  assert.equal(validityOf('十、本措施自2020年1月1日起实施，有效期为五年。', '2019-11-20'), '2024-12-31');
  assert.equal(validityOf('本办法自印发之日起施行，有效期三年。', '2019-06-01', '2019-07-01'), '2022-06-30');
  assert.equal(validityOf('本办法自印发之日起施行，有效期三年。', null), null);
  assert.equal(validityOf('第二十条 本规定自2019年1月1日起施行，至2021年12月31日止。', null), '2021-12-31');
  assert.equal(validityOf('本规定试行二年。', '2018-03-01'), '2020-02-29');
  assert.equal(validityOf('本实施细则有效期自2020年7月1日起至2023年6月30日止。', null), '2023-06-30');
  // Traditional reads alike.
  assert.equal(validityOf('本辦法自印發之日起施行，有效期3年。', '2019-02-16'), '2022-02-15');
});

test('a validity line with no subject counts only among the closing paragraphs', () => {
  // The closing line of a policy page (pvmeng.com's tag of it): 自发布之日起30日后施行,有效期2年.
  const body = ['一、总体要求', ...Array.from({ length: 10 }, (_, i) => `（${i + 1}）具体措施。`)];
  assert.equal(validityOf([...body, '本办法由市商务局负责解释。', '自发布之日起30日后施行,有效期2年。'].join('\n'), '2021-03-01'), '2023-03-30');
  assert.equal(validityOf(['有效期为2年。', ...body].join('\n'), '2021-03-01'), null);
});
