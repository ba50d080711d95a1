import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, docNumberIn, isoDate, issuerFromTitle, jurisdictionsOf, validityOf } from '../../electron/core/ingest/metadata.ts';
import { readBlocks } from '../../electron/core/ingest/blocks.ts';

test('titles lose their printed number into docNumber, and PDF spaces between characters', () => {
  assert.deepEqual(cleanTitle('广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知（粤府函〔2019〕31号）'), {
    title: '广东省人民政府关于印发广东省优化口岸营商环境促进跨境贸易便利化措施的通知',
    docNumber: '粤府函〔2019〕31号',
  });
  assert.equal(cleanTitle('关于促进中国（珠海）跨境电子商务 综合试验区发展的政策措施').title, '关于促进中国（珠海）跨境电子商务综合试验区发展的政策措施');
  assert.equal(docNumberIn('商建函[2019]61号'), '商建函〔2019〕61号');
  assert.equal(issuerFromTitle('商务部等12部门关于推进商品交易市场发展平台经济的指导意见'), '商务部等12部门');
});

test('dates in digits or in Chinese numerals, and validity stated as a day or as years', () => {
  assert.equal(isoDate('2019年2月12日'), '2019-02-12');
  assert.equal(isoDate('二〇一九年二月十六日'), '2019-02-16');
  assert.equal(isoDate('2022-05-26 14:18:58 +0800'), '2022-05-26');
  assert.equal(validityOf('本政策自发布之日起施行，有效期至2021年12月31日。', null), '2021-12-31');
  assert.equal(validityOf('本办法自印发之日起施行，有效期3年。', '2019-02-16'), '2022-02-15');
  assert.equal(validityOf('本办法自印发之日起施行，有效期三年。', null), null);
});

test('jurisdiction: the issuer first, else the most specific places of the title', () => {
  assert.deepEqual(jurisdictionsOf('广东省人民政府', '中国（珠海）跨境电子商务综合试验区实施方案'), [{ name: '广东省', level: 'province' }]);
  assert.deepEqual(jurisdictionsOf(null, '中国（东莞）跨境电子商务综合试验区实施方案'), [{ name: '东莞市', level: 'city' }]);
  assert.deepEqual(jurisdictionsOf('商务部等12部门', '关于推进商品交易市场发展平台经济的指导意见'), [{ name: '全国', level: 'national' }]);
  assert.deepEqual(jurisdictionsOf(null, '粵港澳大灣區：香港特別行政區金融發展局報告'), [{ name: '香港特别行政区', level: 'sar' }]);
});

test('an HTML table keeps its rows and cells (the agenda of the 2019 Zhuhai–Penang meeting)', () => {
  const html = '<p>会议议程:</p><table><tr><th>时间</th><th>议程</th></tr><tr><td>09:30-10:00</td><td>来宾签到</td></tr><tr><td>10:00-10:05</td><td>领导致辞</td></tr></table><p>考察团成员:</p>';
  const { format, blocks } = readBlocks(html, 'agenda.html');
  assert.equal(format, 'html');
  assert.deepEqual(blocks.map((b) => b.text.split('\n')[0]), ['会议议程:', '时间\t议程', '考察团成员:']);
  assert.deepEqual(blocks[1]?.table, [['时间', '议程'], ['09:30-10:00', '来宾签到'], ['10:00-10:05', '领导致辞']]);
});
