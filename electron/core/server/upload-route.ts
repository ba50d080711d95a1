// POST /upload: one file a request, its bytes as the raw body and its name (URI-encoded, a
// folder-relative path for a folder's files) in a header. The body is streamed to a temporary
// file (api/uploads.ts), never read whole, and refused with 413 past the engine's size limit, 507
// past what may wait to be imported (bytes, files, free disk) and 429 while too many arrive at once;
// the JSON API's small limit does not apply here. The server checks the host, token and origin first.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, UPLOAD_NAME_HEADER } from '../../../shared/api.ts';
import { UploadsBusy, UploadsFull, UploadTooLarge, type UploadInbox } from '../api/uploads.ts';

export type UploadReceiver = Pick<UploadInbox, 'receive'>;

type Send = (res: ServerResponse, status: number, body: string) => void;

export async function handleUpload(req: IncomingMessage, res: ServerResponse, uploads: UploadReceiver, send: Send): Promise<void> {
  const header = req.headers[UPLOAD_NAME_HEADER];
  const length = req.headers['content-length'];
  try {
    if (typeof header !== 'string' || header === '') throw new ApiError(`an upload names its file in the ${UPLOAD_NAME_HEADER} header`);
    let name: string;
    try {
      name = decodeURIComponent(header);
    } catch {
      throw new ApiError(`the ${UPLOAD_NAME_HEADER} header is not URI-encoded`);
    }
    const id = await uploads.receive(name, req, length === undefined ? undefined : Number(length));
    send(res, 200, JSON.stringify({ result: { id } }));
  } catch (e) {
    // The rest of a refused body is never read: the connection closes.
    res.setHeader('Connection', 'close');
    const status = e instanceof UploadTooLarge ? 413 : e instanceof UploadsFull ? 507 : e instanceof UploadsBusy ? 429 : e instanceof ApiError ? 400 : 500;
    send(res, status, JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  }
}
