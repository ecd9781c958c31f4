import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { reject, SheetRejected } from './sheet-limits.js';

/**
 * A hand-written walk of a zip's central directory. Nothing it reads is trusted for sizes: the
 * inspector inflates every part and counts the bytes that actually come out. The walk also makes
 * sure the local entries follow each other with no gaps, because exceljs reads the file front to
 * back by its local headers: an entry hidden between the listed ones would otherwise be read by
 * exceljs without ever being inspected.
 */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
  /** Where the entry's compressed bytes start (after its local header). */
  dataStart: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
/** Data descriptor: optional signature, CRC, two sizes of 4 or 8 bytes. */
const MAX_DESCRIPTOR_BYTES = 24;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;

const corrupt = (zh: string, en: string) => reject.corruptZip(zh, en);

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt('文件被截断', 'the file is truncated');
  return buffer;
}

function u64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('大小字段无效', 'invalid size field');
  return Number(value);
}

interface Directory {
  offset: number;
  size: number;
  count: number;
  /** Where the directory must end: the (zip64) end record. */
  end: number;
}

async function findDirectory(handle: FileHandle, fileSize: number): Promise<Directory> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt('找不到压缩目录', 'no zip directory found');
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) {
    throw corrupt('分卷压缩文件', 'a multi-part archive');
  }
  const eocd = tailStart + at;
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  let end = eocd;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (eocd < 20) throw corrupt('压缩目录不完整', 'incomplete zip directory');
    const locator = await readAt(handle, eocd - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) {
      throw corrupt('压缩目录不完整', 'incomplete zip directory');
    }
    end = u64(locator, 8);
    if (end + 56 > eocd) throw corrupt('压缩目录不完整', 'incomplete zip directory');
    const record = await readAt(handle, end, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIG) {
      throw corrupt('压缩目录不完整', 'incomplete zip directory');
    }
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (offset + size > end) throw corrupt('压缩目录位置无效', 'the zip directory is out of place');
  if (count > MAX_ENTRIES || size > MAX_DIRECTORY_BYTES) {
    throw corrupt('压缩包内文件过多', 'too many parts in the archive');
  }
  return { offset, size, count, end };
}

interface CentralRecord {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function parseCentral(dir: Buffer, count: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL_SIG) {
      throw corrupt('压缩目录不完整', 'incomplete zip directory');
    }
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > dir.length) throw corrupt('压缩目录不完整', 'incomplete zip directory');
    let compressedSize = dir.readUInt32LE(at + 20);
    let localOffset = dir.readUInt32LE(at + 42);
    const uncompressed32 = dir.readUInt32LE(at + 24);
    // zip64: the fields that overflow are in the 0x0001 extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = dir.readUInt16LE(extra);
      const length = dir.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        if (uncompressed32 === 0xffffffff) p += 8;
        if (compressedSize === 0xffffffff && p + 8 <= extra + 4 + length) {
          compressedSize = u64(dir, p);
          p += 8;
        }
        if (localOffset === 0xffffffff && p + 8 <= extra + 4 + length) localOffset = u64(dir, p);
      }
      extra += 4 + length;
    }
    records.push({
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      flags: dir.readUInt16LE(at + 8),
      method: dir.readUInt16LE(at + 10),
      compressedSize,
      localOffset,
    });
    at = next;
  }
  return records;
}

/** The entries in file order, checked: listed once, local header agrees, no gaps between them. */
export async function readZipEntries(handle: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const dir = await findDirectory(handle, fileSize);
  const records = parseCentral(await readAt(handle, dir.offset, dir.size), dir.count);
  records.sort((a, b) => a.localOffset - b.localOffset);
  const names = new Set<string>();
  const entries: ZipEntry[] = [];
  let expected = 0;
  let slack = 0;
  for (const record of records) {
    if (record.flags & FLAG_ENCRYPTED) throw reject.encrypted();
    if (names.has(record.name)) {
      throw corrupt(`“${record.name}”重复出现`, `"${record.name}" appears twice`);
    }
    names.add(record.name);
    if (record.method !== 0 && record.method !== 8) {
      throw corrupt('使用了不支持的压缩方式', 'an unsupported compression method');
    }
    if (record.localOffset < expected || record.localOffset > expected + slack) {
      throw corrupt('压缩包结构异常', 'unexpected data between the parts of the archive');
    }
    const local = await readAt(handle, record.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_SIG) throw corrupt('压缩包结构异常', 'bad local header');
    const nameLength = local.readUInt16LE(26);
    const localName = await readAt(handle, record.localOffset + 30, nameLength);
    if (localName.toString('utf8') !== record.name || local.readUInt16LE(8) !== record.method) {
      throw corrupt('压缩目录与内容不一致', 'the zip directory does not match its content');
    }
    const dataStart = record.localOffset + 30 + nameLength + local.readUInt16LE(28);
    expected = dataStart + record.compressedSize;
    slack = record.flags & FLAG_DESCRIPTOR ? MAX_DESCRIPTOR_BYTES : 0;
    if (expected > dir.offset) throw corrupt('压缩包结构异常', 'a part runs past its end');
    entries.push({ ...record, dataStart });
  }
  if (dir.offset < expected || dir.offset > expected + slack) {
    throw corrupt('压缩包结构异常', 'unexpected data before the zip directory');
  }
  return entries;
}

/**
 * Streams one entry's inflated bytes to `onData`, which may throw (a SheetRejected) to stop early:
 * the read stream and the inflater are destroyed at once, so a bomb is never inflated further.
 */
export async function inflateEntry(
  path: string,
  entry: ZipEntry,
  onData: (chunk: Buffer) => void,
): Promise<void> {
  if (entry.compressedSize === 0) return;
  const source = createReadStream(path, {
    start: entry.dataStart,
    end: entry.dataStart + entry.compressedSize - 1,
    highWaterMark: 64 * 1024,
  });
  // pipeline reports a sink's own error as an AbortError, so the sink keeps it.
  let stopped: unknown;
  const sink = async (input: AsyncIterable<Buffer>) => {
    for await (const chunk of input) {
      try {
        onData(chunk);
      } catch (error) {
        stopped = error;
        throw error;
      }
    }
  };
  try {
    if (entry.method === 0) await pipeline(source, sink);
    else await pipeline(source, createInflateRaw({ chunkSize: 64 * 1024 }), sink);
  } catch (error) {
    if (stopped !== undefined) throw stopped;
    if (error instanceof SheetRejected) throw error;
    throw corrupt(`“${entry.name}”无法解压`, `"${entry.name}" cannot be inflated`);
  }
}

/** A small part (workbook.xml, its relationships) as text, refused beyond `max` bytes. */
export async function inflateText(path: string, entry: ZipEntry, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  await inflateEntry(path, entry, (chunk) => {
    total += chunk.length;
    if (total > max) throw reject.zipBombSize(max);
    chunks.push(chunk);
  });
  return Buffer.concat(chunks).toString('utf8');
}
