// The renderer's only door to the engine: the ClausewayApi contract, over the preload's IPC bridge
// in the desktop app or over HTTP (loopback, with the session's token) in browser mode.

import { API_METHODS, type ApiMethod, type ClausewayApi } from '../../shared/api.ts';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in browser mode. */
    clauseway?: ClausewayApi & { platform: 'electron' };
  }
}

const TOKEN_KEY = 'clauseway.token';

/** Browser mode: the token arrives once in the address fragment; keep it for this tab, then hide it. */
function takeToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search + location.hash.replace(/(?:^#|&)token=[A-Za-z0-9_-]+/, '#').replace(/^#&/, '#'));
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(): ClausewayApi {
  const token = takeToken();
  const call = async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ args }),
    });
    const body = (await res.json()) as { result?: unknown; error?: string };
    if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body.result;
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as ClausewayApi;
}

export const platform: 'electron' | 'browser' = window.clauseway ? 'electron' : 'browser';
export const api: ClausewayApi = window.clauseway ?? httpClient();
