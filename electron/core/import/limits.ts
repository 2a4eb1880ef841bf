/**
 * Limits that keep a hostile or broken workbook from exhausting the machine, checked from
 * the zip's central directory before a single byte is inflated: file size, total
 * decompressed size, and the compression ratio of big entries (a zip bomb inflates a few
 * kilobytes into gigabytes). Row and cell limits apply while reading (Excel's own limits).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { UserError } from '../../../shared/errors';

export const LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  uncompressedBytes: 1024 * 1024 * 1024,
  /** Ratios above this on entries bigger than ratioFloorBytes are refused. */
  ratio: 200,
  ratioFloorBytes: 20 * 1024 * 1024,
  entries: 10_000,
  /** exceljs holds the whole shared-string table in memory while the sheets stream: cap it. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** With no byte read and no row parsed for this long while exceljs is asked for more, the read is stuck: refused, never a hang. */
  stallMs: 30_000,
  /** Excel's own limits. */
  rowsPerSheet: 1_048_576,
  cellChars: 32_767,
};

const mb = (n: number) => Math.round(n / (1024 * 1024));

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Where the entry's local header starts in the file. */
  offset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: the entries' data all lie before it. */
  directoryOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** The zip's central directory (names, sizes, offsets), or null when it has none we can read. */
export function zipDirectory(path: string, size: number): ZipDirectory | null {
  const fd = openSync(path, 'r');
  try {
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) return null;
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    for (let at = 0; at + 46 <= cd.length && entries.length < count; ) {
      if (cd.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = cd.readUInt16LE(at + 28);
      entries.push({
        compressed: cd.readUInt32LE(at + 20),
        uncompressed: cd.readUInt32LE(at + 24),
        offset: cd.readUInt32LE(at + 42),
        name: cd.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      });
      at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    return { entries, directoryOffset: cdOffset };
  } finally {
    closeSync(fd);
  }
}

/** Throws a typed error naming the limit a workbook breaks; returns its directory when it is within all. */
export function checkZipLimits(path: string, size: number): ZipDirectory {
  if (size > LIMITS.fileBytes) throw new UserError('limits.fileTooBig', { mb: mb(size), max: mb(LIMITS.fileBytes) });
  const zip = zipDirectory(path, size);
  if (!zip) throw new UserError('import.corrupt', { detail: 'zip central directory' });
  const { entries } = zip;
  if (entries.length > LIMITS.entries) throw new UserError('limits.tooManyParts', { count: entries.length });
  let total = 0;
  for (const e of entries) {
    // 0xFFFFFFFF marks ZIP64 sizes: more than 4 GB inflated, far past any limit of ours.
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw new UserError('limits.inflatesTooMuch', { mb: 4096, max: mb(LIMITS.uncompressedBytes) });
    total += e.uncompressed;
    if (/(^|\/)sharedStrings\.xml$/i.test(e.name) && e.uncompressed > LIMITS.sharedStringsBytes) {
      throw new UserError('limits.inflatesTooMuch', { mb: mb(e.uncompressed), max: mb(LIMITS.sharedStringsBytes) });
    }
    if (e.uncompressed > LIMITS.ratioFloorBytes && e.uncompressed > e.compressed * LIMITS.ratio) {
      throw new UserError('limits.zipBomb', { part: e.name, ratio: Math.round(e.uncompressed / Math.max(1, e.compressed)) });
    }
  }
  if (total > LIMITS.uncompressedBytes) throw new UserError('limits.inflatesTooMuch', { mb: mb(total), max: mb(LIMITS.uncompressedBytes) });
  return zip;
}
