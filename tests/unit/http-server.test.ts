import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import type { ClausewayApi } from '../../shared/api.ts';
import { startServer, type RunningServer } from '../../electron/core/server/http-server.ts';
import { FIXTURES } from '../helpers/library.ts';

const api = {
  status: () => Promise.resolve({ state: 'ready', done: 1, total: 1, message: null, documents: 1, revision: 1 }),
  getDocument: () => Promise.resolve(null),
} as unknown as ClausewayApi;

let server: RunningServer;
before(async () => {
  // Any folder stands in for the built renderer: the fixtures hold an HTML file.
  server = await startServer({ api, rendererDir: FIXTURES, token: 'test-token-abcdefghijklmnopqrstu' });
});
after(() => server.close());

function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { Authorization: 'Bearer test-token-abcdefghijklmnopqrstu' };

test('the server listens on loopback only and prints an address with the token in the fragment', () => {
  const address = server.server.address();
  assert.ok(address && typeof address === 'object');
  assert.equal(address.address, '127.0.0.1');
  assert.equal(server.url, `http://127.0.0.1:${server.port}/#token=test-token-abcdefghijklmnopqrstu`);
});

test('API calls need the token, POST, our own host and origin, and valid arguments', async () => {
  assert.equal((await call('/api/status', { method: 'POST', headers: auth, body: '{"args":[]}' })).status, 200);
  assert.equal((await call('/api/status', { method: 'POST', body: '{"args":[]}' })).status, 401);
  assert.equal((await call('/api/status', { method: 'POST', headers: { Authorization: 'Bearer wrong' }, body: '{"args":[]}' })).status, 401);
  assert.equal((await call('/api/status', { headers: auth })).status, 405);
  assert.equal((await call('/api/status', { method: 'POST', headers: { ...auth, Host: 'evil.example' }, body: '{"args":[]}' })).status, 421);
  assert.equal((await call('/api/status', { method: 'POST', headers: { ...auth, Origin: 'http://evil.example' }, body: '{"args":[]}' })).status, 403);
  const bad = await call('/api/getDocument', { method: 'POST', headers: auth, body: '{"args":["../x"]}' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /getDocument: invalid arguments/);
  assert.equal((await call('/api/nope', { method: 'POST', headers: auth, body: '{"args":[]}' })).status, 400);
  assert.equal((await call('/api/status', { method: 'POST', headers: auth, body: 'not json' })).status, 400);
  assert.equal((await call('/api/status', { method: 'POST', headers: auth, body: 'x'.repeat(70000) })).status, 400);
});

test('static files come only from the renderer folder, with the strict CSP', async () => {
  const page = await call('/000-malformed.html');
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
  assert.equal((await call('/..%2f..%2fpackage.json')).status, 404);
  assert.equal((await call(`/${encodeURIComponent(join('..', 'unit', 'cli.test.ts'))}`)).status, 404);
});
