import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IpcMainInvokeEvent } from 'electron';
import { channelOf, type ClausewayApi } from '../../shared/api.ts';
import { registerIpc, type IpcRegistrar } from '../../electron/main/ipc.ts';
import { dispatch } from '../../electron/core/api/dispatch.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const calls: unknown[][] = [];
const api: ClausewayApi = {
  status: () => Promise.resolve({ state: 'ready', done: 1, total: 1, message: null, documents: 1, revision: 1 }),
  listDocuments: () => Promise.resolve([]),
  getDocument: (id) => {
    calls.push(['getDocument', id]);
    return Promise.resolve(null);
  },
  getClause: () => Promise.resolve(null),
  search: (q, o) => {
    calls.push(['search', q, o]);
    return Promise.resolve({ query: q, terms: [], folded: [], hits: [], total: null, problems: [], ms: 0 });
  },
  setLanguage: () => Promise.resolve(),
};

function setup(): { handlers: Map<string, Handler>; ours: object } {
  const handlers = new Map<string, Handler>();
  const registrar: IpcRegistrar = { handle: (channel, listener) => handlers.set(channel, listener) };
  const ours = { id: 1 };
  registerIpc(registrar, api, () => [{ webContents: ours }]);
  return { handlers, ours };
}

const event = (sender: object, url: string, parent: object | null = null): IpcMainInvokeEvent => ({ sender, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

test('every method of the contract has a handler on its own channel, and nothing else', () => {
  const { handlers } = setup();
  assert.deepEqual([...handlers.keys()].sort(), ['clauseway:getClause', 'clauseway:getDocument', 'clauseway:listDocuments', 'clauseway:search', 'clauseway:setLanguage', 'clauseway:status']);
});

test('a call from the app frame of our window goes through with checked arguments', async () => {
  const { handlers, ours } = setup();
  calls.length = 0;
  await handlers.get(channelOf('getDocument'))?.(event(ours, 'app://clauseway/#/read'), '051baaa2cbd9');
  await handlers.get(channelOf('search'))?.(event(ours, 'app://clauseway/'), '绿色金融', { limit: 5 });
  assert.deepEqual(calls, [['getDocument', '051baaa2cbd9'], ['search', '绿色金融', { limit: 5 }]]);
});

test('a handler refuses a call from a foreign frame: another origin, a subframe, another window', async () => {
  const { handlers, ours } = setup();
  const h = handlers.get(channelOf('listDocuments'));
  assert.ok(h);
  await assert.rejects(h(event(ours, 'https://evil.example/')), /listDocuments: refused a call from https:\/\/evil.example\//);
  await assert.rejects(h(event(ours, 'file:///etc/passwd')), /refused/);
  await assert.rejects(h(event(ours, 'app://clauseway/', { url: 'app://clauseway/' })), /refused/);
  await assert.rejects(h(event({ id: 2 }, 'app://clauseway/')), /refused/);
  await assert.rejects(h({ sender: ours, senderFrame: null } as unknown as IpcMainInvokeEvent), /refused a call from an unknown frame/);
});

test('a handler refuses invalid arguments before the engine sees them', async () => {
  const { handlers, ours } = setup();
  calls.length = 0;
  const trusted = event(ours, 'app://clauseway/');
  await assert.rejects(handlers.get(channelOf('getDocument'))?.(trusted, '../../etc/passwd') ?? Promise.resolve(), /getDocument: invalid arguments \(0: a document id is 12 hexadecimal characters\)/);
  await assert.rejects(handlers.get(channelOf('getDocument'))?.(trusted) ?? Promise.resolve(), /getDocument: invalid arguments/);
  await assert.rejects(handlers.get(channelOf('search'))?.(trusted, 42) ?? Promise.resolve(), /search: invalid arguments/);
  await assert.rejects(handlers.get(channelOf('search'))?.(trusted, 'x', { limit: 1e9 }) ?? Promise.resolve(), /search: invalid arguments \(1.limit/);
  await assert.rejects(handlers.get(channelOf('search'))?.(trusted, 'x', { filters: { sql: '1=1' } }) ?? Promise.resolve(), /search: invalid arguments/);
  await assert.rejects(handlers.get(channelOf('setLanguage'))?.(trusted, 'fr') ?? Promise.resolve(), /setLanguage: invalid arguments/);
  assert.deepEqual(calls, []);
});

test('dispatch refuses methods outside the contract, including inherited ones', async () => {
  await assert.rejects(dispatch(api, 'constructor', []), /unknown method "constructor"/);
  await assert.rejects(dispatch(api, '__proto__', []), /unknown method/);
  await assert.rejects(dispatch(api, 42, []), /unknown method 42/);
});

test('only app://clauseway addresses are the app', async () => {
  const { isAppUrl } = await import('../../electron/main/ipc.ts');
  assert.equal(isAppUrl('app://clauseway/#/read'), true);
  for (const url of ['app://other/', 'https://clauseway/', 'file:///app/index.html', 'not a url', 'app://clauseway.evil/']) assert.equal(isAppUrl(url), false, url);
});
