// Document numbers of decrees and announcements (令第X号, 公告第X号, 公告2018年第7号, 第X号令), read
// from the lines under a title and from the header gov.cn prints above it, and found by search.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { cleanTitle, docNumberIn, issuerOfNumber } from '../../electron/core/ingest/metadata.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { Library } from '../../electron/core/store/library.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

const GOV_CN = 'safety-accident-regulation.gov-cn.html';

test('decree and announcement numbers as real texts print them', () => {
  const cases: [string, string][] = [
    // The history lines of the bench corpus (Chinese numerals, congress announcements, joint issuers).
    ['2002年8月29日 中华人民共和国主席令第七十三号公布', '中华人民共和国主席令第七十三号'],
    ['2010年7月30日 浙江省第十一届人民代表大会常务委员会公告第54号公布', '浙江省第十一届人民代表大会常务委员会公告第54号'],
    ['2003年8月18日 食品药品监管局、海关总署第4号令公布', '食品药品监管局、海关总署第4号令'],
    ['1988年9月23日 中华人民共和国国务院、中华人民共和国中央军事委员会第14号令发布', '中华人民共和国国务院、中华人民共和国中央军事委员会第14号令'],
    // gov.cn's header over two lines; a tax announcement with its year (35331.cn cites it).
    ['中华人民共和国国务院令\n第493号', '中华人民共和国国务院令第493号'],
    ['国家税务总局公告2018年第7号', '国家税务总局公告2018年第7号'],
    // The Zengcheng fixture and a Shenzhen rule (sf.sz.gov.cn) cite decrees of their cities.
    ['《廣州市城市更新辦法》(廣州市人民政府令第134號)', '廣州市人民政府令第134號'],
    ['(深圳市人民政府令第317号)', '深圳市人民政府令第317号'],
  ];
  for (const [line, number] of cases) assert.equal(docNumberIn(line), number, line);
  assert.equal(docNumberIn('最高人民法院公告'), null);
  assert.equal(docNumberIn('依照本条例第十五条的规定公告。'), null);
  assert.equal(issuerOfNumber('中华人民共和国国务院令第493号'), '中华人民共和国国务院');
  assert.equal(issuerOfNumber('国家税务总局公告2018年第7号'), '国家税务总局');
  assert.equal(issuerOfNumber('粤府函〔2019〕31号'), null);
  assert.deepEqual(cleanTitle('生产安全事故报告和调查处理条例（国务院令第493号）'), { title: '生产安全事故报告和调查处理条例', docNumber: '国务院令第493号' });
  assert.deepEqual(cleanTitle('关于做好某项工作的通知（试行）'), { title: '关于做好某项工作的通知（试行）', docNumber: null });
});

test('gov.cn’s page of 国务院令第493号: the decree header is its number and issuer, not its title', () => {
  const [d, ...more] = parseSource(GOV_CN, readFileSync(join(FIXTURES, GOV_CN))).documents;
  assert.equal(more.length, 0);
  assert.ok(d);
  assert.equal(d.title, '生产安全事故报告和调查处理条例');
  assert.equal(d.docNumber, '中华人民共和国国务院令第493号');
  assert.equal(d.issuer, '中华人民共和国国务院');
  assert.deepEqual(d.jurisdictions, [{ name: '全国', level: 'national' }]);
  assert.equal(d.effective, '2007-06-01');
});

test('search by a decree number finds its document, whether typed whole or short', () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  try {
    const [docId] = ingestFile(library, join(FIXTURES, GOV_CN)).docIds;
    ingestFile(library, join(FIXTURES, 'nansha-plan.zh-hant.txt'));
    const searcher = library.openSearcher();
    for (const q of ['国务院令第493号', '中华人民共和国国务院令第493号', '國務院令第493號']) {
      const hits = searcher.search(q, { limit: 10 }).hits;
      assert.equal(hits[0]?.docId, docId, q);
    }
  } finally {
    library.close();
    cleanup();
  }
});
