// Browser mode's uploads: the server streams each uploaded file to a temporary folder (never into
// memory whole, never past the engine's size limit) and answers an id; importUploads(ids) then
// imports them. Each file is kept under its own name, folders included, so that messages and the
// library name it as the user does; its library key is `upload/NAME`, so that uploading the same
// file again updates it (keeping its ids, its annotations and its corrections).

import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { ApiError } from '../../../shared/api.ts';
import type { ImportFile } from '../ingest/import-batch.ts';
import { MAX_FILE_BYTES } from '../ingest/pipeline.ts';

/** An upload over the engine's limit: the server answers 413. */
export class UploadTooLarge extends ApiError {}

/** The parts of an uploaded name that may stand in a path: no empty, `.` or `..` segments. */
export function uploadName(raw: string): string {
  const parts = raw.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
  const name = parts.join('/');
  if (parts.length === 0 || name.length > 500 || /[\u0000-\u001f]/.test(name)) throw new ApiError(`the upload's name is not a file name: ${JSON.stringify(raw.slice(0, 80))}`);
  return name;
}

export class UploadInbox {
  private dir: string | null = null;
  private readonly files = new Map<string, ImportFile>();
  readonly maxBytes: number;

  constructor(maxBytes = MAX_FILE_BYTES) {
    this.maxBytes = maxBytes;
  }

  /** Streams one file to disk; answers its id. Over `maxBytes`, nothing is kept. */
  async receive(rawName: string, body: Readable, declaredBytes?: number): Promise<string> {
    const name = uploadName(rawName);
    const tooLarge = (): UploadTooLarge => new UploadTooLarge(`${name}: the file is over ${this.maxBytes / 1048576} MB; Clauseway imports text files of up to ${this.maxBytes / 1048576} MB`);
    if (declaredBytes !== undefined && declaredBytes > this.maxBytes) throw tooLarge();
    this.dir ??= mkdtempSync(join(tmpdir(), 'clauseway-upload-'));
    const id = randomUUID();
    const folder = join(this.dir, id);
    const path = join(folder, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    let size = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? tooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(path));
    } catch (e) {
      rmSync(folder, { recursive: true, force: true });
      throw e instanceof ApiError ? e : new ApiError(`${name}: the upload did not arrive whole (${(e as Error).message})`);
    }
    this.files.set(id, { path, name, key: `upload/${name}` });
    return id;
  }

  /**
   * The uploaded files by id, handed over once (an id not known, or taken before, comes back
   * refused, so that the import says so among the rest); `release` removes them from disk.
   */
  take(ids: readonly string[]): { files: ImportFile[]; release: () => void } {
    const files = ids.map((id): ImportFile => this.files.get(id) ?? { path: '', name: id, refused: 'no upload with this id (each upload is imported once)' });
    for (const id of ids) this.files.delete(id);
    const dir = this.dir;
    return {
      files,
      release: () => {
        if (dir) for (const id of ids) rmSync(join(dir, id), { recursive: true, force: true });
      },
    };
  }

  close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.files.clear();
  }
}
