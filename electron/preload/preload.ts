// The preload: gives the renderer one frozen door to the engine, a function that sends a call
// (a method's name and its arguments) on the contract's IPC channel. The renderer never sees
// ipcRenderer itself; the main process checks every call against the method table (ipc.ts).
// It imports no table, only a channel name, so that it stays a few hundred bytes.

import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, type ClausewayBridge } from '../../shared/api.ts';

const bridge: ClausewayBridge = {
  call: (method, args) => ipcRenderer.invoke(API_CHANNEL, method, args),
  platform: 'electron',
};

contextBridge.exposeInMainWorld('clauseway', Object.freeze(bridge));
