/**
 * Reading a workbook row by row with exceljs' streaming reader: a 200,000-row sheet never
 * sits in memory. Before streaming, the file's first bytes tell a real .xlsx from an old
 * .xls, a password-protected workbook, a CSV or an empty file, so each gets its own clear
 * message. The file's hash (same-file detection, batch history) is read on its own, as the
 * parts may stream out of order (zip-order.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { type Duplex, PassThrough, type Readable, type Transform, type TransformCallback } from 'node:stream';
import type ExcelJS from 'exceljs';
import { UserError } from '../../../shared/errors';
import { plain, type Plain } from './values';
import { checkZipLimits, LIMITS, type ZipDirectory } from './limits';
import { rangesStream, sheetsLastOrder } from './zip-order';

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  /** Cells by 1-based column (index 0 unused), formulas and rich text unwrapped. */
  cells: Plain[];
}

export interface StreamSheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
  /** How far through this sheet, when it is read back from exceljs' temp file (else null). */
  fraction(): number | null;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** Throws the typed error for anything that is not a readable .xlsx; gives its size and zip directory. */
export function checkWorkbookFile(path: string): { size: number; zip: ZipDirectory } {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UserError('import.fileNotFound', { path });
  const size = statSync(path).size;
  if (size === 0) throw new UserError('import.emptyFile', { path });
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (startsWith(head, ZIP)) return { size, zip: checkZipLimits(path, size) };
  if (startsWith(head, OLE)) {
    // Office keeps an encrypted .xlsx inside an OLE container with an EncryptionInfo stream.
    const body = size <= 64 * 1024 * 1024 ? readFileSync(path) : Buffer.alloc(0);
    if (body.includes(Buffer.from('EncryptionInfo', 'utf16le')) || body.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new UserError('import.passwordProtected', { path });
    }
    throw new UserError('import.oldXls', { path });
  }
  const sample = readFileSync(path).subarray(0, 4096).toString('utf8');
  if (/^[^\0]*$/.test(sample) && /[,;\t]/.test(sample)) throw new UserError('import.csv', { path });
  throw new UserError('import.notXlsx', { path });
}

export interface WorkbookStream {
  sheets: AsyncGenerator<StreamSheet>;
  /** The file's sha256 (same-file detection, batch history). */
  hash(): string;
}

const corrupt = (e: unknown) =>
  e instanceof UserError ? e : new UserError('import.corrupt', { detail: String((e as Error)?.message ?? e).slice(0, 200) });

/**
 * Streams the sheets of an .xlsx. `onBytes(read, total)` reports progress by bytes of the
 * (compressed) file consumed. A damaged file throws import.corrupt at the point it breaks.
 *
 * exceljs does not pass every stream error on: a zip entry whose inflate fails makes
 * unzipper emit 'error' on its parser, while exceljs sits awaiting that entry's data (or a
 * temp-file copy of it) forever. So every error of the file, our pipe and the zip parser
 * settles `failed`, and each step of exceljs' iteration races it; a watchdog ends a read
 * that makes no progress at all.
 */
export function streamWorkbook(path: string, onBytes?: (read: number, total: number) => void): WorkbookStream {
  const { size, zip } = checkWorkbookFile(path);
  let read = 0;
  let lastProgress = Date.now();
  let fail!: (e: unknown) => void;
  const failed = new Promise<never>((_ok, reject) => (fail = reject));
  failed.catch(() => undefined); // handed to the pending step below; nobody may be waiting when it fails
  // The file's parts in the order exceljs streams best (zip-order.ts), or as stored.
  const order = sheetsLastOrder(zip, size);
  const file: Readable = order ? rangesStream(path, order, 256 * 1024) : createReadStream(path, { highWaterMark: 256 * 1024 });
  const pipe = new PassThrough({ highWaterMark: 256 * 1024 });
  file.on('data', (chunk: Buffer) => {
    read += chunk.length;
    lastProgress = Date.now();
    onBytes?.(read, size);
  });
  file.on('error', (e: Error) => {
    fail(e);
    pipe.destroy(e);
  });
  pipe.on('error', fail);
  file.pipe(pipe);
  decodeEntriesAsUtf8(pipe, fail);
  /**
   * One step of exceljs' iteration, or the error that stopped the stream under it.
   * Not Promise.race([next, failed]): every race adds a reaction to the long-lived `failed`,
   * which keeps each step's row alive until the file ends (a 200,000-row sheet: ~400 MB).
   */
  let failure: { e: unknown } | null = null;
  let rejectStep: ((e: unknown) => void) | null = null;
  void failed.catch((e: unknown) => {
    failure = { e };
    rejectStep?.(e);
  });
  /** Only time spent waiting on exceljs counts towards a stall, never a slow consumer. */
  let waiting = false;
  const step = <T>(next: Promise<IteratorResult<T>>): Promise<IteratorResult<T>> => {
    if (failure) return Promise.reject((failure as { e: unknown }).e);
    waiting = true;
    lastProgress = Date.now();
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      rejectStep = reject;
      next.then(resolve, reject);
    }).finally(() => {
      waiting = false;
      lastProgress = Date.now();
    });
  };

  async function* sheets(): AsyncGenerator<StreamSheet> {
    const watchdog = setInterval(() => {
      if (waiting && Date.now() - lastProgress > LIMITS.stallMs) fail(new Error(`no progress for ${Math.round(LIMITS.stallMs / 1000)} s`));
    }, 1000);
    watchdog.unref();
    try {
      // Loaded here, not at the top: an import reads in its reader thread, and the importing thread never needs exceljs.
      const { default: ExcelJS } = await import('exceljs');
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(pipe, {
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        worksheets: 'emit',
        entries: 'emit',
      } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
      const it = (reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string; id: string }>)[Symbol.asyncIterator]();
      for (let n = await step(it.next()); !n.done; n = await step(it.next())) {
        const ws = n.value;
        // A sheet exceljs parked in a temp file (sheets stored before the shared strings) is read back through a plain file stream.
        const tmp = (ws as unknown as { iterator?: { setEncoding?: (e: string) => void; bytesRead?: number; path?: unknown } }).iterator;
        tmp?.setEncoding?.('utf8');
        const size = typeof tmp?.path === 'string' && existsSync(tmp.path) ? statSync(tmp.path).size : 0;
        const fraction = () => (size > 0 && typeof tmp?.bytesRead === 'number' ? tmp.bytesRead / size : null);
        const name = sheetName(reader as unknown as ReaderInternals, ws.id) ?? ws.name;
        compactSharedStrings(reader as unknown as ReaderInternals);
        yield { name, rows: rowsOf(ws, name), fraction };
      }
    } catch (e) {
      throw corrupt(e);
    } finally {
      clearInterval(watchdog);
      file.destroy();
      pipe.destroy();
    }
  }

  async function* rowsOf(ws: AsyncIterable<ExcelJS.Row>, sheet: string): AsyncGenerator<SheetRow> {
    try {
      const it = ws[Symbol.asyncIterator]();
      for (let n = await step(it.next()); !n.done; n = await step(it.next())) {
        const row = n.value;
        if (row.number > LIMITS.rowsPerSheet) throw new UserError('limits.tooManyRows', { sheet, max: LIMITS.rowsPerSheet });
        // row.values is a fresh array per call: unwrap in place rather than copy (200,000 rows, 200,000 arrays fewer).
        const cells = row.values as unknown[] as Plain[];
        for (let i = 0; i < cells.length; i++) cells[i] = i === 0 ? null : plain(cells[i]);
        yield { number: row.number, cells };
      }
    } catch (e) {
      throw corrupt(e);
    }
  }

  let digest = '';
  return { sheets: sheets(), hash: () => (digest ||= hashFile(path)) };
}

/** The file's sha256, read in 1 MB steps (a 200 MB workbook never sits in memory). */
function hashFile(path: string): string {
  const sha = createHash('sha256');
  const buf = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) sha.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return sha.digest('hex');
}

/**
 * exceljs' streaming reader decodes each inflated chunk on its own (TextDecoder without
 * `stream: true`), so a Chinese character split across two chunks turns into ���
 * (客户活动费 → 客户活动���). Decoding each zip entry as a UTF-8 string stream (Node's
 * StringDecoder keeps a split character for the next chunk) fixes it at the source:
 * exceljs passes string chunks through untouched. The zip parser is the stream exceljs
 * pipes our input into; it pushes one object per entry before any of its data flows.
 */
function decodeEntriesAsUtf8(source: PassThrough, onError: (e: unknown) => void): void {
  const pipe = source.pipe.bind(source);
  const inflated = { bytes: 0 };
  source.pipe = (<T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }) => {
    // The zip parser: where unzipper reports a bad signature or an entry whose inflate failed.
    (dest as unknown as NodeJS.EventEmitter).on('error', onError);
    holdEndUntilDirectory(dest as unknown as Duplex);
    (dest as unknown as NodeJS.EventEmitter).on('data', (entry: unknown) => {
      const e = entry as { setEncoding?: (enc: string) => void; path?: unknown; on?: (ev: string, f: (err: unknown) => void) => void };
      if (e && typeof e === 'object' && typeof e.path === 'string' && typeof e.setEncoding === 'function') {
        e.setEncoding('utf8');
        e.on?.('error', onError);
        countInflated(e as unknown as Transform, inflated, onError);
      }
    });
    return pipe(dest, opts);
  }) as typeof source.pipe;
}

/**
 * unzipper's Parse emits 'end' as soon as its writable side finishes, that is once the whole
 * file has been handed to it, not once it has parsed it. exceljs stops reading entries at
 * that 'end': when it was still writing a sheet to its temp file (a loaded machine, a
 * workbook without shared strings) the entries after it, workbook.xml and its relationships
 * among them, were never read and the import failed as corrupt, or a last sheet went
 * missing (seen: 14 of 300 reads of a three-sheet form under load). The parser pushes null
 * when it has read the end of the central directory; 'end' and 'close' before that are
 * held back, and Node's own 'end' follows that push. A file cut short still fails: the
 * parser then reports FILE_ENDED as an error.
 */
function holdEndUntilDirectory(parser: Duplex): void {
  let done = false;
  const push = parser.push.bind(parser);
  parser.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null) done = true;
    return push(chunk, encoding);
  };
  const emit = parser.emit.bind(parser) as (event: string | symbol, ...args: unknown[]) => boolean;
  parser.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (!done && (event === 'end' || event === 'close')) return false;
    return emit(event, ...args);
  }) as typeof parser.emit;
}

/**
 * The central directory's sizes are the file's word for it; a hostile zip can declare a
 * few kilobytes and inflate gigabytes. Every inflated byte passes through an entry's
 * transform on its way to exceljs: counted there, the real total is bounded.
 */
function countInflated(entry: Transform, total: { bytes: number }, onError: (e: unknown) => void): void {
  const transform = entry._transform.bind(entry);
  entry._transform = (chunk: Buffer | string, enc: BufferEncoding, cb: TransformCallback) => {
    total.bytes += chunk.length;
    if (total.bytes > LIMITS.uncompressedBytes) {
      const e = new UserError('limits.inflatesTooMuch', { mb: Math.round(total.bytes / (1024 * 1024)), max: Math.round(LIMITS.uncompressedBytes / (1024 * 1024)) });
      onError(e);
      cb(e);
      return;
    }
    transform(chunk, enc, cb);
  };
}

interface ReaderInternals {
  sharedStrings?: unknown[] & { compacted?: boolean };
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/**
 * exceljs builds each shared string from the XML parser's text events, which V8 keeps as
 * slices of the parser's chunks: every chunk of sharedStrings.xml stays alive as long as one
 * string points into it, so the table costs several times its text (measured: the reader's
 * heap 20 MB smaller for 300,000 strings). One JSON round trip makes every string its own copy and lets
 * the chunks go; the sheets read afterwards look strings up in the same array.
 */
function compactSharedStrings(reader: ReaderInternals): void {
  const table = reader.sharedStrings;
  if (!Array.isArray(table) || table.compacted) return;
  const copy = JSON.parse(JSON.stringify(table)) as unknown[];
  for (let i = 0; i < copy.length; i++) table[i] = copy[i];
  table.compacted = true;
}

/**
 * exceljs' streaming reader names every sheet "Sheet<n>"; the real name is in workbook.xml,
 * linked to the part xl/worksheets/sheet<n>.xml through the workbook's relationships.
 */
function sheetName(reader: ReaderInternals, sheetNo: string): string | undefined {
  const rel = reader.workbookRels?.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${sheetNo}.xml`);
  return rel ? reader.model?.sheets?.find((sh) => sh.rId === rel.Id)?.name : undefined;
}
