import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRoute, parseRoute, type Route } from '../../renderer/app/route.ts';

test('routes survive a round trip through the address', () => {
  const routes: Route[] = [
    { view: 'library' },
    { view: 'clause', clauseId: '051baaa2cbd9-80ebf642e5' },
    { view: 'read', panes: [{ docId: 'ac24e1e9f025', clauseId: null }, { docId: '1afdfd996207', clauseId: '1afdfd996207-0123456789' }], focus: 1 },
    { view: 'read', panes: [null, { docId: '1afdfd996207', clauseId: null }], focus: 0 },
  ];
  for (const r of routes) assert.deepEqual(parseRoute(formatRoute(r)), r);
  assert.equal(formatRoute(routes[2] as Route), '#/read?l=ac24e1e9f025&r=1afdfd996207~1afdfd996207-0123456789&f=1');
});

test('anything else in the address falls back to the library', () => {
  for (const h of ['', '#', '#/read', '#/read?l=../../etc', '#/c/not-an-id', '#/read?l=<script>']) assert.deepEqual(parseRoute(h), { view: 'library' });
  assert.deepEqual(parseRoute('#/read?l=ac24e1e9f025~bogus'), { view: 'read', panes: [{ docId: 'ac24e1e9f025', clauseId: null }, null], focus: 0 });
});

test('briefs: the list and one brief by its id; anything else there is the library', () => {
  const routes: Route[] = [{ view: 'briefs' }, { view: 'brief', briefId: '0f8e2c3a-9b1d-4c5e-8f70-1a2b3c4d5e6f' }];
  for (const r of routes) assert.deepEqual(parseRoute(formatRoute(r)), r);
  assert.equal(formatRoute({ view: 'briefs' }), '#/briefs');
  for (const h of ['#/briefs/', '#/briefs/../x', '#/briefs/0f8e2c3a']) assert.deepEqual(parseRoute(h), { view: 'library' });
});

// import (issue 15): the desktop menu's way to the import panel.
test('#/import is the import route, there and back', () => {
  assert.deepEqual(parseRoute('#/import'), { view: 'import' });
  assert.equal(formatRoute({ view: 'import' }), '#/import');
});

test('units: the list and one unit by its name as printed, percent-encoded in the address', () => {
  const routes: Route[] = [{ view: 'units', name: null }, { view: 'units', name: '市地方金融监管局' }, { view: 'units', name: '人民银行广州分行' }];
  for (const r of routes) assert.deepEqual(parseRoute(formatRoute(r)), r);
  assert.equal(formatRoute({ view: 'units', name: '市商务局' }), `#/units/${encodeURIComponent('市商务局')}`);
  assert.deepEqual(parseRoute('#/units/%E5%B8%82%E5%95%86%E5%8A%A1%E5%B1%80'), { view: 'units', name: '市商务局' });
  // A malformed escape or markup in the name: the list of units.
  for (const h of ['#/units/%E0%A4%A', '#/units/%3Cscript%3E', '#/units/']) assert.deepEqual(parseRoute(h), { view: 'units', name: null });
});
