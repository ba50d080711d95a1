// The renderer's only door to the engine: the ClausewayApi contract, over the preload's bridge in
// the desktop app or over HTTP (loopback) in browser mode, where the session's cookie (set by the
// server from the key in the first address: electron/core/server/session.ts) lets every tab in.

import type { ClausewayApi, ClausewayBridge } from '../../shared/api.ts';
import { UPLOAD_NAME_HEADER, UPLOAD_PATH } from '../../shared/api.ts';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in browser mode. */
    clauseway?: ClausewayBridge;
  }
}

type Call = (method: string, args: unknown[]) => Promise<unknown>;

/**
 * The contract over one call function: every method of ClausewayApi becomes a function that sends
 * its name and its arguments. The engine checks both against the method table, so the renderer
 * carries only the table's type, never the table and its schema library.
 */
function overCall(call: Call): ClausewayApi {
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const handler: ProxyHandler<object> = {
    get(_target, name) {
      // No method: symbols, what every object has (toString…), and `then`, which would make the
      // client pass for a promise wherever one is awaited.
      if (typeof name !== 'string' || name === 'then' || name in Object.prototype) return undefined;
      let f = methods.get(name);
      if (!f) {
        f = (...args: unknown[]) => call(name, args);
        methods.set(name, f);
      }
      return f;
    },
  };
  return new Proxy({}, handler) as ClausewayApi;
}

/** What a browser lets a keepalive request carry (64 KiB for all of them together). */
const KEEPALIVE_MAX = 60 * 1024;

/**
 * `keepalive`: the request outlives the page (a note saved as the tab closes). Browsers allow it
 * only for small bodies; a larger one goes as a plain request, which may not survive the page.
 */
function httpCall(keepalive: boolean): Call {
  return async (method, args) => {
    const request = JSON.stringify({ args });
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: request,
      keepalive: keepalive && new TextEncoder().encode(request).length <= KEEPALIVE_MAX,
    });
    const body = (await res.json()) as { result?: unknown; error?: string };
    if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body.result;
  };
}

const bridge = window.clauseway;
export const platform: 'electron' | 'browser' = bridge ? 'electron' : 'browser';
export const api: ClausewayApi = overCall(bridge ? bridge.call : httpCall(false));
/**
 * The same contract for writes that must land although the page is going away: in browser mode
 * over keepalive requests; in the desktop app the IPC message is delivered as it is.
 */
export const durableApi: ClausewayApi = bridge ? api : overCall(httpCall(true));

// ---- import (issue 15) ----

/**
 * Browser mode: sends one file to the upload route (its raw bytes, its name in a header) and answers the id to import it by (api.importUploads).
 */
export async function uploadFile(name: string, file: Blob): Promise<string> {
  const res = await fetch(UPLOAD_PATH, {
    method: 'POST',
    // The session's cookie lets it in, as it does the API's calls.
    headers: { [UPLOAD_NAME_HEADER]: encodeURIComponent(name), 'Content-Type': 'application/octet-stream' },
    credentials: 'same-origin',
    body: file,
  });
  const body = (await res.json()) as { result?: { id: string }; error?: string };
  if (!res.ok || !body.result) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body.result.id;
}

/** The desktop app: where a dropped file is on disk; null in browser mode. */
export const pathForFile = bridge ? (file: Blob): string => bridge.pathForFile(file) : null;
