// The cross-links' view logic that needs no engine: the comparison's address, the shared words
// of a link cutting a clause's text into pieces beside highlights and search marks, and a reuse
// diff read as kept, changed, added and dropped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffChars } from 'diff';
import { pieces, type HighlightSpan } from '../../renderer/annotations/pieces.ts';
import { formatRoute, parseRoute, type Route } from '../../renderer/app/route.ts';
import type { Run } from '../../renderer/reader/clause-layout.ts';
import { diffStats, MIN_KEPT, segments } from '../../renderer/links/diff-parts.ts';

test('a comparison survives the address, with either side still to choose', () => {
  const routes: Route[] = [
    { view: 'compare', a: 'ac24e1e9f025', b: '1afdfd996207' },
    { view: 'compare', a: 'ac24e1e9f025', b: null },
    { view: 'compare', a: null, b: null },
  ];
  for (const r of routes) assert.deepEqual(parseRoute(formatRoute(r)), r);
  assert.equal(formatRoute(routes[0] as Route), '#/compare?a=ac24e1e9f025&b=1afdfd996207');
  assert.deepEqual(parseRoute('#/compare?a=../x&b=1afdfd996207'), { view: 'compare', a: null, b: '1afdfd996207' });
  assert.deepEqual(parseRoute('#/comparex'), { view: 'library' });
});

test('shared words cut a run like marks do, apart from them, and only inside the run', () => {
  const run: Run = { start: 10, end: 30 };
  const spans: HighlightSpan[] = [{ id: 'a', color: 'yellow', start: 12, end: 16, hasNote: false }];
  const cut = pieces(run, spans, [[0, 3]], [[14, 20], [25, 40], [50, 60]]);
  assert.deepEqual(
    cut.map((p) => [p.start, p.end, p.highlight?.id ?? null, p.marked, p.shared]),
    [
      [10, 12, null, true, false],
      [12, 13, 'a', true, false],
      [13, 14, 'a', false, false],
      [14, 16, 'a', false, true],
      [16, 20, null, false, true],
      [20, 25, null, false, false],
      [25, 30, null, false, true],
    ],
  );
  assert.ok(pieces(run, [], []).every((p) => !p.shared));
});

// Two sentences of the seeds on green bonds: Guangzhou's 2021 opinion (002) and its 2025 measures (001).
const EARLIER = '支持在穗企业注册发行绿色债务融资工具，鼓励在穗企业赴港澳发行绿色债券和在穗绿色企业赴境内外资本市场上市。';
const LATER = '支持在穗金融机构在港澳发行绿色债券,募集资金用于支持广州绿色企业和项目建设。';

test("a reuse diff's parts read as kept, changed, added and dropped, and give back both texts", () => {
  const parts = diffChars(EARLIER, LATER).map((c) => ({ op: c.added ? 'added' : c.removed ? 'dropped' : 'same', text: c.value }) as const);
  const segs = segments(parts);
  assert.equal(segs.map((s) => s.from).join(''), EARLIER);
  assert.equal(segs.map((s) => s.to).join(''), LATER);
  // Runs of edits are joined: no two edits stand side by side, and kept words stand between them,
  // never a character or two that the texts share by chance.
  for (let i = 1; i < segs.length; i++) assert.ok(segs[i]?.op === 'kept' || segs[i - 1]?.op === 'kept', `segment ${i} follows an edit`);
  for (let i = 1; i + 1 < segs.length; i++) if (segs[i]?.op === 'kept') assert.ok((segs[i]?.to.length ?? 0) >= MIN_KEPT, `kept run ${i} is words, not chance`);
  assert.ok(parts.some((p, i) => p.op === 'same' && p.text.length < MIN_KEPT && i > 0 && i + 1 < parts.length), 'the diff has short chance matches to absorb');
  assert.ok(segs.some((s) => s.op === 'changed'), 'a drop beside an addition is a change');
  assert.ok(segs.filter((s) => s.op === 'kept').some((s) => s.to.includes('发行绿色债')));
  const stats = diffStats(segs);
  assert.equal(stats.kept + stats.changed + stats.added, LATER.length);
  // An addition alone and a drop alone stay what they are.
  assert.deepEqual(segments([{ op: 'same', text: '支持在穗企业' }, { op: 'added', text: '广州' }, { op: 'same', text: '注册发行债务' }, { op: 'dropped', text: '绿色' }]).map((s) => s.op), ['kept', 'added', 'kept', 'dropped']);
  // Two characters in common between two edits are part of one change.
  assert.deepEqual(segments([{ op: 'dropped', text: '企业' }, { op: 'same', text: '建设' }, { op: 'added', text: '机构' }]), [{ op: 'changed', from: '企业建设', to: '建设机构' }]);
});
