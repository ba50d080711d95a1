// The renderer's files, for the desktop app's app:// protocol (electron/main/protocol.ts) and for
// browser mode (http-server.ts): one guarded lookup, so that both serve the same files with the
// same headers. A URL path reaches only a regular file inside the root: every segment is decoded
// once and refused if it is empty, hidden (`.`, `..`, `.git`), or holds a slash, a backslash, a
// colon or a control character (NUL…); a malformed escape is a bad request (400); the file's real
// path, symlinks resolved, must lie inside the root's; directories and source maps are never served.

import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The headers of every answer, a file, an error or an API call's. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface StaticReply {
  status: 200 | 400 | 404 | 405;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

const FORBIDDEN = /[/\\:\u0000-\u001f\u007f]/;

/** What a URL path names, segment by segment; null when one of its escapes is malformed. */
function decodeSegments(pathname: string): string[] | null {
  try {
    return (pathname === '/' ? 'index.html' : pathname.slice(1)).split('/').map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

const servable = (s: string): boolean => s !== '' && !s.startsWith('.') && !s.endsWith('.map') && !FORBIDDEN.test(s);

const text = (status: 400 | 404 | 405, body: string, extra: Record<string, string> = {}): StaticReply => ({
  status,
  headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  body,
});

export class StaticFiles {
  /** The root's real path: what every file's real path must lie inside. */
  private readonly root: string;

  constructor(root: string) {
    try {
      this.root = realpathSync(root);
    } catch {
      throw new Error(`the renderer's folder ${root} does not exist; run npm run build first`);
    }
  }

  /** The file a URL path names (`/` names index.html), or null when it names nothing served. */
  async resolve(pathname: string): Promise<string | null> {
    if (!pathname.startsWith('/')) return null;
    const segments = decodeSegments(pathname);
    if (!segments?.every(servable)) return null;
    try {
      const file = await realpath(join(this.root, ...segments));
      if (!file.startsWith(this.root + sep)) return null;
      return (await stat(file)).isFile() ? file : null;
    } catch {
      return null; // missing, or unreadable
    }
  }

  /** The answer to a GET or HEAD of a URL path: the file with its type and our headers, or 404. */
  async reply(method: string, pathname: string): Promise<StaticReply> {
    if (method !== 'GET' && method !== 'HEAD') return text(405, 'use GET', { Allow: 'GET, HEAD' });
    if (pathname.startsWith('/') && decodeSegments(pathname) === null) return text(400, 'bad request target');
    const file = await this.resolve(pathname);
    if (!file) return text(404, 'not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch {
      return text(404, 'not found');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    return { status: 200, headers, body: method === 'HEAD' ? '' : body };
  }

  /** The same, fetch-style (Electron's protocol.handle): only requests addressed to `host`. */
  async respond(request: Request, host: string): Promise<Response> {
    const url = new URL(request.url);
    const r = url.host === host ? await this.reply(request.method, url.pathname) : text(404, 'not found');
    return new Response(r.body, { status: r.status, headers: r.headers });
  }
}
