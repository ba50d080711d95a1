import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LibraryStatus } from '../../shared/api.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import type { ApiMethod } from '../../shared/api-table.ts';
import { ForwardingApi } from '../../electron/core/api/forward.ts';
import { startServer, type RunningServer } from '../../electron/core/server/http-server.ts';
import { StaticFiles } from '../../electron/core/server/static-files.ts';

const READY: LibraryStatus = { state: 'ready', done: 1, total: 1, message: null, documents: 1, revision: 7, notices: [] };

class Engine extends ForwardingApi {
  protected override forward(method: ApiMethod): Promise<unknown> {
    return Promise.resolve(method === 'status' ? READY : null);
  }
}

// A renderer folder beside a secret: a page, a script, a chunk folder, a hidden file, a symlink
// inside the folder, and symlinks (a file, a folder) that lead out of it.
const base = mkdtempSync(join(tmpdir(), 'clauseway-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'chunks'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>条文通</title>');
writeFileSync(join(root, 'app.js'), 'console.log("app");');
writeFileSync(join(root, 'app.js.map'), '{"version":3}');
writeFileSync(join(root, 'chunks', 'c.js'), 'export const c = 1;');
writeFileSync(join(root, '.hidden'), 'hidden');
writeFileSync(join(base, 'secret.txt'), 'secret');
symlinkSync(join(root, 'app.js'), join(root, 'inside-link.js'));
symlinkSync(join(base, 'secret.txt'), join(root, 'escape.txt'));
symlinkSync(base, join(root, 'escape-dir'));
// The root itself may be reached through a symlink (as the temp folder is on macOS).
symlinkSync(root, join(base, 'root-link'));

let server: RunningServer;
before(async () => {
  server = await startServer({ api: new Engine(), rendererDir: join(base, 'root-link'), token: 'test-token-abcdefghijklmnopqrstu' });
});
after(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${server.port}`, ...options.headers };
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The same request through the app:// protocol's handler (electron/main/protocol.ts). */
async function viaProtocol(path: string, method = 'GET', host = 'clauseway'): Promise<Answer> {
  const res = await new StaticFiles(join(base, 'root-link')).respond(new Request(`app://${host}${path}`, { method }), 'clauseway');
  return { status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers) };
}

const auth = { Authorization: 'Bearer test-token-abcdefghijklmnopqrstu' };

test('the server listens on loopback only and prints an address with the key in its query', () => {
  const address = server.server.address();
  assert.ok(address && typeof address === 'object');
  assert.equal(address.address, '127.0.0.1');
  assert.equal(server.url, `http://127.0.0.1:${server.port}/?token=test-token-abcdefghijklmnopqrstu`);
});

/** The session cookie the printed address gives, as `name=value`. */
async function sessionCookie(): Promise<string> {
  const first = await call(new URL(server.url).pathname + new URL(server.url).search);
  return String(first.headers['set-cookie']).split(';')[0] ?? '';
}

test('the key in the address becomes an HttpOnly, SameSite=Strict cookie of this port, and leaves the address', async () => {
  const first = await call('/?token=test-token-abcdefghijklmnopqrstu');
  assert.equal(first.status, 303);
  assert.equal(first.headers['location'], '/');
  const cookie = String(first.headers['set-cookie']);
  assert.match(cookie, new RegExp(`^clauseway-${server.port}=[A-Za-z0-9_-]{32}; Path=/; HttpOnly; SameSite=Strict$`));
  assert.doesNotMatch(cookie, /test-token/, 'the browser never stores the key itself');
  // Other parameters stay; a wrong key leaves the address too, and gives no cookie.
  assert.equal((await call('/index.html?token=test-token-abcdefghijklmnopqrstu&x=1')).headers['location'], '/index.html?x=1');
  const wrong = await call('/?token=wrong');
  assert.deepEqual([wrong.status, wrong.headers['location'], wrong.headers['set-cookie']], [303, '/', undefined]);
});

test('the cookie lets in calls from our own origin only; without it, from another origin or Host, refused', async () => {
  const cookie = await sessionCookie();
  const origin = `http://127.0.0.1:${server.port}`;
  const status = (headers: Record<string, string>): Promise<number> => call('/api/status', { method: 'POST', headers, body: '{"args":[]}' }).then((r) => r.status);
  assert.equal(await status({ Cookie: cookie, Origin: origin }), 200);
  assert.equal(await status({ Cookie: `other=1; ${cookie}`, Origin: origin, 'Sec-Fetch-Site': 'same-origin' }), 200);
  assert.equal(await status({ Cookie: cookie, Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` }), 200);
  assert.equal(await status({ Origin: origin }), 401);
  assert.equal(await status({ Cookie: cookie.replace(/=.*/, '=forged'), Origin: origin }), 401);
  assert.equal(await status({ Cookie: cookie.replace(/^clauseway-\d+/, 'clauseway-1'), Origin: origin }), 401);
  // The cookie reaches every port of this host: a page on another port is refused by its origin.
  assert.equal(await status({ Cookie: cookie }), 403);
  assert.equal(await status({ Cookie: cookie, Origin: 'http://127.0.0.1:1' }), 403);
  assert.equal(await status({ Cookie: cookie, Origin: origin, 'Sec-Fetch-Site': 'same-site' }), 403);
  assert.equal(await status({ Cookie: cookie, Origin: origin, Host: 'evil.example' }), 421);
});

test('API calls need the token, POST, our own host and origin, and a JSON body of a bounded size', async () => {
  const ok = await call('/api/status', { method: 'POST', headers: auth, body: '{"args":[]}' });
  assert.equal(ok.status, 200);
  assert.deepEqual(JSON.parse(ok.body), { result: READY });
  assert.equal(ok.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  assert.equal((await call('/api/status', { method: 'POST', body: '{"args":[]}' })).status, 401);
  assert.equal((await call('/api/status', { method: 'POST', headers: { Authorization: 'Bearer wrong' }, body: '{"args":[]}' })).status, 401);
  assert.equal((await call('/api/status', { headers: auth })).status, 405);
  assert.equal((await call('/api/status', { method: 'POST', headers: { ...auth, Host: 'evil.example' }, body: '{"args":[]}' })).status, 421);
  assert.equal((await call('/api/status', { method: 'POST', headers: { ...auth, Origin: 'http://evil.example' }, body: '{"args":[]}' })).status, 403);
  // An origin is a scheme, a host and a port: the host alone, or another scheme, is not ours.
  for (const origin of [`127.0.0.1:${server.port}`, `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port}/`, 'null']) {
    assert.equal((await call('/api/status', { method: 'POST', headers: { ...auth, Origin: origin }, body: '{"args":[]}' })).status, 403, origin);
  }
  const bad = await call('/api/getDocument', { method: 'POST', headers: auth, body: '{"args":["../x"]}' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /getDocument: invalid arguments/);
  assert.equal((await call('/api/nope', { method: 'POST', headers: auth, body: '{"args":[]}' })).status, 400);
  const malformed = await call('/api/%E0%A4%A', { method: 'POST', headers: auth, body: '{"args":[]}' });
  assert.deepEqual([malformed.status, JSON.parse(malformed.body)], [400, { error: 'unknown method "%E0%A4%A"' }]);
  assert.equal((await call('/api/status', { method: 'POST', headers: auth, body: 'not json' })).status, 400);
  assert.equal((await call('/api/status', { method: 'POST', headers: auth, body: 'x'.repeat(70000) })).status, 400);
  assert.equal((await call('http://127.0.0.1/api/status', { method: 'POST', headers: auth, body: '{"args":[]}' })).status, 400);
});

// Both doors to the renderer's files: browser mode over HTTP, and the desktop app's protocol.
const doors = { http: (path: string, method?: string) => call(path, method ? { method } : {}), protocol: viaProtocol };

for (const [door, get] of Object.entries(doors)) {
  test(`${door}: the renderer's files, with their types and the strict CSP and security headers`, async () => {
    for (const [path, file, type] of [
      ['/', 'index.html', 'text/html; charset=utf-8'],
      ['/index.html', 'index.html', 'text/html; charset=utf-8'],
      ['/app.js?v=1', 'app.js', 'text/javascript; charset=utf-8'],
      ['/chunks/c.js', join('chunks', 'c.js'), 'text/javascript; charset=utf-8'],
      ['/inside-link.js', 'app.js', 'text/javascript; charset=utf-8'],
    ] as const) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.body, readFileSync(join(root, file), 'utf8'), path);
      assert.equal(res.headers['content-type'], type, path);
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
    }
  });

  test(`${door}: nothing outside the folder, no hidden file, no directory, no missing file`, async () => {
    const refused = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/chunks/..%2f..%2fsecret.txt',
      '/chunks/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/chunks%5c..%5c..%5csecret.txt',
      '/C:%5cWindows%5cwin.ini',
      '/index.html%00.js',
      '/%00',
      '/escape.txt',
      '/escape-dir/secret.txt',
      '/missing.js',
      '/chunks',
      '/chunks/',
      '//index.html',
      '/chunks//c.js',
      '/.hidden',
      '/%2ehidden',
      '/app.js.map',
    ];
    for (const path of refused) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body, 'not found', path);
      assert.doesNotMatch(res.body, /secret|hidden/);
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/, path);
    }
  });

  test(`${door}: a malformed escape in the path is a bad request, not a server error`, async () => {
    for (const path of ['/%', '/%E0%A4%A', '/chunks/%zz.js', '/%C0']) {
      const res = await get(path);
      assert.deepEqual([res.status, res.body], [400, 'bad request target'], path);
    }
  });

  test(`${door}: GET and HEAD only`, async () => {
    const head = await get('/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    for (const [path, method] of [['/app.js', 'POST'], ['/', 'POST'], ['/index.html', 'DELETE'], ['/index.html', 'PUT'], ['/', 'OPTIONS']] as const) {
      const res = await get(path, method);
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers['allow'], 'GET, HEAD');
    }
  });
}

test('the guarded lookup refuses raw paths that a URL parser would otherwise normalise', async () => {
  const files = new StaticFiles(root);
  for (const path of ['/../secret.txt', '/chunks/../../secret.txt', '/./index.html', 'index.html', '', '/chunks/./c.js']) {
    assert.equal(await files.resolve(path), null, path);
  }
  assert.equal(await files.resolve('/chunks/c.js'), join(root, 'chunks', 'c.js'));
});

test('the protocol answers only for its own host, and a missing folder is named', async () => {
  assert.equal((await viaProtocol('/index.html', 'GET', 'other')).status, 404);
  assert.throws(() => new StaticFiles(join(base, 'nowhere')), /the renderer's folder .*nowhere does not exist; run npm run build first/);
});
