// Browser mode: the engine's API over HTTP, for machines where Electron cannot run. Loopback only;
// every API call carries the session's random key or its cookie (session.ts); requests from any
// other host or origin are refused, and the renderer's files are served by the same guarded lookup,
// with the same headers, as in the desktop app (static-files.ts). Every method of the table takes
// one route, /api/NAME, behind the same checks, in the same order: host, key or cookie, origin,
// POST; then dispatch() checks the method and its arguments exactly as the IPC handler does.
// Browser mode's import sends files to POST /upload, behind the same checks in the same order, with
// a size limit of its own (upload-route.ts).

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError, UPLOAD_PATH } from '../../../shared/api.ts';
import type { ClausewayApi } from '../../../shared/api-table.ts';
import { dispatch } from '../api/dispatch.ts';
import { Session } from './session.ts';
import { SECURITY_HEADERS, StaticFiles } from './static-files.ts';
import { handleUpload, type UploadReceiver } from './upload-route.ts';

/**
 * The largest call accepted: a note may be up to 1 MiB of JSON (shared/notes) and its escaping can
 * double it; anything larger is refused before it is read whole.
 */
const MAX_BODY = 3 * 1024 * 1024;

export interface ServerOptions {
  api: ClausewayApi;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Where POST /upload streams files (browser mode's import); without it the route is not there. */
  uploads?: UploadReceiver;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  /** The address to open: its key becomes the session's cookie, and leaves the address. */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(body);
}

/** A body over MAX_BODY: refused with 413, and the connection closed (the rest is never read). */
class TooLarge extends ApiError {}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new TooLarge('request too large');
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new TooLarge('request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The path and query of a request target; only a path (never an absolute URL), and `//x` stays a path. */
function targetOf(target: string): URL | null {
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://localhost${target}`);
  } catch {
    return null;
  }
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError(`unknown method ${JSON.stringify(raw)}`);
  }
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const files = new StaticFiles(options.rendererDir);
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const session = new Session(token, () => port);
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([...allowedHosts()].map((h) => `http://${h}`));

  /** Key or cookie, origin and POST, in that order (the host is checked for every request); false when refused. */
  const admitted = (req: IncomingMessage, res: ServerResponse): boolean => {
    const admission = session.admit(req);
    if (admission === null) {
      send(res, 401, JSON.stringify({ error: 'missing or wrong token' }));
      return false;
    }
    // An origin must be ours, scheme and port included. A call let in by the cookie must name its
    // origin: the cookie alone would also come along from a page on another port of this host.
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const foreign = origin === undefined ? admission === 'cookie' : !allowedOrigins().has(origin);
    if (foreign || (admission === 'cookie' && site !== undefined && site !== 'same-origin')) {
      send(res, 403, JSON.stringify({ error: 'cross-origin request refused' }));
      return false;
    }
    if (req.method !== 'POST') {
      send(res, 405, JSON.stringify({ error: 'use POST' }));
      return false;
    }
    return true;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (!admitted(req, res)) return;
    try {
      const body = await readBody(req);
      let args: unknown;
      try {
        args = (JSON.parse(body || '{}') as { args?: unknown }).args ?? [];
      } catch {
        throw new ApiError('the request body is not JSON');
      }
      const result = await dispatch(options.api, decodeName(method), args);
      send(res, 200, JSON.stringify({ result: result ?? null }));
    } catch (e) {
      if (e instanceof TooLarge) res.setHeader('Connection', 'close');
      const status = e instanceof TooLarge ? 413 : e instanceof ApiError ? 400 : 500;
      send(res, status, JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, target: URL): Promise<void> => {
    // The printed address: its key becomes the cookie, and the browser is sent to the same page
    // without it. A wrong key is dropped from the address all the same (the page then says so).
    if (target.searchParams.has('token') && (req.method === 'GET' || req.method === 'HEAD')) {
      const cookie = session.keyIn(target.searchParams) ? { 'Set-Cookie': session.cookie() } : {};
      target.searchParams.delete('token');
      res.writeHead(303, { ...SECURITY_HEADERS, ...cookie, Location: target.pathname + target.search });
      res.end();
      return;
    }
    const reply = await files.reply(req.method ?? '', target.pathname);
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  };

  const server = createServer((req, res) => {
    // Loopback only, and only under our own name: a page elsewhere cannot rebind a host name to us.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      send(res, 421, JSON.stringify({ error: 'wrong host' }));
      return;
    }
    const target = targetOf(req.url ?? '');
    if (target === null) {
      send(res, 400, JSON.stringify({ error: 'bad request target' }));
      return;
    }
    // Every name under /api/ goes to dispatch, which refuses those outside the table by name.
    const { pathname } = target;
    const api = pathname.startsWith('/api/');
    const { uploads } = options;
    const done = uploads && pathname === UPLOAD_PATH
      ? admitted(req, res) ? handleUpload(req, res, uploads, send) : Promise.resolve()
      : api ? handleApi(req, res, pathname.slice('/api/'.length)) : handleStatic(req, res, target);
    done.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: String(e) }));
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
