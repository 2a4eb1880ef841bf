/**
 * The reader thread of an import (read-in-thread.ts starts it; bundled as
 * out/main/import-reader.js): streams the workbook with streamWorkbook and posts its rows in
 * batches, never more than the importer's credit allows ahead. Errors leave as code + params.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../../shared/errors';
import { LIMITS } from './limits';
import { BATCH_ROWS, CREDIT, type ImporterMessage, type ReaderInput, type ReaderMessage } from './read-in-thread';
import { streamWorkbook, type SheetRow } from './reader';

const input = workerData as ReaderInput;
// The limits of the importing thread (tests lower them), not this module's defaults.
Object.assign(LIMITS, input.limits);

let credit = CREDIT;
let skip = -1;
let more: (() => void) | null = null;
parentPort!.on('message', (m: ImporterMessage) => {
  if (m.t === 'credit') credit += m.n;
  else skip = m.sheet;
  more?.();
});

const post = (m: ReaderMessage) => parentPort!.postMessage(m);

async function send(m: ReaderMessage): Promise<void> {
  while (credit <= 0) await new Promise<void>((r) => (more = r));
  more = null;
  credit--;
  post(m);
}

async function read(): Promise<void> {
  let bytes = { read: 0, total: 0 };
  const wb = streamWorkbook(input.path, (read, total) => (bytes = { read, total }));
  let index = 0;
  for await (const ws of wb.sheets) {
    const i = index++;
    post({ t: 'sheet', name: ws.name });
    let rows: SheetRow[] = [];
    const flush = async () => {
      if (rows.length && skip !== i) await send({ t: 'rows', rows, fraction: ws.fraction(), ...bytes });
      rows = [];
    };
    for await (const row of ws.rows) {
      if (skip === i) break;
      rows.push(row);
      if (rows.length === BATCH_ROWS) await flush();
    }
    await flush();
    post({ t: 'sheetEnd' });
  }
  post({ t: 'end', hash: wb.hash() });
}

read().then(
  () => parentPort!.close(),
  (e: unknown) => {
    const typed = e instanceof UserError ? e : new UserError('import.corrupt', { detail: String((e as Error)?.message ?? e).slice(0, 200) });
    post({ t: 'error', code: typed.code, params: typed.params });
    parentPort!.close();
  },
);
