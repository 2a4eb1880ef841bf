/**
 * The customers and employees an import would create on the way (issue 14): a dry run of
 * master resolution over every row of the file, for the preview to list and the user to
 * confirm. The import then creates only confirmed masters, under the codes proposed here
 * (masters/resolve.ts), and refuses a row that needs one the user never saw.
 * Masters a kind imports as its own rows (a customer list's customers) are what the user
 * imports and are not listed; only those created as a side effect are.
 */
import type { ConfirmedMasters, NewMaster, NewMasters } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import { nameKey } from '../../../shared/text';
import type { Book } from '../book/book';
import { MasterResolver, type MasterTable } from '../masters/resolve';
import type { ImportKind, Mapping } from './columns';
import type { Candidate } from './kind';
import { kindHandler } from './kinds/index';
import { streamWorkbookInThread } from './read-in-thread';
import { rememberedMapping } from './run';
import { scanWorkbook } from './scan';

/** Row references listed per new master (the count is always exact). */
export const ROWS_SHOWN = 20;

type Named = { customer?: unknown; employee?: unknown; person?: unknown };
const text = (v: unknown) => (typeof v === 'string' && nameKey(v) ? v : null);
const both = (v: Named): [MasterTable, string | null][] => [['employee', text(v.employee)], ['customer', text(v.customer)]];

/**
 * Per kind: the tables whose new masters need confirming, and the names a parsed row
 * resolves, in the order the kind's commit resolves them (kinds/*.ts).
 */
const SIDE_MASTERS: Partial<Record<ImportKind, { tables: MasterTable[]; names: (v: Named) => [MasterTable, string | null][] }>> = {
  expenses: { tables: ['customer', 'employee'], names: both },
  timesheets: { tables: ['customer', 'employee'], names: both },
  'opening-balances': { tables: ['customer', 'employee'], names: (v) => [['customer', text(v.customer)], ['employee', text(v.employee)]] },
  vouchers: { tables: ['customer', 'employee'], names: (v) => [['customer', text(v.customer)], ['employee', text(v.employee)]] },
  revenue: { tables: ['customer'], names: (v) => [['customer', text(v.customer)]] },
  drivers: { tables: ['customer'], names: (v) => [['customer', text(v.customer)]] },
  // A customer list creates the account managers it names.
  customers: { tables: ['employee'], names: (v) => [['employee', text(v.person)]] },
};

/** The tables whose new masters a `kind` import creates only when confirmed. */
export const guardedTables = (kind: ImportKind): MasterTable[] => SIDE_MASTERS[kind]?.tables ?? [];

/** The resolver's `confirmed` option from a request's confirmed list, for the kind's guarded tables only. */
export function confirmedMap(kind: ImportKind, masters: ConfirmedMasters): Partial<Record<MasterTable, Map<string, string>>> {
  const lists: Record<MasterTable, ConfirmedMasters['customers']> = { customer: masters.customers, employee: masters.employees };
  return Object.fromEntries(guardedTables(kind).map((t) => [t, new Map(lists[t].map((m) => [nameKey(m.name), m.code]))]));
}

/**
 * Refuses, before a chunk is written, a row that names a master neither in the book nor
 * confirmed (the file changed since its preview): nothing of the import is written.
 */
export function masterGuard(kind: ImportKind, confirmed: Partial<Record<MasterTable, Map<string, string>>>, resolver: MasterResolver): (c: Candidate<unknown>) => void {
  const spec = SIDE_MASTERS[kind];
  if (!spec) return () => {};
  return (c) => {
    for (const [table, name] of spec.names(c.value as Named)) {
      if (name === null || !confirmed[table] || confirmed[table].has(nameKey(name)) || resolver.find(table, name) !== null) continue;
      throw new UserError('import.masterNotConfirmed', { sheet: c.sheet, row: c.row, what: table, name });
    }
  };
}

/** Every row of the file read (in a reader thread), nothing written; the masters it would create with their codes and rows. */
export async function proposeNewMasters(book: Book, req: { kind: ImportKind; path: string; mapping?: Mapping | undefined }, onProgress?: (fraction: number, rows: number) => void): Promise<NewMasters> {
  const spec = SIDE_MASTERS[req.kind];
  const none: NewMasters = { customers: [], employees: [] };
  if (!spec) return none;
  const dry = new MasterResolver(book, { dryRun: true });
  const rows = new Map<string, NewMaster['firstRows']>();
  await scanWorkbook(req.path, kindHandler(book, { kind: req.kind, as: 'claims' }), {
    kind: req.kind,
    mapping: req.mapping,
    remembered: (shape) => rememberedMapping(book, shape),
    open: streamWorkbookInThread,
    ...(onProgress ? { onProgress } : {}),
    onCandidate: (c) => {
      for (const [table, name] of spec.names(c.value as Named)) {
        if (name === null) continue;
        const { id } = table === 'customer' ? dry.customer(name) : dry.employee(name);
        if (id >= 0) continue;
        const key = `${table}${id}`;
        const at = rows.get(key) ?? rows.set(key, []).get(key)!;
        if (at.length < ROWS_SHOWN) at.push({ sheet: c.sheet, row: c.row });
      }
    },
  });
  const list = (table: MasterTable): NewMaster[] => dry.newMasters(table).map((m) => ({ code: m.code, name: m.name, rows: m.uses, firstRows: rows.get(`${table}${m.id}`) ?? [] }));
  return { customers: list('customer'), employees: list('employee') };
}
