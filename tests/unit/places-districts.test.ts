// The districts of the Greater Bay Area's cities (places.ts): full names and the short forms that
// are names only, each a district of its city in Guangdong (or of a SAR), named as the library's
// texts name it; and the names that look like a district but are not one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { jurisdictionsOf } from '../../electron/core/ingest/metadata.ts';
import { parseSource } from '../../electron/core/ingest/pipeline.ts';
import { mentionsIn } from '../../electron/core/ingest/places.ts';
import { Library } from '../../electron/core/store/library.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

const names = (issuer: string | null, title: string): string[] => jurisdictionsOf(issuer, title).map((j) => `${j.name}/${j.level}`);
const GZ = ['广州市/city', '广东省/province'];

test('a Zengcheng policy (增府辦規〔2020〕6號, Traditional) is Zengcheng’s, in Guangzhou and Guangdong', () => {
  const name = 'zengcheng-old-villages.zh-hant.txt';
  const d = parseSource(name, readFileSync(join(FIXTURES, name))).documents[0];
  assert.ok(d);
  assert.deepEqual(d.jurisdictions.map((j) => `${j.name}/${j.level}`), ['增城区/district', ...GZ]);
});

test('Nansha is 南沙区 under every name the texts give it: district, new area, free-trade area, short form', () => {
  for (const title of [
    '广州市南沙区人民政府关于印发南沙区促进产业发展若干措施的通知',
    '国务院关于印发广州南沙深化面向世界的粤港澳全面合作总体方案的通知',
    '广州南沙新区条例',
    '中国（广东）自由贸易试验区广州南沙新区片区条例',
    '支持南沙建设国际航运中心的若干措施',
  ]) {
    assert.deepEqual(names(null, title).slice(0, 3), ['南沙区/district', ...GZ], title);
  }
  // Seed 001's units: 越秀区、南沙区政府配合.
  assert.deepEqual(mentionsIn('越秀区、南沙区政府配合').map((m) => m.name), ['越秀区', '南沙区']);
  assert.deepEqual(mentionsIn('南沙群岛'), []);
});

test('the filter 南沙区 finds the State Council’s Nansha plan, and 广州市 finds it and Zengcheng’s', () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  try {
    const [nansha] = ingestFile(library, join(FIXTURES, 'nansha-plan.zh-hant.txt')).docIds;
    const [zengcheng] = ingestFile(library, join(FIXTURES, 'zengcheng-old-villages.zh-hant.txt')).docIds;
    const docsOf = (q: string): string[] => [...new Set(library.openSearcher().search(q, { limit: 500 }).hits.map((h) => h.docId))].sort();
    assert.deepEqual(docsOf('jurisdiction:南沙区'), [nansha]);
    // The name without its kind, as one says it.
    assert.deepEqual(docsOf('jurisdiction:南沙'), [nansha]);
    assert.deepEqual(docsOf('jurisdiction:增城'), [zengcheng]);
    assert.deepEqual(docsOf('jurisdiction:广州'), [nansha, zengcheng].sort());
    assert.deepEqual(docsOf('jurisdiction:增城区'), [zengcheng]);
    assert.deepEqual(docsOf('jurisdiction:广州市'), [nansha, zengcheng].sort());
  } finally {
    library.close();
    cleanup();
  }
});

test('every Greater Bay Area city’s districts by full name, with their city; short forms that are names', () => {
  const cases: [string, string, string][] = [
    ['越秀区', '越秀区', '广州市'], ['天河', '天河区', '广州市'], ['番禺区', '番禺区', '广州市'], ['从化区', '从化区', '广州市'],
    ['福田区', '福田区', '深圳市'], ['龙华区', '龙华区', '深圳市'], ['光明区', '光明区', '深圳市'], ['大鹏新区', '大鹏新区', '深圳市'],
    ['香洲区', '香洲区', '珠海市'], ['斗门', '斗门区', '珠海市'], ['顺德', '顺德区', '佛山市'], ['南海区', '南海区', '佛山市'],
    ['惠阳区', '惠阳区', '惠州市'], ['博罗县', '博罗县', '惠州市'], ['新会区', '新会区', '江门市'], ['台山市', '台山市', '江门市'],
    ['高要区', '高要区', '肇庆市'], ['四会市', '四会市', '肇庆市'], ['前海', '前海深港现代服务业合作区', '深圳市'], ['横琴', '横琴粤澳深度合作区', '珠海市'],
  ];
  for (const [printed, district, cityName] of cases) {
    const title = `${printed}关于加快产业发展的若干措施`;
    assert.deepEqual(names(null, title).slice(0, 3), [`${district}/district`, `${cityName}/city`, '广东省/province'], title);
  }
  assert.deepEqual(names(null, '油尖旺區議會工作報告'), ['油尖旺区/district', '香港特别行政区/sar']);
  assert.deepEqual(names(null, '香港東區區議會會議紀要'), ['东区/district', '香港特别行政区/sar']);
  assert.deepEqual(names(null, '澳門花地瑪堂區社區服務'), ['花地玛堂区/district', '澳门特别行政区/sar']);
});

test('what only looks like a district: a word, a region, another city’s district of the same name', () => {
  assert.deepEqual(mentionsIn('推动从化石能源向清洁能源转型，道路光明，高明之策，三水合一'), []);
  assert.deepEqual(mentionsIn('深化南海区域合作'), []);
  assert.deepEqual(names(null, '贵阳市白云区城市管理条例'), ['贵阳市/city']);
  assert.deepEqual(names(null, '海口市龙华区条例'), ['海口市/city']);
  assert.deepEqual(names(null, '武汉天河机场管理办法'), ['武汉市/city']);
  // 东区 and 北区 are Hong Kong's only right after its name: 河东区 is no Hong Kong district.
  assert.deepEqual(mentionsIn('天津市河东区、北区'), [{ name: '天津市', level: 'province', index: 0 }]);
});
