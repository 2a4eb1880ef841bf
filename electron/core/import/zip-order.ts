/**
 * exceljs' streaming reader parses a sheet while it inflates only once it has seen the
 * shared strings and the workbook's relationships (and it needs the styles to tell dates).
 * A sheet stored before them — Excel's own order, and exceljs' writer's — is first inflated
 * whole into a temp file and read back after the rest of the file: on a 200,000-row sheet
 * no row arrives for the first second and a half, and the sheet's XML is written and read
 * once more. Each zip entry is self-contained from its local header to the next one, so
 * the file can be streamed with its parts in the order the reader wants: every other part
 * first, then the sheets in their own order, then the central directory.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ZipDirectory } from './limits';

/** The parts exceljs reads as worksheets (its own pattern). */
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

export type ByteRange = [start: number, end: number];

/**
 * The file's byte ranges [start, end) in the order to stream them, or null when the file
 * is best streamed as it is: already in order, or laid out so that its entries do not
 * tile it (data before the first entry, overlapping entries), which the plain stream and
 * its error handling know how to meet.
 */
export function sheetsLastOrder(zip: ZipDirectory, size: number): ByteRange[] | null {
  // Without shared strings (inline strings, as openpyxl writes) exceljs parks every sheet in a
  // temp file whatever the order, so reordering gains nothing.
  if (!zip.entries.some((e) => e.name === 'xl/sharedStrings.xml')) return null;
  const entries = [...zip.entries].sort((a, b) => a.offset - b.offset);
  if (entries.length === 0 || entries[0]!.offset !== 0 || zip.directoryOffset > size) return null;
  const parts = entries.map((e, i) => {
    const end = i + 1 < entries.length ? entries[i + 1]!.offset : zip.directoryOffset;
    return { sheet: SHEET.test(e.name), range: [e.offset, end] as ByteRange };
  });
  if (parts.some((p) => p.range[1] <= p.range[0])) return null;
  const firstSheet = parts.findIndex((p) => p.sheet);
  const lastOther = parts.findLastIndex((p) => !p.sheet);
  if (firstSheet < 0 || firstSheet > lastOther) return null;
  return [...parts.filter((p) => !p.sheet), ...parts.filter((p) => p.sheet)].map((p) => p.range).concat([[zip.directoryOffset, size]]);
}

/** One stream of the file's ranges, one after another. */
export function rangesStream(path: string, ranges: ByteRange[], highWaterMark: number): Readable {
  async function* chunks() {
    for (const [start, end] of ranges) {
      if (end > start) yield* createReadStream(path, { start, end: end - 1, highWaterMark });
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark });
}
