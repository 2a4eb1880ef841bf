/**
 * The import's reading half on a second core. exceljs' XML parsing is about half of a big
 * import and SQLite's writes the other half; both are CPU-bound on one thread each, so the
 * workbook is streamed in a reader thread (read-worker.ts, bundled as out/main/import-reader.js)
 * while the import's thread parses and writes the rows already read. The reader sends rows
 * in batches and may run at most CREDIT batches ahead of the writer: memory stays flat
 * however big the sheet. The stream looks exactly like streamWorkbook's (same sheets, rows,
 * errors, limits and hash), so scanning does not know which one it reads.
 */
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorParams } from '../../../shared/errors';
import type { MessageCode } from '../../../shared/messages/index';
import { workerScript } from '../jobs/worker-script';
import { LIMITS } from './limits';
import type { SheetRow, StreamSheet, WorkbookStream } from './reader';

/** Rows per message: large enough that messaging costs little, small enough to keep both threads busy. */
export const BATCH_ROWS = 500;
/** Batches the reader may send before the writer has taken them. */
export const CREDIT = 8;
/**
 * The reader's heap. At any moment exceljs holds ~1.5 MB of row objects that outlive two
 * scavenges, so they are promoted and the old generation fills with garbage at ~150 MB/s. V8 lets an
 * old generation grow by a factor that rises with its cap (about 1.3× at 256 MB, 1.6× at
 * 1 GB, 4× at 2 GB): at 256 MB the reader ran a full collection every ~90 ms (57 per
 * 200,000 rows), at 1 GB half as many, and the whole import went from 7.2–8.6 s to
 * 5.9–6.3 s; its peak RSS grew by ~10 MB (2 GB cost 70 MB more). The young generation at
 * V8's largest semi-space (16 MB × 3) halves the scavenges. The cap still stops a
 * runaway reader (the shared-string table is limited to 256 MB of XML).
 */
const READER_HEAP = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 48 };

export interface ReaderInput {
  path: string;
  limits: typeof LIMITS;
}

/** Reader → importer. */
export type ReaderMessage =
  | { t: 'sheet'; name: string }
  | { t: 'rows'; rows: SheetRow[]; fraction: number | null; read: number; total: number }
  | { t: 'sheetEnd' }
  | { t: 'end'; hash: string }
  | { t: 'error'; code: string; params: ErrorParams };

/** Importer → reader: more room, or "stop sending this sheet" (the scan left it). */
export type ImporterMessage = { t: 'credit'; n: number } | { t: 'skip'; sheet: number };

export function streamWorkbookInThread(path: string, onBytes?: (read: number, total: number) => void): WorkbookStream {
  const { script, eval: isCode } = workerScript(import.meta.url, 'read-worker.ts', 'import-reader');
  const input: ReaderInput = { path, limits: { ...LIMITS } };
  const worker = new Worker(script, { eval: isCode, workerData: input, resourceLimits: READER_HEAP });
  const tell = (m: ImporterMessage) => worker.postMessage(m);

  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const arrive = (m: ReaderMessage) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', arrive);
  // A reader that dies (out of memory, a bug) fails the import typed, as a job that crashed
  // (the file may be fine); it never leaves the import waiting. Its errors about the file come as messages.
  worker.on('error', (e) => arrive({ t: 'error', code: 'job.crashed', params: { detail: String(e.message).slice(0, 200) } }));
  worker.on('exit', (code) => {
    if (!finished) arrive({ t: 'error', code: 'job.crashed', params: { detail: `reader exited (${code})` } });
  });

  async function next(): Promise<ReaderMessage> {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    wake = null;
    const m = queue.shift()!;
    if (m.t === 'error') throw new UserError(m.code as MessageCode, m.params);
    if (m.t === 'rows') {
      tell({ t: 'credit', n: 1 });
      onBytes?.(m.read, m.total);
    }
    return m;
  }

  let digest = '';
  let fraction: number | null = null;
  let sheetDone = true;

  async function* rowsOf(): AsyncGenerator<SheetRow> {
    for (let m = await next(); m.t !== 'sheetEnd'; m = await next()) {
      if (m.t !== 'rows') throw new Error(`reader sent ${m.t} inside a sheet`);
      fraction = m.fraction;
      for (const row of m.rows) yield row;
    }
    sheetDone = true;
  }

  async function* sheets(): AsyncGenerator<StreamSheet> {
    try {
      for (let index = 0; ; index++) {
        const m = await next();
        if (m.t === 'end') {
          digest = m.hash;
          return;
        }
        if (m.t !== 'sheet') throw new Error(`reader sent ${m.t} between sheets`);
        sheetDone = false;
        yield { name: m.name, rows: rowsOf(), fraction: () => fraction };
        // The scan left this sheet (or never read it): the reader stops sending it; what is on the way is dropped.
        if (!sheetDone) {
          tell({ t: 'skip', sheet: index });
          while ((await next()).t !== 'sheetEnd');
          sheetDone = true;
        }
      }
    } finally {
      finished = true;
      void worker.terminate();
    }
  }

  return { sheets: sheets(), hash: () => digest };
}
