// app://clauseway/… serves the built renderer from inside the app, instead of file://: the page
// gets a real origin of its own, the same Content Security Policy and headers as in browser mode,
// and no access to any other file (the guarded lookup both share: core/server/static-files.ts).

import { protocol } from 'electron';
import { StaticFiles } from '../core/server/static-files.ts';

const SCHEME = 'app';
const HOST = 'clauseway';

/** Before app ready: the scheme is standard and secure, so fetch, storage and the CSP behave as on https. */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const files = new StaticFiles(rendererDir);
  protocol.handle(SCHEME, (request) => files.respond(request, HOST));
}
