import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpException, HttpStatus } from '@nestjs/common';
import { bi } from '@sscard/rules';
import type { ApiErrorBody } from '../../common/errors/api-errors.js';

/** 413: the uploaded file is over IMPORT_MAX_FILE_MB; nothing of it is kept. */
export class FileTooLarge extends HttpException {
  constructor(maxMb: number) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      error: 'payload_too_large',
      message: bi(
        `文件超过${maxMb} MB，请拆分后分批导入`,
        `The file is larger than ${maxMb} MB: split it and import the parts`,
      ),
    };
    super(body, HttpStatus.PAYLOAD_TOO_LARGE);
  }
}

export interface StoredUpload {
  path: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

/** The stored name is ours (the job id); the user's name only picks a harmless extension. */
export function storedPath(dir: string, jobId: string, fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return join(dir, `${jobId}${/^\.(xlsx|xlsm|xls|csv|txt)$/.test(ext) ? ext : '.bin'}`);
}

/** The user's file name as shown back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'upload').slice(0, 200);
}

/**
 * Streams one uploaded file to disk while hashing it: memory stays flat whatever the size.
 * Over the limit (busboy truncates the part), the partial file is deleted and 413 thrown.
 */
export async function storeUpload(
  file: Readable & { truncated?: boolean },
  path: string,
  fileName: string,
  maxMb: number,
): Promise<StoredUpload> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(
      file,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
  } catch (error) {
    await rm(path, { force: true });
    if (file.truncated) throw new FileTooLarge(maxMb);
    throw error;
  }
  if (file.truncated) {
    await rm(path, { force: true });
    throw new FileTooLarge(maxMb);
  }
  return { path, fileName, bytes, sha256: hash.digest('hex') };
}
