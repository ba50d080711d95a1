// The preload: exposes the API contract to the renderer as one frozen object of functions, each
// an IPC invoke on its own channel. The renderer never sees ipcRenderer itself.

import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, channelOf } from '../../shared/api.ts';

const bridge = Object.fromEntries(API_METHODS.map((m) => [m, (...args: unknown[]): Promise<unknown> => ipcRenderer.invoke(channelOf(m), ...args)]));

contextBridge.exposeInMainWorld('clauseway', Object.freeze({ ...bridge, platform: 'electron' }));
