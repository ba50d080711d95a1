// Browser mode's uploads: the server streams each uploaded file to a temporary folder (never into
// memory whole, never past the engine's size limit) and answers an id; importUploads(ids) then
// imports them. Each file is kept under its own name, folders included, so that messages and the
// library name it as the user does; its library key is `upload/NAME`, so that uploading the same
// file again updates it (keeping its ids, its annotations and its corrections).
// Files wait on disk from their upload until their import ends: a page that uploads and never
// imports (or a loop) must not fill the disk, so what waits is capped in bytes and in files, the
// disk must keep room beside it, and only a few uploads stream at once (each holds its buffers).

import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { ApiError } from '../../../shared/api.ts';
import type { ImportFile } from '../ingest/import-batch.ts';
import { MAX_FILE_BYTES } from '../ingest/pipeline.ts';

/** An upload over the engine's limit: the server answers 413. */
export class UploadTooLarge extends ApiError {}
/** An upload past what may wait to be imported (bytes, files, free disk): 507, Insufficient Storage. */
export class UploadsFull extends ApiError {}
/** Too many uploads arriving at once: 429, to be sent again when one has ended. */
export class UploadsBusy extends ApiError {}

/** The parts of an uploaded name that may stand in a path: no empty, `.` or `..` segments. */
export function uploadName(raw: string): string {
  const parts = raw.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
  const name = parts.join('/');
  if (parts.length === 0 || name.length > 500 || /[\u0000-\u001f]/.test(name)) throw new ApiError(`the upload's name is not a file name: ${JSON.stringify(raw.slice(0, 80))}`);
  return name;
}

/** What may wait at once: a folder's worth of files, never the disk. */
export interface PendingLimits {
  /** Bytes of all files uploaded and not yet imported, those arriving included. */
  bytes: number;
  files: number;
  /** Uploads streaming at the same time. */
  receiving: number;
  /** Free disk space an upload must leave beside it. */
  freeDisk: number;
}

const MB = 1024 * 1024;
export const PENDING_LIMITS: PendingLimits = { bytes: 1024 * MB, files: 10_000, receiving: 4, freeDisk: 256 * MB };

const mb = (bytes: number): string => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`);

export class UploadInbox {
  private dir: string | null = null;
  private readonly files = new Map<string, ImportFile>();
  /** Bytes on disk (or arriving) by upload id, until the import that took them releases them. */
  private readonly sizes = new Map<string, number>();
  private pendingBytes = 0;
  private receiving = 0;
  readonly maxBytes: number;
  readonly limits: PendingLimits;

  constructor(maxBytes = MAX_FILE_BYTES, limits: Partial<PendingLimits> = {}) {
    this.maxBytes = maxBytes;
    this.limits = { ...PENDING_LIMITS, ...limits };
  }

  /** Bytes of the files waiting to be imported (and arriving). */
  get pending(): number {
    return this.pendingBytes;
  }

  /** Why an upload of `bytes` more cannot be taken now; null when it can. */
  private full(name: string, dir: string, bytes: number): string | null {
    const { limits } = this;
    const wait = 'import the files uploaded so far (or wait for their import to end), then send the rest';
    if (this.sizes.size >= limits.files) return `${name}: ${limits.files} uploaded files are already waiting to be imported; ${wait}`;
    if (this.pendingBytes + bytes > limits.bytes) return `${name}: the uploads waiting to be imported would pass ${mb(limits.bytes)}; ${wait}`;
    const { bavail, bsize } = statfsSync(dir);
    if (bavail * bsize - bytes < limits.freeDisk) return `${name}: the disk holding ${dir} has under ${mb(limits.freeDisk + bytes)} free; free some space and upload it again`;
    return null;
  }

  /** Streams one file to disk; answers its id. Over `maxBytes` or past the limits, nothing is kept. */
  async receive(rawName: string, body: Readable, declaredBytes?: number): Promise<string> {
    const name = uploadName(rawName);
    const tooLarge = (): UploadTooLarge => new UploadTooLarge(`${name}: the file is over ${mb(this.maxBytes)}; Clauseway imports text files of up to ${mb(this.maxBytes)}`);
    if (declaredBytes !== undefined && declaredBytes > this.maxBytes) throw tooLarge();
    if (this.receiving >= this.limits.receiving) throw new UploadsBusy(`${name}: ${this.limits.receiving} uploads are arriving already; send it when one has ended`);
    this.dir ??= mkdtempSync(join(tmpdir(), 'clauseway-upload-'));
    const refused = this.full(name, this.dir, declaredBytes ?? 0);
    if (refused) throw new UploadsFull(refused);
    const id = randomUUID();
    const folder = join(this.dir, id);
    const path = join(folder, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    let size = 0;
    const limit = this.maxBytes;
    const pendingLimit = this.limits.bytes;
    this.sizes.set(id, 0);
    const count = (n: number): void => {
      size += n;
      this.pendingBytes += n;
      this.sizes.set(id, size);
    };
    const tooMuch = (): UploadsFull => new UploadsFull(`${name}: the uploads waiting to be imported would pass ${mb(pendingLimit)}; import the files uploaded so far, then send the rest`);
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        count(chunk.length);
        done(size > limit ? tooLarge() : this.pendingBytes > pendingLimit ? tooMuch() : null, chunk);
      },
    });
    this.receiving++;
    try {
      await pipeline(body, counter, createWriteStream(path));
    } catch (e) {
      this.forget(id);
      rmSync(folder, { recursive: true, force: true });
      throw e instanceof ApiError ? e : new ApiError(`${name}: the upload did not arrive whole (${(e as Error).message})`);
    } finally {
      this.receiving--;
    }
    this.files.set(id, { path, name, key: `upload/${name}` });
    return id;
  }

  private forget(id: string): void {
    this.pendingBytes -= this.sizes.get(id) ?? 0;
    this.sizes.delete(id);
  }

  /**
   * The uploaded files by id, handed over once (an id not known, or taken before, comes back
   * refused, so that the import says so among the rest); `release` removes them from disk.
   */
  take(ids: readonly string[]): { files: ImportFile[]; release: () => void } {
    const files = ids.map((id): ImportFile => this.files.get(id) ?? { path: '', name: id, refused: 'no upload with this id (each upload is imported once)', refusedWhy: { code: 'upload-missing', params: {} } });
    // Only what this call took is released: an id sent twice is another call's to remove.
    const taken = ids.filter((id) => this.files.delete(id));
    const dir = this.dir;
    return {
      files,
      release: () => {
        for (const id of taken) {
          this.forget(id);
          if (dir) rmSync(join(dir, id), { recursive: true, force: true });
        }
      },
    };
  }

  close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.files.clear();
    this.sizes.clear();
    this.pendingBytes = 0;
  }
}
