import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUnits } from '../../electron/core/ingest/units.ts';

test('units with lead, cooperate and support roles (附件2 task 47)', () => {
  const u = parseUnits('…优先给予支持。（市地方金融监管局、发展改革委牵头，市财政局、人力资源和社会保障局配合，人民银行广州分行、广东银保监局、广东证监局支持）');
  assert.ok(u);
  assert.deepEqual(u.units, [
    { name: '市地方金融监管局', role: 'lead' },
    { name: '市发展改革委', role: 'lead' },
    { name: '市财政局', role: 'cooperate' },
    { name: '市人力资源和社会保障局', role: 'cooperate' },
    { name: '人民银行广州分行', role: 'support' },
    { name: '广东银保监局', role: 'support' },
    { name: '广东证监局', role: 'support' },
  ]);
});

test('units without roles, half-width parentheses and a comma before district governments (Guangzhou measure 20)', () => {
  const u = parseUnits('提高保险服务便利化水平。(市商务局、市财政局、广州市税务局,各区政府)');
  assert.ok(u);
  assert.deepEqual(u.units.map((x) => x.name), ['市商务局', '市财政局', '广州市税务局', '各区政府']);
  assert.ok(u.units.every((x) => x.role === 'responsible'));
});

test('a trailing parenthesis that is not a list of units is not taken for one', () => {
  assert.equal(parseUnits('加强与《区域全面经济伙伴关系协定》(RCEP)'), null);
  assert.equal(parseUnits('提升人民币跨境支付系统(CIPS)'), null);
  assert.equal(parseUnits('没有括号的句子。'), null);
  assert.equal(parseUnits('（以下简称《规划纲要》）'), null);
});

test('bare places share the suffix of the name after them; 及 separates names too (粤府函〔2019〕31号)', () => {
  const u = parseUnits('…减少单证流转环节和时间。(省商务厅、交通运输厅，海关总署广东分署，广东、深圳海事局及各地级以上市人民政府负责)');
  assert.ok(u);
  assert.deepEqual(u.units.map((x) => x.name), ['省商务厅', '省交通运输厅', '海关总署广东分署', '广东海事局', '深圳海事局', '各地级以上市人民政府']);
  const v = parseUnits('（省自然资源厅，广州、深圳、珠海市人民政府负责）');
  assert.deepEqual(v?.units.map((x) => x.name), ['省自然资源厅', '广州市人民政府', '深圳市人民政府', '珠海市人民政府']);
});

test('units in Traditional are read alike and named as printed; Taiwan writes 支援 for 支持', () => {
  const m = parseUnits('加強金融監管協調。（市地方金融監管局、發展改革委牽頭，市財政局配合，人民銀行廣州分行、廣東證監局支援）');
  assert.deepEqual(m?.units, [
    { name: '市地方金融監管局', role: 'lead' },
    { name: '市發展改革委', role: 'lead' },
    { name: '市財政局', role: 'cooperate' },
    { name: '人民銀行廣州分行', role: 'support' },
    { name: '廣東證監局', role: 'support' },
  ]);
  assert.deepEqual(parseUnits('（廣州、深圳、珠海市人民政府負責）')?.units.map((u) => u.name), ['廣州市人民政府', '深圳市人民政府', '珠海市人民政府']);
});

test('a department named without its level shares the level of the name before it (粤府函〔2019〕31号)', () => {
  const u = parseUnits('…推进跨境贸易便利化。（省人力资源社会保障厅、住房城乡建设厅、商务厅负责）');
  assert.deepEqual(u?.units.map((x) => x.name), ['省人力资源社会保障厅', '省住房城乡建设厅', '省商务厅']);
  // A name that opens with a place, or a body with a level of its own, takes none.
  const v = parseUnits('（市商务局、广州海关、人民银行广州分行、各区政府配合）');
  assert.deepEqual(v?.units.map((x) => x.name), ['市商务局', '广州海关', '人民银行广州分行', '各区政府']);
});

test('district governments share the government of the last name (越秀区、南沙区政府)', () => {
  const u = parseUnits('（市商务局牵头，越秀区、南沙区政府配合）');
  assert.deepEqual(u?.units, [
    { name: '市商务局', role: 'lead' },
    { name: '越秀区政府', role: 'cooperate' },
    { name: '南沙区政府', role: 'cooperate' },
  ]);
  assert.deepEqual(parseUnits('（天河区、黄埔区人民政府负责）')?.units.map((x) => x.name), ['天河区人民政府', '黄埔区人民政府']);
});
