// Browser mode's session, as Jupyter keeps one: the address printed carries the key in its query
// (`/?token=…`); the first request with it gets the session as an HttpOnly, SameSite=Strict
// cookie and is redirected to the same address without the key, so that new tabs and copied
// links (#/c/ID) are let in, and the key never stays in the address bar or the history.
//
// A cookie is sent to every port of a host, and SameSite counts other ports of 127.0.0.1 as the
// same site: so the cookie is named for our port, and a call that relies on it must also come
// from our own origin (the Origin header, which a browser sends with every POST, and
// Sec-Fetch-Site when the browser sends it). A client that is not a browser may still send the key
// itself (Authorization: Bearer KEY).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Admission = 'key' | 'cookie' | null;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The cookies of a request, by name (the first of each name). */
function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export class Session {
  /** What the cookie holds: a secret of its own, so that the key is never stored by the browser. */
  private readonly secret = randomBytes(24).toString('base64url');

  private readonly key: string;
  private readonly port: () => number;

  constructor(key: string, port: () => number) {
    this.key = key;
    this.port = port;
  }

  get cookieName(): string {
    return `clauseway-${this.port()}`;
  }

  /** Whether a request target's `token` parameter is the key. */
  keyIn(search: URLSearchParams): boolean {
    const given = search.get('token');
    return given !== null && same(given, this.key);
  }

  /** The Set-Cookie header that lets this browser in until it is closed (no Max-Age: a session). */
  cookie(): string {
    return `${this.cookieName}=${this.secret}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** How an API call proves it may be served: the key in its header, or our cookie. */
  admit(req: IncomingMessage): Admission {
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('Bearer ') && same(auth.slice('Bearer '.length), this.key)) return 'key';
    const value = cookies(req).get(this.cookieName);
    return value !== undefined && same(value, this.secret) ? 'cookie' : null;
  }
}
