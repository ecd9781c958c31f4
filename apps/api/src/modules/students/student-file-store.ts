import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, type ReadStream, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ATTACHMENT_MAGIC_BYTES } from '@sscard/rules';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** The upload is over the size cap; nothing of it is kept. */
export class FileTooBig extends Error {}

export interface StoredFile {
  storedName: string;
  bytes: number;
  sha256: string;
  /** The first bytes, for the type check by magic bytes. */
  head: Buffer;
}

const STORED_NAME = /^[0-9a-f-]{36}$/;
/** As many first bytes as the rules' type check reads. */
const HEAD_BYTES = ATTACHMENT_MAGIC_BYTES;

/**
 * Students' attachments on disk, under random names (the user's name is kept in the database
 * only, so nothing a user types reaches a path). A local folder by default: STUDENT_FILES_DIR,
 * else `student-files` next to the data directory, else a temp dir removed at shutdown when the
 * database itself is in memory (tests).
 */
@Injectable()
export class StudentFileStore implements OnModuleDestroy {
  readonly dir: string;
  private readonly temporary: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.temporary = !config.STUDENT_FILES_DIR && config.SSCARD_DATA_DIR === 'memory';
    if (this.temporary) {
      this.dir = mkdtempSync(join(tmpdir(), 'sscard-student-files-'));
    } else {
      // Created on the first upload, so a start that stores nothing leaves no folder behind.
      this.dir = resolve(
        config.STUDENT_FILES_DIR ?? join(dirname(config.SSCARD_DATA_DIR), 'student-files'),
      );
    }
  }

  onModuleDestroy(): void {
    if (this.temporary) rmSync(this.dir, { recursive: true, force: true });
  }

  private path(storedName: string): string {
    if (!STORED_NAME.test(storedName)) throw new Error(`bad stored name: ${storedName}`);
    return join(this.dir, storedName);
  }

  /**
   * Streams the upload to a new file while hashing and counting it, so memory stays flat. Over
   * `maxBytes` (by our count, or busboy's `truncated` at its own limit) the partial file is
   * deleted and FileTooBig thrown.
   */
  async write(source: Readable & { truncated?: boolean }, maxBytes: number): Promise<StoredFile> {
    const storedName = randomUUID();
    const path = this.path(storedName);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let bytes = 0;
    await mkdir(this.dir, { recursive: true });
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            bytes += chunk.length;
            if (bytes > maxBytes) throw new FileTooBig();
            if (headLength < HEAD_BYTES) {
              head.push(chunk.subarray(0, HEAD_BYTES - headLength));
              headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(path, { flags: 'wx' }),
      );
      if (source.truncated) throw new FileTooBig();
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { storedName, bytes, sha256: hash.digest('hex'), head: Buffer.concat(head) };
  }

  open(storedName: string): ReadStream {
    return createReadStream(this.path(storedName));
  }

  async remove(storedName: string): Promise<void> {
    await rm(this.path(storedName), { force: true });
  }
}
