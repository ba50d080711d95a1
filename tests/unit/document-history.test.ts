// A law's history lines, the date it takes effect, and versions of one text kept apart and linked
// (issue 11): the 2021 and 2023 民事诉讼法 of the bench corpus, and the Qianhai regulation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingestFile } from '../../electron/core/ingest/ingest-files.ts';
import { effectiveFromClosing, historyOf } from '../../electron/core/ingest/history.ts';
import { rankVersions, versionKey } from '../../electron/core/model/versions.ts';
import { Library } from '../../electron/core/store/library.ts';
import type { DocumentView } from '../../shared/api.ts';
import { toTraditional } from '../helpers/traditional.ts';
import { cli, parsed } from '../helpers/cli.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

const V2021 = join(FIXTURES, 'versions', '民事诉讼法(2021-12-24).md');
const V2023 = join(FIXTURES, 'versions', '民事诉讼法(2023-09-01).md');

test('two versions of one law are two documents, linked newest first, the newest in effect marked current', () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  try {
    const older = ingestFile(library, V2021);
    const newer = ingestFile(library, V2023);
    assert.equal(older.status, 'added');
    assert.equal(newer.status, 'added', newer.warnings.join('; '));
    assert.equal(library.documentCount(), 2);
    const [oldId = '', newId = ''] = [older.docIds[0], newer.docIds[0]];
    const view = library.documentView(newId) as DocumentView;
    assert.deepEqual(view.versions.map((v) => [v.id, v.date, v.status]), [[newId, '2023-09-01', 'current'], [oldId, '2021-12-24', 'superseded']]);
    // Each version's reader shows the same list.
    assert.deepEqual(library.documentView(oldId)?.versions, view.versions);
    // Its history: adopted by the congress in 1991, amended five times by its standing committee.
    assert.deepEqual(view.history.map((e) => [e.kind, e.date]), [
      ['adopted', '1991-04-09'], ['amended', '2007-10-28'], ['amended', '2012-08-31'], ['amended', '2017-06-27'], ['amended', '2021-12-24'], ['amended', '2023-09-01'],
    ]);
    assert.equal(view.history[0]?.body, '全国人民代表大会');
    assert.equal(view.history[5]?.body, '全国人民代表大会常务委员会');
    assert.equal(view.summary.issuer, '全国人民代表大会');
    assert.equal(view.summary.date, '2023-09-01');
    // 本法自公布之日起施行: in effect since the law was first made public.
    assert.equal(view.summary.effective, '1991-04-09');
  } finally {
    library.close();
    cleanup();
  }
});

test('a document with no other version lists none; the Qianhai regulation takes effect on the date its notice prints', () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(dir);
  try {
    const id = ingestFile(library, join(FIXTURES, 'qianhai-regulation.zh-hans.txt')).docIds[0] ?? '';
    const view = library.documentView(id) as DocumentView;
    assert.deepEqual(view.versions, []);
    assert.equal(view.summary.effective, '2020-10-01');
    assert.ok(view.history.some((e) => e.kind === 'revised' && e.date === '2020-08-26'), JSON.stringify(view.history));
  } finally {
    library.close();
    cleanup();
  }
});

test('versions share a key whatever the script and the version note of the title', () => {
  const key = versionKey('中华人民共和国民事诉讼法');
  for (const t of ['中华人民共和国民事诉讼法（2023年修正）', '中华人民共和国 民事诉讼法', toTraditional('中华人民共和国民事诉讼法'), '中华人民共和国民事诉讼法(2021-12-24)', '中华人民共和国民事诉讼法〔2021年修订本〕']) assert.equal(versionKey(t), key, t);
  assert.notEqual(versionKey('中华人民共和国民事诉讼法实施条例'), key);
  assert.equal(versionKey('广东省数据条例（试行）'), versionKey('广东省数据条例'));
  // Two plans of two periods are two texts, not versions of one.
  assert.notEqual(versionKey('广州市绿色金融发展规划（2021—2025年）'), versionKey('广州市绿色金融发展规划（2026—2030年）'));
});

test('where each version stands: upcoming before its date, expired past its validity, older ones superseded', () => {
  const v = (id: string, date: string, effective: string | null = null, validUntil: string | null = null) => ({ id, title: 't', date, effective, validUntil });
  const today = '2026-12-02';
  assert.deepEqual(rankVersions([v('a', '2019-01-01'), v('c', '2027-01-01'), v('b', '2024-05-01')], today).map((x) => [x.id, x.status]), [['c', 'upcoming'], ['b', 'current'], ['a', 'superseded']]);
  // Adopted in 2026, in effect from 2027: not in effect yet, and the one before still is.
  assert.deepEqual(rankVersions([v('a', '2019-01-01'), v('b', '2026-10-01', '2027-03-01')], today).map((x) => x.status), ['upcoming', 'current']);
  assert.deepEqual(rankVersions([v('a', '2019-01-01'), v('b', '2021-01-01', null, '2025-12-31')], today).map((x) => x.status), ['expired', 'superseded']);
});

test('the closing article says when a text takes effect', () => {
  assert.equal(effectiveFromClosing(['第三十条 本条例自2023年3月1日起施行。'], null), '2023-03-01');
  assert.equal(effectiveFromClosing(['第三十條 本條例自二〇二三年三月一日起施行。'], null), '2023-03-01');
  assert.equal(effectiveFromClosing(['本方案自印发之日起实施，有效期5年。'], '2021-06-30'), '2021-06-30');
  assert.equal(effectiveFromClosing(['本办法自发布之日起施行。'], '2021-06'), null);
  assert.equal(effectiveFromClosing(['第五条 各区自2023年起施行新的考核办法。', '第六条 附则'], null), null);
});

test('a comma between two acts keeps both: the judicial interpretations amended in 2020', () => {
  // bench corpus, 司法解释/最高人民法院关于审理生态环境损害赔偿案件的若干规定（试行）(2020-12-29).md
  const sc = historyOf(['（2019年5月20日最高人民法院审判委员会第1769次会议通过，根据2020年12月23日最高人民法院审判委员会第1823次会议通过的《最高人民法院关于修改〈最高人民法院关于在民事审判工作中适用《中华人民共和国工会法》若干问题的解释〉等二十七件民事类司法解释的决定》修正）']);
  assert.deepEqual(sc.events.map((e) => [e.kind, e.date, e.body]), [['adopted', '2019-05-20', '最高人民法院'], ['amended', '2020-12-23', '最高人民法院']]);
  assert.equal(sc.issuer, '最高人民法院');
  assert.equal(sc.date, '2020-12-23');
  // A sentence with commas is still no history line.
  assert.deepEqual(historyOf(['2019年5月20日起，各区应当按照本规定，根据实际情况制定实施方案。']).events, []);
});

test('the command line shows a document with its history and versions', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const added = parsed<{ docIds: string[] }[]>(await cli('ingest', V2021, V2023, '--data', dir, '--json'));
    const id = added[1]?.docIds[0] ?? '';
    const doc = parsed<{ title: string; effective: string; history: unknown[]; versions: { status: string }[] }>(await cli('doc', id, '--data', dir, '--json'));
    assert.equal(doc.title, '中华人民共和国民事诉讼法');
    assert.equal(doc.history.length, 6);
    assert.deepEqual(doc.versions.map((v) => v.status), ['current', 'superseded']);
    const text = await cli('doc', id, '--data', dir);
    assert.match(text.out, /现行有效/);
    assert.match(text.out, /2021-12-24 全国人民代表大会常务委员会修正/);
  } finally {
    cleanup();
  }
});
