// The query language of daily use: OR, leaving words out, the problems it names in the interface's
// language, the short and full names of abbreviations.ts, document numbers in any brackets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternativesOf } from '../../shared/abbreviations.ts';
import { docNumberForms, docNumberKey } from '../../shared/doc-number.ts';
import { MESSAGES, queryProblemText } from '../../shared/i18n.ts';
import { parseQuery } from '../../shared/query.ts';

test('OR joins the terms beside it into one group; -word and -"phrase" leave words out', () => {
  const q = parseQuery('绿色金融 OR 碳金融 香港 -保险 -"保险业"');
  assert.deepEqual(q.groups, [['绿色金融', '碳金融'], ['香港']]);
  assert.deepEqual(q.excluded, ['保险', '保险业']);
  assert.deepEqual(q.problems, []);
  // Traditional alternatives fold like any term.
  assert.deepEqual(parseQuery('綠色金融 OR 碳金融').groups, [['绿色金融', '碳金融']]);
});

test('an unbalanced quote, a stray OR and words only left out are problems, not silence', () => {
  const quote = parseQuery('"跨境 理财通');
  assert.deepEqual(quote.problems, [{ code: 'unbalanced-quote' }]);
  // The words are still searched.
  assert.deepEqual(quote.groups, [['跨境'], ['理财通']]);
  for (const q of ['OR 金融', '金融 OR', '金融 OR OR 保险', 'OR']) assert.deepEqual(parseQuery(q).problems, [{ code: 'stray-or' }], q);
  assert.deepEqual(parseQuery('金融 OR OR 保险').groups, [['金融'], ['保险']]);
  assert.deepEqual(parseQuery('-保险').problems, [{ code: 'only-excluded' }]);
  // With a filter, leaving words out is a complete question: the filter's clauses without them.
  assert.deepEqual(parseQuery('-保险 jurisdiction:珠海市').problems, []);
  // "or" in lower case and OR inside a word are words.
  assert.deepEqual(parseQuery('or ORACLE').groups, [['or'], ['oracle']]);
});

test('every problem has its words in both languages, with the value it is about', () => {
  const problems = [...parseQuery('x level:town kind:rumour year:soon OR').problems, { code: 'unbalanced-quote' as const }, { code: 'only-excluded' as const }];
  assert.equal(problems.length, 6);
  for (const p of problems) {
    const zh = queryProblemText(MESSAGES.zh, p);
    const en = queryProblemText(MESSAGES.en, p);
    assert.notEqual(zh, en);
    assert.match(zh, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(zh, /\{value\}/);
    if ('value' in p) assert.ok(zh.includes(p.value) && en.includes(p.value), p.code);
  }
  assert.equal(queryProblemText(MESSAGES.zh, { code: 'bad-level', value: 'town' }).includes('level:town'), true);
});

test('filters alone, and a responsible unit as a filter', () => {
  const q = parseQuery('unit:市地方金融监管局 level:city kind:policy');
  assert.deepEqual(q.groups, []);
  assert.deepEqual(q.filters, { unit: '市地方金融监管局', level: 'city', kind: 'policy' });
});

test('abbreviations: each form also searches the others, shown as expansions', () => {
  const q = parseQuery('跨境电商 自贸区');
  assert.deepEqual(q.groups, [['跨境电商', '跨境电子商务'], ['自贸区', '自由贸易试验区', '自贸试验区']]);
  assert.deepEqual(q.expansions, [{ term: '跨境电商', also: ['跨境电子商务'] }, { term: '自贸区', also: ['自由贸易试验区', '自贸试验区'] }]);
  assert.deepEqual(alternativesOf('跨境电子商务'), ['跨境电商']);
  assert.ok(alternativesOf('港澳').includes('香港、澳门'));
  // A form that holds the term finds nothing more: 大湾区 already finds every 粤港澳大湾区.
  assert.deepEqual(alternativesOf('大湾区'), []);
  assert.deepEqual(alternativesOf('粤港澳大湾区'), ['大湾区']);
  // Typed in Traditional, the term folds first.
  assert.deepEqual(parseQuery('跨境電商').expansions, [{ term: '跨境電商', also: ['跨境电子商务'] }]);
  assert.deepEqual(parseQuery('金融').expansions, []);
});

test('document numbers: one key for every bracket form, and a term searches them all', () => {
  const forms = ['粤府函〔2019〕31号', '粤府函[2019]31号', '粤府函［2019］31号', '粤府函(2019)31号', '粤府函（2019）31号', '粤府函﹝2019﹞31号', '粤府函【2019】31号', '粤府函 〔2019〕 31号'];
  for (const f of forms) assert.equal(docNumberKey(f), '粤府函〔2019〕31号', f);
  const searched = parseQuery('粤府函[2019]31号').groups[0] ?? [];
  for (const f of forms.slice(0, 7)) assert.ok(searched.map(docNumberKey).includes(docNumberKey(f)) && searched.some((s) => s === parseQuery(f).groups[0]?.[0]), f);
  assert.deepEqual(docNumberForms('粤府函'), []);
  assert.deepEqual(docNumberForms('2019年'), []);
});
