// Responsible units as a view: from any unit, every clause it leads, cooperates on or supports
// across the library, grouped by document; read through the engine as the renderer calls it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineApi } from '../../electron/core/api/engine-api.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docByTitle, engineOver, seededLibrary } from '../helpers/library.ts';

let library: Library;
let engine: EngineApi;
let done: () => void;
before(() => {
  const seeded = seededLibrary();
  library = seeded.library;
  const over = engineOver(library, seeded.dir);
  engine = over.engine;
  done = () => {
    over.close();
    seeded.cleanup();
  };
});
after(() => done());

test('市地方金融监管局 leads and cooperates on the tasks of 附件2, each with its path and all its units', async () => {
  const plan = docByTitle(library, '附件2 广州市关于推进共建粤港澳大湾区国际金融枢纽三年行动计划（2021-2023年）');
  const view = await engine.unitTasks('市地方金融监管局');
  assert.deepEqual(view.documents.map((d) => d.docId), [plan.id]);
  const tasks = view.documents[0]?.tasks ?? [];
  // The oracle: the plan's clauses whose units name it, in reading order.
  const expected = library.documentView(plan.id)?.clauses.filter((c) => c.units.some((u) => u.name === '市地方金融监管局')) ?? [];
  assert.ok(expected.length >= 40);
  assert.deepEqual(tasks.map((t) => t.clauseId), expected.map((c) => c.id));
  const roles = new Set(tasks.map((t) => t.role));
  assert.ok(roles.has('lead') && roles.has('cooperate'));
  // Task 47, the one the parser test pins: 牵头 with 市发展改革委, who keeps the 市 of the name before it.
  const t47 = tasks.find((t) => /47\.?$/.test(t.labelPath));
  assert.ok(t47, tasks.map((t) => t.labelPath).join(' '));
  assert.match(t47.labelPath, /^[一二三四五六]+47/);
  assert.deepEqual(t47.units.filter((u) => u.role === 'lead').map((u) => u.name), ['市地方金融监管局', '市发展改革委']);
});

test('every unit is listed with its tasks by role; a unit named nowhere has none', async () => {
  const units = await engine.listUnits();
  const finance = units.find((u) => u.name === '市地方金融监管局');
  assert.ok(finance);
  assert.equal(finance.documents, 1);
  assert.equal(finance.tasks, (await engine.unitTasks('市地方金融监管局')).documents[0]?.tasks.length);
  assert.ok((finance.roles.lead ?? 0) > 0 && (finance.roles.cooperate ?? 0) > 0);
  assert.ok(units.every((u, i) => i === 0 || (units[i - 1]?.tasks ?? 0) >= u.tasks));
  // Shared parts restored at import: 省住房城乡建设厅 is listed, not a bare 住房城乡建设厅.
  assert.ok(units.some((u) => u.name === '省住房城乡建设厅'));
  assert.ok(!units.some((u) => u.name === '住房城乡建设厅'));
  assert.deepEqual((await engine.unitTasks('不存在的单位')).documents, []);
});
