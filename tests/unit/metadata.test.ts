import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, docNumberIn, isoDate, issuerFromTitle, jurisdictionsOf, kindOf } from '../../electron/core/ingest/metadata.ts';
import { validityOf } from '../../electron/core/ingest/validity.ts';
import { historyOf } from '../../electron/core/ingest/history.ts';
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

// History lines as the bench-corpus laws print them under their titles.

test('history lines: the first body to act is the issuer, the latest act dates this version', () => {
  const h = historyOf([
    '1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过',
    '2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正',
    '2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议《关于修改<中华人民共和国法官法>等八部法律的决定》第二次修正',
  ]);
  assert.equal(h.issuer, '全国人民代表大会常务委员会');
  assert.equal(h.date, '2017-09-01');
  assert.deepEqual(h.events.map((e) => e.kind), ['adopted', 'amended', 'amended']);
  // A city's regulation: revised by the city, then approved by the province.
  const qingdao = historyOf(['2020年6月10日 青岛市第十六届人民代表大会常务委员会第二十四次会议修订', '2020年7月24日 山东省第十三届人民代表大会常务委员会第二十二次会议通过']);
  assert.equal(qingdao.issuer, '青岛市人民代表大会常务委员会');
  assert.equal(qingdao.date, '2020-07-24');
  const joint = historyOf(['2007年4月4日 最高人民法院审判委员会第1422次会议、最高人民检察院第十届检察委员会第75次会议通过']);
  assert.equal(joint.issuer, '最高人民法院、最高人民检察院');
  const decree = historyOf(['2008年1月31日 中华人民共和国国务院令第517号公布', '2021年3月1日 施行']);
  assert.deepEqual([decree.issuer, decree.date, decree.effective], ['中华人民共和国国务院', '2008-01-31', '2021-03-01']);
  // Traditional, in parentheses, as the Hengqin regulation prints it; names stay as printed.
  const hengqin = historyOf(['(2023年1月9日廣東省第十三屆人民代表大會常務委員會第四十八次會議通過)']);
  assert.deepEqual([hengqin.issuer, hengqin.date], ['廣東省人民代表大會常務委員會', '2023-01-09']);
  // A promulgation notice, and the enacting formula of a Macau law.
  const notice = historyOf(['《深圳经济特区前海深港现代服务业合作区条例》经深圳市第六届人民代表大会常务委员会第四十四次会议于2020年8月26日修订通过,现予公布,自2020年10月1日起施行。']);
  assert.deepEqual([notice.issuer, notice.date, notice.effective, notice.events[0]?.kind], ['深圳市人民代表大会常务委员会', '2020-08-26', '2020-10-01', 'revised']);
  assert.equal(historyOf(['立法會根據《澳門特別行政區基本法》第七十一條(一)項,制定本法律。']).issuer, '立法會');
  // A sentence of a text is no history line.
  assert.equal(historyOf(['2019年1月，我国国际收支口径的国际货物和服务贸易收入15960亿元，支出14127亿元。']).issuer, null);
});

test('document numbers in every bracket and the Macau and decree forms; Traditional titles end alike', () => {
  assert.equal(docNumberIn('粤府函﹝2019﹞31号'), '粤府函〔2019〕31号');
  assert.equal(docNumberIn('穗府辦〔2015〕14號'), '穗府辦〔2015〕14號');
  assert.equal(docNumberIn('第 19/2024 號法律'), '第19/2024號法律');
  assert.equal(docNumberIn('2008年1月31日 中华人民共和国国务院令第517号公布'), '中华人民共和国国务院令第517号');
  assert.equal(cleanTitle('第26/2024號法律《一九七六年至一九九三年公佈的若干法律及法令的適應化及整合》').docNumber, '第26/2024號法律');
  assert.equal(issuerFromTitle('廣州市人民政府辦公廳關于印發廣州市石油天然氣管道保護突發事件應急預案的通知'), '廣州市人民政府辦公廳');
  assert.equal(issuerFromTitle('国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法'), null);
  assert.equal(kindOf('橫琴粵澳深度合作區發展促進條例', false, 0), 'policy');
  assert.equal(kindOf('廣東省人民政府關於印發…的通知', false, 0), 'notice');
  assert.equal(isoDate('二○一九年二月十六日'), '2019-02-16');
  assert.equal(isoDate('2019年13月1日'), null);
});

test('places are words: the longest name wins, SARs and zones at their levels, an issuer names its own place', () => {
  assert.deepEqual(jurisdictionsOf(null, '上海口岸服务条例'), [{ name: '上海市', level: 'province' }]);
  // Rivers and streets name no place: 黄浦江 and 苏州河 are Shanghai's, 中山路 is a street.
  assert.deepEqual(jurisdictionsOf(null, '上海市黄浦江苏州河滨水公共空间条例'), [{ name: '上海市', level: 'province' }]);
  assert.deepEqual(jurisdictionsOf(null, '青海湖流域生态环境保护条例'), [{ name: '全国', level: 'national' }]);
  assert.deepEqual(jurisdictionsOf(null, '广东河源市条例').map((j) => j.name), ['河源市']);
  assert.deepEqual(jurisdictionsOf(null, '广州-梅州签署金融合作协议').map((j) => j.name), ['广州市', '梅州市']);
  assert.deepEqual(jurisdictionsOf(null, '孙中山故居保护条例'), [{ name: '全国', level: 'national' }]);
  assert.deepEqual(jurisdictionsOf('澳門特別行政區立法會', '第26/2024號法律'), [{ name: '澳门特别行政区', level: 'sar' }]);
  assert.deepEqual(jurisdictionsOf('香港特區政府', '施政報告'), [{ name: '香港特别行政区', level: 'sar' }]);
  assert.deepEqual(jurisdictionsOf('开封市人民代表大会常务委员会', '开封古城保护条例'), [{ name: '开封市', level: 'city' }]);
  assert.deepEqual(jurisdictionsOf('国务院', '国务院关于印发广州南沙深化面向世界的粤港澳全面合作总体方案的通知').map((j) => j.name), ['南沙区', '广州市', '广东省', '全国']);
  assert.deepEqual(jurisdictionsOf('国务院', '中国公民往来台湾地区管理办法'), [{ name: '全国', level: 'national' }, { name: '台湾省', level: 'province' }]);
  // A Macau law names no place in its title; its body keeps naming Macau.
  assert.deepEqual(jurisdictionsOf(null, '第3/1999號法律', '《公報》…澳門特別行政區…澳門特別行政區區徽…澳門特別行政區法律體系'), [{ name: '澳门特别行政区', level: 'sar' }]);
  // A mainland text's body names partners and streets: they do not make it theirs.
  assert.deepEqual(jurisdictionsOf(null, '关于加强合作的意见', '与香港企业合作，推进香港、澳门青年来穗就业，在广州、深圳、中山路设点'), [{ name: '全国', level: 'national' }]);
});
