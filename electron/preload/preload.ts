// The preload: gives the renderer one frozen door to the engine, a function that sends a call
// (a method's name and its arguments) on the contract's IPC channel. The renderer never sees
// ipcRenderer itself; the main process checks every call against the method table (ipc.ts).
// It imports no table, only a channel name, so that it stays a few hundred bytes. The one other
// thing it gives is where a dropped file lies on disk (the import of issue 15).

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CHANNEL, type ClausewayBridge } from '../../shared/api.ts';

const bridge: ClausewayBridge = {
  call: (method, args) => ipcRenderer.invoke(API_CHANNEL, method, args),
  platform: 'electron',
  // A sandboxed page sees no paths; a dropped file's comes from here, to be imported by path.
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
};

contextBridge.exposeInMainWorld('clauseway', Object.freeze(bridge));
