// Browser mode's import: POST /upload streams each file to a temporary file behind the same host,
// token and origin checks as the API, refusing a body past the engine's size limit with 413; then
// importUploads imports them (here in this thread, as the engine does without its host) and the
// summary says what became of each file: added, updated, unchanged, duplicate, refused.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportJob, ImportSummary } from '../../shared/api.ts';
import { UPLOAD_NAME_HEADER, UPLOAD_PATH } from '../../shared/api.ts';
import { EngineApi } from '../../electron/core/api/engine-api.ts';
import { UploadInbox, UploadsFull } from '../../electron/core/api/uploads.ts';
import { openUserData, type AnnotationStore } from '../../electron/core/annotations/index.ts';
import { MAX_FILE_BYTES } from '../../electron/core/ingest/pipeline.ts';
import { startServer, type RunningServer } from '../../electron/core/server/http-server.ts';
import type { Library } from '../../electron/core/store/library.ts';
import { docxOf } from '../helpers/docx.ts';
import { FIXTURES, SEEDS, seededLibrary } from '../helpers/library.ts';

const TOKEN = 'upload-token-abcdefghijklmnop';
let library: Library;
let store: AnnotationStore;
let cleanup: () => void;
let engine: EngineApi;
let server: RunningServer;
let received = 0;

before(async () => {
  let dir: string;
  ({ library, dir, cleanup } = seededLibrary());
  ({ store } = openUserData(dir));
  const inbox = new UploadInbox();
  engine = new EngineApi(library, library.openSearcher(), store, { uploads: inbox });
  // Counts what reaches the inbox: a refused request never does.
  const uploads = { receive: (...a: Parameters<UploadInbox['receive']>) => (received++, inbox.receive(...a)) };
  server = await startServer({ api: engine, rendererDir: FIXTURES, token: TOKEN, uploads });
});
after(async () => {
  await engine.importsIdle();
  engine.close();
  await server.close();
  store.close();
  cleanup();
});

interface Answer {
  status: number;
  body: { result?: { id: string }; error?: string };
}

function upload(name: string, bytes: Uint8Array | null, headers: Record<string, string> = {}, verb = 'POST'): Promise<Answer> {
  const all: Record<string, string> = { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, [UPLOAD_NAME_HEADER]: encodeURIComponent(name), 'Content-Type': 'application/octet-stream', ...headers };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: UPLOAD_PATH, method: verb, headers: all }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
      });
    });
    // A refused body may be cut off: the answer has come already.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    if (bytes) req.end(bytes);
    else req.end();
  });
}

async function uploaded(name: string, bytes: Uint8Array): Promise<string> {
  const a = await upload(name, bytes);
  assert.equal(a.status, 200, a.body.error);
  assert.ok(a.body.result);
  return a.body.result.id;
}

async function finished(job: ImportJob): Promise<ImportSummary> {
  for (;;) {
    const now = await engine.importProgress(job.id);
    assert.ok(now);
    if (now.state !== 'running') {
      assert.equal(now.state, 'done', now.error ?? '');
      assert.ok(now.summary);
      return now.summary;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const qianhai = readFileSync(join(FIXTURES, 'qianhai-regulation.zh-hans.txt'));

test('an upload without the token, under another host or origin, or not POSTed is refused before it is read', async () => {
  assert.equal((await upload('a.txt', qianhai, { Authorization: '' })).status, 401);
  assert.equal((await upload('a.txt', qianhai, { Authorization: `Bearer ${TOKEN}x` })).status, 401);
  assert.equal((await upload('a.txt', qianhai, { Host: `localhost.evil:${server.port}` })).status, 421);
  assert.equal((await upload('a.txt', qianhai, { Origin: 'http://evil.example' })).status, 403);
  assert.equal((await upload('a.txt', null, {}, 'GET')).status, 405);
  assert.equal(received, 0);
  // A name is required, and one that climbs out of its folder keeps only its own parts.
  assert.equal((await upload('', qianhai)).status, 400);
  assert.equal((await upload('../..', qianhai)).status, 400);
});

test('an upload over the engine\'s size limit is refused with 413, declared or streamed', async () => {
  const declared = await upload('big.txt', new Uint8Array(16), { 'Content-Length': String(MAX_FILE_BYTES + 1) });
  assert.equal(declared.status, 413);
  assert.match(declared.body.error ?? '', /big\.txt: the file is over 32 MB/);
  // Streamed without a length: counted as it arrives, cut off past the limit.
  const small = new UploadInbox(1024);
  const chunks = Array.from({ length: 8 }, () => Buffer.alloc(512, 0x41));
  await assert.rejects(small.receive('streamed.txt', Readable.from(chunks)), /streamed\.txt: the file is over/);
  small.close();
});

test('uploaded files import with a summary: added, duplicate, refused (with the reason), a Word file and a folder', async () => {
  const before = library.documentCount();
  const seed = readFileSync(join(SEEDS, '001_551b2c05a62b80d5.txt'));
  const word = await docxOf(readFileSync(join(FIXTURES, 'hengqin-regulation.zh-hant.txt'), 'utf8').split('\n'));
  const ids = [
    await uploaded('政策 文件/前海条例.txt', qianhai),
    await uploaded('copy of seed.txt', seed),
    await uploaded('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7])),
    await uploaded('橫琴條例.docx', word),
  ];
  const job = await engine.importUploads(ids);
  assert.equal(job.total, 4);
  const summary = await finished(job);
  assert.deepEqual(summary.items.map((i) => [i.name, i.status]), [
    ['政策 文件/前海条例.txt', 'added'],
    ['copy of seed.txt', 'duplicate'],
    ['scan.txt', 'refused'],
    ['橫琴條例.docx', 'added'],
  ]);
  assert.deepEqual(summary.counts, { added: 2, updated: 0, unchanged: 0, duplicate: 1, refused: 1 });
  assert.match(summary.items[1]?.reason ?? '', /already in the library as seeds\/001_551b2c05a62b80d5\.txt/);
  assert.match(summary.items[2]?.reason ?? '', /not a text file/);
  assert.equal(library.documentCount(), before + 2);
  const titles = (await engine.listDocuments()).filter((d) => d.source.startsWith('upload/')).map((d) => [d.source, d.title]);
  assert.deepEqual(titles, [
    ['upload/政策 文件/前海条例.txt', '深圳经济特区前海深港现代服务业合作区条例'],
    ['upload/橫琴條例.docx', '橫琴粵澳深度合作區發展促進條例'],
  ]);
  // Search finds the Word file's text, Traditional, by a Simplified query.
  const hits = await engine.search('横琴粤澳深度合作区', { limit: 5 });
  assert.ok(hits.hits.some((h) => summary.items[3]?.docIds.includes(h.docId)));
  // An upload is imported once: its id is not there any more.
  const again = await finished(await engine.importUploads([ids[0] ?? '']));
  assert.equal(again.items[0]?.status, 'refused');
});

test('the same name uploaded again: unchanged when the bytes are, updated (same ids) when they changed', async () => {
  const idsOf = async (): Promise<string[]> => (await engine.listDocuments()).filter((d) => d.source === 'upload/政策 文件/前海条例.txt').map((d) => d.id);
  const before = await idsOf();
  assert.equal(before.length, 1);
  const same = await finished(await engine.importUploads([await uploaded('政策 文件/前海条例.txt', qianhai)]));
  assert.equal(same.items[0]?.status, 'unchanged');
  const edited = Buffer.concat([qianhai, Buffer.from('\n第九十九条 本条例自公布之日起施行。\n')]);
  const changed = await finished(await engine.importUploads([await uploaded('政策 文件/前海条例.txt', edited)]));
  assert.equal(changed.items[0]?.status, 'updated');
  assert.deepEqual(changed.items[0].docIds, before);
  assert.deepEqual(await idsOf(), before);
  assert.equal(library.find('本条例自公布之日起施行').filter((h) => before.includes(h.docId)).length, 1);
});

test('what waits to be imported is capped: bytes and files, a clear refusal (507), room again once imported', async () => {
  const inbox = new UploadInbox(4096, { bytes: 10_000, files: 3 });
  const body = (n: number): Readable => Readable.from([Buffer.alloc(n, 0x41)]);
  try {
    const a = await inbox.receive('a.txt', body(4000));
    await inbox.receive('b.txt', body(4000));
    assert.equal(inbox.pending, 8000);
    // Declared past the total: refused before a byte is read; streamed past it: cut off, nothing kept.
    await assert.rejects(inbox.receive('c.txt', body(3000), 3000), (e: unknown) => e instanceof UploadsFull && /c\.txt: the uploads waiting to be imported would pass 10 KB; import the files uploaded so far/.test(e.message));
    await assert.rejects(inbox.receive('d.txt', body(3000)), UploadsFull);
    assert.equal(inbox.pending, 8000);
    await inbox.receive('e.txt', body(100));
    await assert.rejects(inbox.receive('f.txt', body(10)), /f\.txt: 3 uploaded files are already waiting to be imported/);
    // An import takes a file; its room comes back when the import releases it, not before.
    const { files, release } = inbox.take([a]);
    assert.equal(files[0]?.name, 'a.txt');
    assert.equal(inbox.pending, 8100);
    release();
    assert.equal(inbox.pending, 4100);
    await inbox.receive('c.txt', body(3000));
    // A second take of the same id refuses it and releases nothing of another's.
    const twice = inbox.take([a]);
    assert.ok(twice.files[0]?.refused);
    twice.release();
    assert.equal(inbox.pending, 7100);
  } finally {
    inbox.close();
  }
});

test('the server answers a full inbox with 507 and too many uploads at once with 429, naming the file', async () => {
  const inbox = new UploadInbox(MAX_FILE_BYTES, { bytes: 64 * 1024, receiving: 1 });
  const own = await startServer({ api: engine, rendererDir: FIXTURES, token: TOKEN, uploads: inbox });
  const send = (name: string, bytes: Uint8Array | Readable): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers = { Host: `127.0.0.1:${own.port}`, Authorization: `Bearer ${TOKEN}`, [UPLOAD_NAME_HEADER]: encodeURIComponent(name) };
      const req = request({ host: '127.0.0.1', port: own.port, path: UPLOAD_PATH, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
      if (bytes instanceof Readable) bytes.pipe(req);
      else req.end(bytes);
    });
  try {
    assert.equal((await send('前海条例.txt', qianhai)).status, 200);
    const full = await send('大文件.txt', Buffer.alloc(64 * 1024, 0x41));
    assert.equal(full.status, 507);
    assert.match(full.body.error ?? '', /^大文件\.txt: the uploads waiting to be imported would pass/);
    // One upload still arriving (its body held open) leaves no room for a second at once.
    const held = new Readable({ read() {} });
    held.push(Buffer.alloc(10, 0x41));
    const first = send('慢.txt', held);
    while (inbox.pending === qianhai.length) await new Promise((r) => setTimeout(r, 5));
    const busy = await send('快.txt', qianhai);
    assert.equal(busy.status, 429);
    assert.match(busy.body.error ?? '', /^快\.txt: 1 uploads are arriving already/);
    held.push(null);
    assert.equal((await first).status, 200);
  } finally {
    await own.close();
    inbox.close();
  }
});
