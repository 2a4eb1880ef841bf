/** `import KIND BOOK FILE [--sheet NAME] [--as claims|vouchers] [--rejects OUT.xlsx]`, `export claim-template` */
import { resolve } from 'node:path';
import { formatFen } from '../../../shared/money';
import { importKindSchema, type ImportSummary } from '../../../shared/contract/import';
import type { Req } from '../../../shared/contract/index';
import { outputPath } from '../../core/files/user-paths';
import { waitJob } from '../../core/jobs/runner';
import { CliUsageError, type CliContext, type Command } from '../run';

const USAGE = 'import KIND BOOK FILE [--sheet NAME] [--as claims|vouchers] [--rejects OUT.xlsx]\n  KIND: ' + importKindSchema.options.join(' | ');

/**
 * The import as the app runs it: `import.start` in a job worker (its 256 MB heap cap keeps a
 * 200,000-row import under 300 MB; on the CLI's own thread it grew to 337 MB), waited for by
 * the one job protocol's `waitJob`. A failed job throws the same typed error (exit 2) the
 * import would have thrown.
 */
async function importInJob(call: CliContext['call'], req: Req<'import.start'>): Promise<ImportSummary> {
  const { jobId } = await call('import.start', req);
  return waitJob<ImportSummary>(jobId);
}

const run: Command = async ({ args, flags, open, call, session }) => {
  const [kindArg, bookPath, file] = args;
  const kind = importKindSchema.safeParse(kindArg);
  if (!kind.success || !bookPath || !file) throw new CliUsageError(USAGE);
  const as = flags.as ?? 'claims';
  if (as !== 'claims' && as !== 'vouchers') throw new CliUsageError(`--as must be claims or vouchers\n${USAGE}`);
  await open(bookPath);
  // The rejects file is checked before anything is imported: a refused path means nothing was written (exit 2).
  const rejects = typeof flags.rejects === 'string' ? outputPath(session, resolve(flags.rejects)) : undefined;
  const s = await importInJob(call, { kind: kind.data, path: resolve(file), as, ...(typeof flags.sheet === 'string' ? { sheet: flags.sheet } : {}) });
  if (rejects) await call('import.rejects', { batchId: s.batchId, path: rejects });
  const json = {
    batchId: s.batchId,
    rowsRead: s.rowsRead,
    accepted: s.accepted,
    rejected: s.rejected,
    duplicates: s.duplicates,
    skipped: s.skipped,
    acceptedTotalFen: s.acceptedTotalFen,
    byCategory: s.byCategory,
    createdCustomers: s.createdCustomers,
    createdEmployees: s.createdEmployees,
    // Unattended, the command line creates the masters it needs (no confirmation) and says which, under which codes.
    newMasters: s.newMasters,
    sheets: s.sheets.map((x) => ({ name: x.name, headerRow: x.headerRow, rowsRead: x.rowsRead, accepted: x.accepted, rejected: x.rejected, duplicates: x.duplicates, skipped: x.skipped })),
    rejects: s.rejects.map((r) => ({ sheet: r.sheet, row: r.row, reason: r.reason })),
    duplicateRows: s.duplicateRows.map((d) => ({ sheet: d.sheet, row: d.row })),
    // Present when the file held 费用报销单 forms (a table's summary keeps its keys as they were).
    ...(s.forms.length ? { forms: s.forms.map((f) => ({ sheet: f.sheet, formNo: f.formNo, employee: f.employee, lines: f.lines, totalFen: f.totalFen, ...(f.reason ? { reason: f.reason } : {}) })) } : {}),
  };
  const text = [
    `batch #${s.batchId}: read ${s.rowsRead}, accepted ${s.accepted} (${formatFen(s.acceptedTotalFen)}), rejected ${s.rejected}, duplicates ${s.duplicates}, skipped ${s.skipped}`,
    `created ${s.createdCustomers} customers, ${s.createdEmployees} employees`,
    ...s.newMasters.customers.map((m) => `  new customer ${m.code} ${m.name} (${m.rows} rows)`),
    ...s.newMasters.employees.map((m) => `  new employee ${m.code} ${m.name} (${m.rows} rows)`),
    ...s.sheets.map((x) => `  ${x.name} (header row ${x.headerRow}): read ${x.rowsRead}, accepted ${x.accepted}, rejected ${x.rejected}, duplicates ${x.duplicates}, skipped ${x.skipped}`),
    ...s.forms.map((f) => `  form ${f.formNo || '—'} (${f.sheet}, ${f.employee}): ${f.lines} lines, ${formatFen(f.totalFen)}${f.reason ? ` — ${f.reason}` : ''}`),
    ...s.rejects.map((r) => `  rejected ${r.sheet}!${r.row}: ${r.reason}`),
    ...s.policy.map((p) => `  policy ${p.action} ${p.sheet}!${p.row}: ${p.message}`),
  ].join('\n');
  return { json, text };
};

const undo: Command = async ({ args, open, call }) => {
  const [bookPath, id] = args;
  if (!bookPath || !id || !/^\d+$/.test(id)) throw new CliUsageError('import undo BOOK BATCH_ID');
  await open(bookPath);
  const r = await call('import.undo', { batchId: Number(id) });
  return { json: r, text: `undone batch #${r.batchId}: ${r.deletedClaims} claims deleted, ${r.reversedVouchers} vouchers reversed, ${r.deletedMasters} masters removed` };
};

const batches: Command = async ({ args, open, call }) => {
  await open(args[0]);
  const list = await call('import.batches', { limit: 100 });
  return { json: list, text: list.map((b) => `#${b.id} ${b.createdAt} ${b.kind} ${b.fileName}: ${b.accepted}/${b.rowsRead}${b.undoneAt ? ' (undone)' : ''}`).join('\n') };
};

/** `export claim-template BOOK --out FILE.xlsx [--employee CODE]`: the 费用报销单 form to send out (import/claim-template.ts). */
const claimTemplate: Command = async ({ args, flags, open, call }) => {
  const usage = 'export claim-template BOOK --out FILE.xlsx [--employee CODE]';
  if (!args[0] || typeof flags.out !== 'string') throw new CliUsageError(usage);
  await open(args[0]);
  const r = await call('import.claimTemplate', { path: resolve(flags.out), ...(typeof flags.employee === 'string' ? { employee: flags.employee } : {}) });
  return { json: r, text: `${r.path}: ${r.sheets.length} forms (${r.sheets.join(', ')})` };
};

export const importCommands = { 'import undo': undo, 'import batches': batches, 'export claim-template': claimTemplate, import: run };
