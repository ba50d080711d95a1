// Page furniture of portals, news sites and gazettes: each rule on the lines real pages print (the
// pages named beside them), and no rule on any paragraph of the seeds or the bench-corpus samples.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldsText, furnitureRule, portalFields } from '../../electron/core/ingest/furniture.ts';
import { readBlocks } from '../../electron/core/ingest/blocks.ts';
import { FIXTURES, SEEDS } from '../helpers/library.ts';

/** [line as printed, the rule that must name it, where it was printed]. */
const SAMPLES: [string, RegExp, string][] = [
  ['跳至主要內容', /skip link/, 'info.gov.hk press release'],
  ['跳到主要內容區塊', /skip link/, 'finance.kcg.gov.tw'],
  [':::', /skip link/, 'ey.gov.tw'],
  ['***************', /row of stars/, 'info.gov.hk press release'],
  ['＊＊＊＊＊＊＊＊＊＊＊＊＊＊', /row of stars/, 'info.gov.hk, full-width'],
  ['即日新聞', /links to other pages/, 'info.gov.hk press release'],
  ['首頁>要聞 要聞', /breadcrumb/, 'csgzkj.com news page'],
  ['當前位置:首頁 > 政務公開 > 法規公文', /breadcrumb/, 'a copy of gz.gov.cn'],
  ['您的位置:主页 > 公告动态 > 投资资讯 > 投资资讯', /breadcrumb/, '33jin.com'],
  ['分享到:', /share buttons/, 'csgzkj.com news page'],
  ['分享到', /share buttons/, 'a copy of gz.gov.cn'],
  ['編輯:李敏杰', /editor line/, 'csgzkj.com news page'],
  ['更多', /links to other pages/, 'csgzkj.com news page'],
  ['相關新聞', /links to other pages/, 'a copy of gz.gov.cn'],
  ['來源: 本網', /source line/, 'a copy of gz.gov.cn'],
  ['-', /empty list item/, 'a copy of gz.gov.cn'],
  ['友善列印', /buttons/, 'ey.gov.tw'],
  ['回頂端', /buttons/, 'ey.gov.tw'],
  ['列印版本 文字版 寄給朋友', /buttons/, 'info.gov.hk press release (Big5 page)'],
  ['全文版本PDF', /buttons/, 'bo.io.gov.mo gazette'],
  ['第 2 期', /gazette/, 'bo.io.gov.mo gazette'],
  ['澳門政府公報', /gazette/, 'bo.io.gov.mo gazette'],
  ['澳 門 政 府 公 報', /gazette/, 'bo.io.gov.mo gazette, set spaced'],
  // Reported in issue 11 from portal pages.
  ['Loading...', /did not load/, 'issue 11'],
  ['未能播放视频', /did not load/, 'issue 11'],
  ['A A A', /text-size/, 'issue 11'],
  ['跳過導航', /skip link/, 'issue 11'],
  ['- 23 -', /page number/, 'a PDF page footer'],
  ['热门站点| 世界资料网 | 专利资料网 | 世界资料网论坛', /site links/, 'law907.infoeach.com'],
  ['收藏本站| 设为首页| 首页', /buttons/, 'law907.infoeach.com'],
  ['下载地址: 点击此处下载', /download link/, 'law907.infoeach.com'],
];

for (const [line, rule, where] of SAMPLES) {
  test(`furniture: ${line} (${where})`, () => {
    assert.match(furnitureRule(line)?.name ?? 'no rule', rule);
  });
}

test('portal information blocks and bylines are fields, not text', () => {
  assert.deepEqual(portalFields('2019年03月13日 20:46 | 作者:朱宇軒 | 來源:新華社'), { 发布日期: '2019年03月13日 20:46', 作者: '朱宇軒', 来源: '新華社' });
  assert.deepEqual(portalFields('2015-03-31'), { 发布日期: '2015-03-31' });
  assert.deepEqual(portalFields('刊登日期:1982年01月09日'), { 刊登日期: '1982年01月09日' });
  // kjdn.kjj.jinhua.gov.cn
  assert.deepEqual(portalFields('发布机构:科技部门户网站 文号:国科发专〔2017〕145号'), { 发布机构: '科技部门户网站', 文号: '国科发专〔2017〕145号' });
  assert.deepEqual(portalFields('公开日期: 2018-03-05 有效性: 有效'), { 公开日期: '2018-03-05', 有效性: '有效' });
  assert.equal(fieldsText({ 作者: '法律资料网 时间:2024-07-22 04:02:42 浏览:9347', 来源: '法律资料网' }), '');
  assert.deepEqual(portalFields('關鍵詞:大灣 灣區 香港 發展 辦公室'), { 关键词: '大灣 灣區 香港 發展 辦公室' });
  assert.deepEqual(portalFields('香港時間16時00分'), { 发布时间: '香港時間16時00分' });
  assert.equal(portalFields('来源：新华社'), null, 'a source line alone is furniture, not a field block');
  assert.equal(portalFields('标题要简洁明了，突出主题。'), null);
});

test('no paragraph of the seeds or of the real samples is taken for furniture', () => {
  const files: [string, string][] = [
    ...['000_1e8b19f51fcacc9d.txt', '001_551b2c05a62b80d5.txt', '002_509c6d008cb003c1.txt', '003_23a1c87a91197581.txt', '004_02dc7fb0eb02e0f1.txt'].map((f): [string, string] => [SEEDS, f]),
    [FIXTURES, 'hk-national-security-law.excerpt.md'],
    [FIXTURES, 'macau-law-26-2024.zh-hant.txt'],
    [FIXTURES, 'hengqin-regulation.zh-hant.txt'],
    [FIXTURES, 'qianhai-regulation.zh-hant.txt'],
  ];
  // Lines the seeds print that are page furniture indeed: the newsletter's footer and its contents.
  const known = /^<?http|^返回|^[（(]?(?:文章|文件)?来源|^CONTENTS$/;
  for (const [dir, name] of files) {
    for (const b of readBlocks(readFileSync(join(dir, name), 'utf8'), name).blocks) {
      if (b.table || known.test(b.text)) continue;
      const rule = furnitureRule(b.text);
      assert.equal(rule, null, `${name}:${b.line} "${b.text}" taken for ${rule?.name ?? ''}`);
    }
  }
});
