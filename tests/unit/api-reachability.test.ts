// Every method of the table is reachable over IPC (the real handler, a stand-in for ipcMain) and
// over HTTP (the real browser-mode server on loopback), behind the same checks: for each method a
// good call reaches the real engine and answers the same on both paths, a bad argument is refused
// with the same message on both, and the token, host and origin checks hold for every method, so
// that no method (a write among them) can be reached with weaker checks.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL } from '../../shared/api.ts';
import { API_METHODS, type ApiMethod, type ClausewayApi } from '../../shared/api-table.ts';
import { EngineApi } from '../../electron/core/api/engine-api.ts';
import { callMethod, ForwardingApi } from '../../electron/core/api/forward.ts';
import { startServer, type RunningServer } from '../../electron/core/server/http-server.ts';
import { clauseSnapshot, ManualLinks, openUserData, type AnnotationStore } from '../../electron/core/annotations/index.ts';
import { BriefStore } from '../../electron/core/annotations/brief-store.ts';
import { registerIpc } from '../../electron/main/ipc.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docByTitle, FIXTURES, seededLibrary } from '../helpers/library.ts';

/** The real engine over the seeds, recording every call that reaches it. */
class RecordingEngine extends ForwardingApi {
  readonly calls: [ApiMethod, unknown[]][] = [];
  private readonly engine: EngineApi;
  constructor(engine: EngineApi) {
    super();
    this.engine = engine;
  }
  protected override forward(method: ApiMethod, args: unknown[]): Promise<unknown> {
    this.calls.push([method, args]);
    return callMethod(this.engine, method, args);
  }
}

/** For each method of the table, a call that must reach the engine and one that must not. */
type Examples = { [M in ApiMethod]: { good: Parameters<ClausewayApi[M]>; bad: unknown[] } };

function examples(library: Library, store: AnnotationStore): Examples {
  const outline = docByTitle(library, '粤港澳大湾区发展规划纲要');
  const clause = library.documentView(outline.id)?.clauses.find((c) => c.text.length > 0);
  assert.ok(clause);
  const quote = clause.text.slice(0, 6);
  const target = { clauseId: clause.id, quote };
  const removable = docByTitle(library, '商务部等12部门关于推进商品交易市场发展平台经济的指导意见');
  const made = store.create({ kind: 'highlight', color: 'yellow', targets: [{ clause: clauseSnapshot(library, clause.id), quote }] });
  const zhuhai = docByTitle(library, '中国（珠海）跨境电子商务综合试验区实施方案');
  const other = library.documentView(zhuhai.id)?.clauses.find((c) => c.text.length > 0);
  assert.ok(other);
  const link = new ManualLinks(store).create(clauseSnapshot(library, other.id), clauseSnapshot(library, clause.id));
  return {
    listAnnotations: { good: [{ docId: outline.id, color: 'yellow' }], bad: [{ color: 'red' }] },
    countAnnotations: { good: [{ jurisdiction: '全国' }], bad: [{ status: 'lost' }] },
    createAnnotation: {
      good: [{ kind: 'highlight', color: 'green', targets: [target], note: null, tags: ['绿色金融'] }],
      bad: [{ kind: 'highlight', color: 'green', targets: [] }],
    },
    updateAnnotation: { good: [made.id, { tags: ['港澳'], color: 'blue' }], bad: [made.id, { colour: 'blue' }] },
    reattachAnnotation: { good: [made.id, [target]], bad: ['not-a-uuid', [target]] },
    deleteAnnotation: { good: [made.id], bad: [42] },
    restoreAnnotation: { good: [made.id], bad: [] },
    emptyTrash: { good: [], bad: [true] },
    status: { good: [], bad: ['now'] },
    listDocuments: { good: [], bad: [{ all: true }] },
    getDocument: { good: [outline.id], bad: ['../../etc/passwd'] },
    getClause: { good: [clause.id], bad: [outline.id] },
    search: {
      good: ['绿色金融', { limit: 3, filters: { kind: 'policy' } }],
      bad: ['绿色金融', { filters: { sql: '1=1' } }],
    },
    setLanguage: { good: ['en'], bad: ['fr'] },
    // ---- import (issue 15) ----
    // A file whose text the seeds hold already: the import (which runs on) says it is a duplicate.
    importPaths: { good: [[join(FIXTURES, '001-excerpt.utf8.txt')]], bad: [[]] },
    // An id nothing was uploaded under: the import refuses it, saying so.
    importUploads: { good: [['00000000-0000-4000-8000-000000000000']], bad: [['../x']] },
    chooseImportFiles: { good: ['files'], bad: ['disk'] },
    importProgress: { good: ['00000000-0000-4000-8000-000000000001'], bad: [42] },
    correctDocument: { good: [outline.id, { date: '2019-02-18', issuer: '中共中央、国务院' }], bad: [outline.id, { date: 20190218 }] },
    removeDocument: { good: [removable.id], bad: ['all'] },
    restoreDocument: { good: [removable.id], bad: [] },
    // ---- links (issue 13) ----
    clauseLinks: { good: [{ clauseId: clause.id, limit: 5 }], bad: [{ clauseId: outline.id }] },
    linkCounts: { good: [{ docId: outline.id }], bad: [{ docId: clause.id }] },
    reuseDiff: { good: [{ from: clause.id, to: other.id }], bad: [{ from: clause.id }] },
    compareDocuments: { good: [{ a: outline.id, b: zhuhai.id }], bad: [{ a: outline.id, b: 'zhuhai' }] },
    documentCitations: { good: [{ docId: zhuhai.id }], bad: [{ docId: '' }] },
    createLink: { good: [{ a: clause.id, b: other.id, why: '同一主题' }], bad: [{ a: clause.id, b: other.id, why: 'x'.repeat(2001) }] },
    deleteLink: { good: [{ id: link.id }], bad: [{ id: 'not-a-uuid' }] },
    // search-daily: responsible units as a view.
    listUnits: { good: [], bad: ['all'] },
    unitTasks: { good: ['市地方金融监管局'], bad: [''] },
    ...briefExamples(store, clause.id, quote),
  };
}

// ── briefs (issue 14) ── each good call answers the same when made again (the test makes it thrice).
type BriefMethod = Extract<ApiMethod, `${string}Brief${string}`>;
function briefExamples(store: AnnotationStore, clauseId: string, quote: string): Pick<Examples, BriefMethod> {
  const briefs = new BriefStore(store);
  const brief = briefs.create({ title: '大湾区金融合作对比', subtitle: '供会议参阅' });
  const section = brief.sections[0];
  assert.ok(section);
  const citation = { docId: clauseId.slice(0, 12), docTitle: '粤港澳大湾区发展规划纲要', issuer: '中共中央 国务院', date: '2019-02', docNumber: null, jurisdiction: '全国', level: 'national' as const, label: '', text: '粤港澳大湾区发展规划纲要' };
  const [itemId = '', goneId = ''] = briefs.add(brief.id, [
    { kind: 'excerpt', clauseId, annotationId: null, quote, wholeClause: false, color: 'yellow', note: null, citation },
    { kind: 'heading', text: '要点' },
  ]);
  briefs.removeItem(brief.id, goneId);
  const spare = briefs.addSection(brief.id, '待删');
  briefs.removeSection(brief.id, spare);
  const binned = briefs.create({ title: '草稿' });
  const nope = '00000000-0000-4000-8000-000000000000';
  return {
    listBriefs: { good: [{ trash: false }], bad: [{ deleted: true }] },
    getBrief: { good: [brief.id], bad: ['brief-1'] },
    createBrief: { good: [{ title: '珠海与东莞跨境电商', subtitle: null }], bad: [{ title: '   ' }] },
    updateBrief: { good: [brief.id, { subtitle: '呈：办公室' }], bad: [brief.id, { author: '我' }] },
    deleteBrief: { good: [binned.id], bad: [] },
    restoreBrief: { good: [binned.id], bad: [42] },
    emptyBriefTrash: { good: [], bad: [binned.id] },
    addToBrief: { good: [brief.id, [{ kind: 'annotations', query: { tag: '没有这个标签' } }]], bad: [brief.id, [{ kind: 'clause', clauseId: 'x' }]] },
    updateBriefItem: { good: [brief.id, itemId, { color: 'green' }], bad: [brief.id, itemId, { color: 'red' }] },
    moveBriefItem: { good: [brief.id, itemId, { sectionId: section.id, index: 0 }], bad: [brief.id, itemId, { index: -1 }] },
    removeBriefItem: { good: [brief.id, goneId], bad: [brief.id] },
    addBriefSection: { good: [binned.id, '一般情况'], bad: [brief.id, 7] },
    updateBriefSection: { good: [brief.id, section.id, '总体要求'], bad: [brief.id, nope, null] },
    moveBriefSection: { good: [brief.id, section.id, 0], bad: [brief.id, section.id, 'first'] },
    removeBriefSection: { good: [brief.id, spare], bad: [brief.id, 'all'] },
    groupBrief: { good: [brief.id, 'document'], bad: [brief.id, 'colour'] },
    previewBrief: { good: [brief.id], bad: [brief.id, 'print'] },
    exportBrief: { good: [{ id: brief.id, format: 'md' }], bad: [{ id: brief.id, format: 'odt' }] },
  };
}

let library: Library;
let store: AnnotationStore;
let dir: string;
let cleanup: () => void;
let engine: RecordingEngine;
let inner: EngineApi;
let server: RunningServer;
let ipc: (method: unknown, args: unknown, url?: string) => Promise<unknown>;
let cases: Examples;

const TOKEN = 'reachability-token-abcdefghijkl';
const ours = { id: 1 };

before(async () => {
  ({ library, dir, cleanup } = seededLibrary());
  ({ store } = openUserData(dir));
  inner = new EngineApi(library, library.openSearcher(), store);
  engine = new RecordingEngine(inner);
  cases = examples(library, store);
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) | undefined;
  const ipcMain = {
    handle: (channel: string, listener: NonNullable<typeof handler>) => {
      if (channel === API_CHANNEL) handler = listener;
    },
  };
  registerIpc(ipcMain, engine, () => [{ webContents: ours }]);
  ipc = (method, args, url = 'app://clauseway/') => {
    assert.ok(handler);
    return handler({ sender: ours, senderFrame: { url, parent: null } } as unknown as IpcMainInvokeEvent, method, args);
  };
  server = await startServer({ api: engine, rendererDir: FIXTURES, token: TOKEN });
});
after(async () => {
  await inner.importsIdle();
  await server.close();
  store.close();
  cleanup();
});

interface HttpAnswer {
  status: number;
  result?: unknown;
  error?: string;
}

function http(method: string, args: unknown, headers: Record<string, string> = {}, verb = 'POST'): Promise<HttpAnswer> {
  const all = { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: verb, headers: all }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: unknown; error?: string };
        resolve({ status: res.statusCode ?? 0, ...body });
      });
    });
    req.on('error', reject);
    req.end(verb === 'POST' ? JSON.stringify({ args }) : undefined);
  });
}

/**
 * An answer as JSON carries it, without what differs from one call to the next: search's `ms`,
 * the time stamps and new ids of annotations.
 */
const VOLATILE = new Set(['ms', 'created', 'updated', 'deleted']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const comparable = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null, (k, v: unknown) => (VOLATILE.has(k) ? undefined : typeof v === 'string' && UUID.test(v) ? 'uuid' : v)));

/** The message of a refused IPC call (Electron passes the message on to the renderer). */
async function ipcRefusal(method: unknown, args: unknown, url?: string): Promise<string> {
  try {
    await ipc(method, args, url);
  } catch (e) {
    assert.ok(e instanceof Error);
    return e.message;
  }
  assert.fail(`the IPC call to ${String(method)} went through`);
}

test('the examples cover every method of the table', () => {
  assert.deepEqual(Object.keys(cases).sort(), [...API_METHODS].sort());
  assert.ok(API_METHODS.length >= 6);
});

test('every method: a good call reaches the engine and answers the same over IPC and over HTTP', async () => {
  for (const method of API_METHODS) {
    const { good } = cases[method];
    const direct = comparable(await callMethod(engine, method, good));
    engine.calls.length = 0;
    const overIpc = await ipc(method, good);
    const overHttp = await http(method, good);
    assert.deepEqual(engine.calls, [[method, good], [method, good]], `${method} reached the engine on both paths`);
    assert.equal(overHttp.status, 200, `${method} over HTTP: ${overHttp.error ?? ''}`);
    assert.deepEqual(comparable(overIpc), direct, `${method} over IPC`);
    assert.deepEqual(comparable(overHttp.result), direct, `${method} over HTTP`);
  }
  // The good calls are real ones: the engine answered with the seeds' data.
  const doc = (await http('getDocument', cases.getDocument.good)).result as { summary: { title: string } } | null;
  assert.equal(doc?.summary.title, '粤港澳大湾区发展规划纲要');
  const found = (await http('search', cases.search.good)).result as { hits: unknown[] };
  assert.ok(found.hits.length > 0);
});

test('every method: a bad argument is refused with the same message on both paths, before the engine', async () => {
  engine.calls.length = 0;
  for (const method of API_METHODS) {
    const { bad } = cases[method];
    const overIpc = await ipcRefusal(method, bad);
    const overHttp = await http(method, bad);
    assert.equal(overHttp.status, 400, method);
    assert.match(overIpc, new RegExp(`^${method}: invalid arguments \\(.+\\)$`));
    assert.equal(overHttp.error, overIpc, `${method}: the same refusal on both paths`);
    // Arguments that are not a list at all are refused alike.
    assert.equal((await http(method, { 0: 'x' })).error, await ipcRefusal(method, { 0: 'x' }));
  }
  assert.deepEqual(engine.calls, []);
});

test('a method outside the table is refused with the same message on both paths', async () => {
  for (const name of ['nope', 'constructor', 'forward', 'toString']) {
    const overHttp = await http(name, []);
    assert.equal(overHttp.status, 400);
    assert.equal(overHttp.error, `unknown method "${name}"`);
    assert.equal(await ipcRefusal(name, []), overHttp.error);
  }
  assert.deepEqual(engine.calls, []);
});

test('every method: no token, a wrong token, another host or origin, or GET is refused, over HTTP as over IPC', async () => {
  engine.calls.length = 0;
  for (const method of API_METHODS) {
    const { good } = cases[method];
    assert.equal((await http(method, good, { Authorization: '' })).status, 401, method);
    assert.equal((await http(method, good, { Authorization: `Bearer ${TOKEN.slice(1)}x` })).status, 401, method);
    assert.equal((await http(method, good, { Host: `localhost.evil:${server.port}` })).status, 421, method);
    assert.equal((await http(method, good, { Origin: 'http://evil.example' })).status, 403, method);
    assert.equal((await http(method, good, {}, 'GET')).status, 405, method);
    const foreign = await ipcRefusal(method, good, 'https://evil.example/');
    assert.equal(foreign, `${method}: refused a call from https://evil.example/`);
  }
  assert.deepEqual(engine.calls, [], 'no refused call reached the engine');
});

test('a note over its limit is refused on both paths with the reason, and a body over the limit unread; nothing is stored', async () => {
  const before = await engine.countAnnotations();
  const { clauseId } = cases.createAnnotation.good[0].kind === 'highlight' ? (cases.createAnnotation.good[0].targets[0] ?? { clauseId: '' }) : { clauseId: '' };
  const para = (text: string): Record<string, unknown> => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const big = { kind: 'clause-note' as const, clauseId, note: para('注'.repeat(400_000)) };
  const overHttp = await http('createAnnotation', [big]);
  assert.equal(overHttp.status, 400);
  assert.match(overHttp.error ?? '', /the note is [\d.]+ MB; a note may hold up to 1.0 MB/);
  await assert.rejects(ipc('createAnnotation', [big]), /a note may hold up to 1.0 MB/);
  const huge = await http('createAnnotation', [{ ...big, note: para('注'.repeat(1_200_000)) }]);
  assert.equal(huge.status, 413);
  assert.equal(huge.error, 'request too large');
  assert.deepEqual(await engine.countAnnotations(), before);
});

test("the library's revision comes through both paths and moves when the documents change", async () => {
  const before = library.revision();
  const viaIpc = (await ipc('status', [])) as { revision: number; documents: number };
  const viaHttp = (await http('status', [])).result as { revision: number; documents: number };
  assert.equal(viaIpc.revision, before);
  assert.equal(viaHttp.revision, before);
  assert.ok(library.removeDocument(cases.getDocument.good[0]));
  const after = ((await http('status', [])).result as { revision: number; documents: number });
  assert.notEqual(after.revision, before);
  assert.equal(after.documents, viaHttp.documents - 1);
  assert.equal(((await ipc('status', [])) as { revision: number }).revision, after.revision);
});
