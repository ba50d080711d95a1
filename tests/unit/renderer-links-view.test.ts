// The cross-links' view logic that needs no engine: the comparison's address, and the shared
// words of a link cutting a clause's text into pieces beside highlights and search marks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pieces, type HighlightSpan } from '../../renderer/annotations/pieces.ts';
import { formatRoute, parseRoute, type Route } from '../../renderer/app/route.ts';
import type { Run } from '../../renderer/reader/clause-layout.ts';

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
