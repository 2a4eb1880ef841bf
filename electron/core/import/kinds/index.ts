/** The import kinds by name. */
import type { Book } from '../../book/book';
import type { ImportOptions, KindHandler } from '../kind';
import { accountsKind } from './accounts';
import { driversKind, timesheetsKind } from './allocation-inputs';
import { expensesKind } from './expenses';
import { invoicesKind } from './invoices';
import { openingBalancesKind, vouchersKind } from './ledger-kinds';
import { customersKind, employeesKind } from './masters';
import { revenueKind } from './revenue';

export function kindHandler(book: Book, opts: ImportOptions): KindHandler<unknown> {
  const make = {
    expenses: () => expensesKind(book, opts),
    customers: () => customersKind(book),
    employees: () => employeesKind(book),
    accounts: () => accountsKind(book),
    revenue: () => revenueKind(book),
    drivers: () => driversKind(book),
    timesheets: () => timesheetsKind(book),
    'opening-balances': () => openingBalancesKind(book),
    vouchers: () => vouchersKind(book),
    invoices: () => invoicesKind(book),
  }[opts.kind];
  return make() as KindHandler<unknown>;
}
