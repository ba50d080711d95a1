// IPC: one handler, on the contract's one channel. It checks who is calling (the main frame of
// our own window, loaded from our own protocol) and hands the call to dispatch(), which checks the
// method and its arguments against the method table. Nothing else is reachable from the renderer.

import type { IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL, ApiError } from '../../shared/api.ts';
import { isApiMethod, type ClausewayApi } from '../../shared/api-table.ts';
import { dispatch } from '../core/api/dispatch.ts';

export const APP_ORIGIN = 'app://clauseway';

/** The part of ipcMain used here, so that tests can stand in for it. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * Whether an address is our renderer's. Compared by scheme and host: for a custom scheme the URL
 * parser's `origin` is the string "null", which would match nothing (or, compared carelessly, all).
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'clauseway';
  } catch {
    return false;
  }
}

/** A call is trusted when it comes from the top frame of one of our windows showing app://clauseway. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, windows: () => readonly { webContents: unknown }[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url) && windows().some((w) => w.webContents === event.sender);
}

export function registerIpc(ipc: IpcRegistrar, api: ClausewayApi, windows: () => readonly { webContents: unknown }[]): void {
  ipc.handle(API_CHANNEL, (event, method, args) => {
    if (!isTrustedSender(event, windows)) {
      const which = isApiMethod(method) ? `${method}: ` : '';
      const from = event.senderFrame?.url ?? 'an unknown frame';
      return Promise.reject(new ApiError(`${which}refused a call from ${from}`));
    }
    return dispatch(api, method, args);
  });
}
