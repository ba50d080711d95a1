import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL } from '../../shared/api.ts';
import type { ApiMethod } from '../../shared/api-table.ts';
import { registerIpc, type IpcRegistrar } from '../../electron/main/ipc.ts';
import { dispatch } from '../../electron/core/api/dispatch.ts';
import { ForwardingApi } from '../../electron/core/api/forward.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** An engine that records what reaches it. */
class Recorder extends ForwardingApi {
  readonly calls: [ApiMethod, unknown[]][] = [];
  protected override forward(method: ApiMethod, args: unknown[]): Promise<unknown> {
    this.calls.push([method, args]);
    return Promise.resolve(null);
  }
}

function setup(): { handlers: Map<string, Handler>; ours: object; engine: Recorder; handler: Handler } {
  const handlers = new Map<string, Handler>();
  const registrar: IpcRegistrar = { handle: (channel, listener) => handlers.set(channel, listener) };
  const ours = { id: 1 };
  const engine = new Recorder();
  registerIpc(registrar, engine, () => [{ webContents: ours }]);
  const handler = handlers.get(API_CHANNEL);
  assert.ok(handler);
  return { handlers, ours, engine, handler };
}

const event = (sender: object, url: string, parent: object | null = null): IpcMainInvokeEvent => ({ sender, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

test('the contract has one IPC channel, and nothing else is registered', () => {
  assert.deepEqual([...setup().handlers.keys()], ['clauseway:call']);
});

test('a call from the app frame of our window goes through with checked arguments', async () => {
  const { handler, ours, engine } = setup();
  await handler(event(ours, 'app://clauseway/#/read'), 'getDocument', ['051baaa2cbd9']);
  await handler(event(ours, 'app://clauseway/'), 'search', ['绿色金融', { limit: 5 }]);
  assert.deepEqual(engine.calls, [['getDocument', ['051baaa2cbd9']], ['search', ['绿色金融', { limit: 5 }]]]);
});

test('the handler refuses a call from a foreign frame: another origin, a subframe, another window', async () => {
  const { handler, ours, engine } = setup();
  const h = (e: IpcMainInvokeEvent): Promise<unknown> => handler(e, 'listDocuments', []);
  await assert.rejects(h(event(ours, 'https://evil.example/')), /^ApiError: listDocuments: refused a call from https:\/\/evil.example\/$/);
  await assert.rejects(h(event(ours, 'file:///etc/passwd')), /refused/);
  await assert.rejects(h(event(ours, 'app://clauseway/', { url: 'app://clauseway/' })), /refused/);
  await assert.rejects(h(event({ id: 2 }, 'app://clauseway/')), /refused/);
  await assert.rejects(h({ sender: ours, senderFrame: null } as unknown as IpcMainInvokeEvent), /refused a call from an unknown frame/);
  await assert.rejects(handler(event(ours, 'https://evil.example/'), 'nope', []), /^ApiError: refused a call from https:\/\/evil.example\/$/);
  assert.deepEqual(engine.calls, []);
});

test('the handler refuses invalid arguments before the engine sees them', async () => {
  const { handler, ours, engine } = setup();
  const call = (method: string, args?: unknown): Promise<unknown> => handler(event(ours, 'app://clauseway/'), method, args);
  await assert.rejects(call('getDocument', ['../../etc/passwd']), /getDocument: invalid arguments \(0: a document id is 12 hexadecimal characters\)/);
  await assert.rejects(call('getDocument', []), /getDocument: invalid arguments/);
  await assert.rejects(call('getDocument'), /getDocument: invalid arguments \(arguments: /);
  await assert.rejects(call('search', [42]), /search: invalid arguments/);
  await assert.rejects(call('search', ['x', { limit: 1e9 }]), /search: invalid arguments \(1.limit/);
  await assert.rejects(call('search', ['x', { filters: { sql: '1=1' } }]), /search: invalid arguments/);
  await assert.rejects(call('setLanguage', ['fr']), /setLanguage: invalid arguments/);
  assert.deepEqual(engine.calls, []);
});

test('dispatch refuses methods outside the table, including what every object inherits', async () => {
  const engine = new Recorder();
  await assert.rejects(dispatch(engine, 'constructor', []), /unknown method "constructor"/);
  await assert.rejects(dispatch(engine, 'forward', []), /unknown method "forward"/);
  await assert.rejects(dispatch(engine, 'toString', []), /unknown method "toString"/);
  await assert.rejects(dispatch(engine, '__proto__', []), /unknown method/);
  await assert.rejects(dispatch(engine, 42, []), /unknown method 42/);
  assert.deepEqual(engine.calls, []);
});

test('only app://clauseway addresses are the app', async () => {
  const { isAppUrl } = await import('../../electron/main/ipc.ts');
  assert.equal(isAppUrl('app://clauseway/#/read'), true);
  for (const url of ['app://other/', 'https://clauseway/', 'file:///app/index.html', 'not a url', 'app://clauseway.evil/']) assert.equal(isAppUrl(url), false, url);
});
