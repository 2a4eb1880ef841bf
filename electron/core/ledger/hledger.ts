/**
 * Export to plain-text accounting (hledger / ledger journal format): every posted voucher
 * as a transaction, amounts in CNY with exactly two decimals, debits positive. Account
 * names are the chart path "5602 管理费用:560201 客户管理费:56020101 拜访差旅", so
 * `hledger bal` rolls sub-accounts up exactly as our trial balance does.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { UserError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import type { Book } from '../book/book';
import { voucherLabel } from './vouchers';

/** hledger reads ':' as a level separator, ';' as a comment and two spaces as the end of a name. */
const text = (s: string) => s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').replace(/;/g, '；').trim();
const clean = (s: string) => text(s).replace(/:/g, '：');

interface AccountRow { code: string; name: string; type: string }

function accountNames(rows: AccountRow[]): Map<string, string> {
  const label = new Map(rows.map((r) => [r.code, `${r.code} ${clean(r.name)}`]));
  const full = new Map<string, string>();
  for (const { code } of rows) full.set(code, [4, 6, 8].filter((n) => n <= code.length).map((n) => label.get(code.slice(0, n)) ?? code.slice(0, n)).join(':'));
  return full;
}

/**
 * hledger's account types (hledger manual, "Account types": A L E R X), so `hledger bs` and
 * `hledger is` sort our chart as a balance sheet and income statement would. 成本类 accounts
 * (生产成本, 劳务成本 …) end in inventory on the balance sheet: assets.
 */
const HLEDGER_TYPE: Record<string, string> = { asset: 'A', liability: 'L', equity: 'E', cost: 'A', revenue: 'R', expense: 'X' };

/** `account` directives for the whole chart, so `hledger check accounts` (strict mode) passes. */
function accountDirectives(rows: AccountRow[], names: Map<string, string>): string {
  return rows.map((r) => `account ${names.get(r.code)}  ; type: ${HLEDGER_TYPE[r.type] ?? 'A'}\n`).join('');
}

const amount = (fen: number) => `CNY ${formatFen(fen, { grouping: false })}`;

/** Streams the journal to `write` in chunks; returns the number of transactions. */
export function writeHledger(book: Book, write: (chunk: string) => void): number {
  const chart = book.sqlite.prepare(`SELECT code, name, type FROM account ORDER BY code`).all() as AccountRow[];
  const names = accountNames(chart);
  const info = book.info();
  write(`; ${clean(info.company)} — exported by client-ledger ${new Date().toISOString()}\n; book ${info.bookId}, standard ${info.standard}\n\ncommodity CNY 1000.00\n\n`);
  write(accountDirectives(chart, names));
  const lines = book.sqlite
    .prepare(
      `SELECT v.id, v.period, v.number, v.word, v.word_no AS wordNo, v.date, v.memo AS vmemo, l.account_code AS account, l.debit_fen AS debit, l.credit_fen AS credit, l.memo
         FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
        WHERE v.status = 'posted' ORDER BY v.period, v.number, l.line_no`,
    )
    .iterate() as IterableIterator<{ id: number; period: string; number: number; word: string; wordNo: number; date: string; vmemo: string; account: string; debit: number; credit: number; memo: string }>;
  let current = -1;
  let count = 0;
  let buf: string[] = [];
  for (const l of lines) {
    if (l.id !== current) {
      current = l.id;
      count++;
      const no = voucherLabel(l.word, l.wordNo);
      buf.push(`\n${l.date} (${l.period} ${no}) ${text(l.vmemo) || no}\n`);
      if (buf.length > 2000) {
        write(buf.join(''));
        buf = [];
      }
    }
    const fen = l.debit !== 0 ? l.debit : -l.credit;
    const memo = text(l.memo);
    buf.push(`    ${names.get(l.account) ?? l.account}  ${amount(fen)}${memo ? `  ; ${memo}` : ''}\n`);
  }
  write(buf.join(''));
  return count;
}

export function exportHledger(book: Book, path: string | undefined): { path: string | null; transactions: number; text: string | null } {
  if (!path) {
    const chunks: string[] = [];
    const transactions = writeHledger(book, (c) => chunks.push(c));
    return { path: null, transactions, text: chunks.join('') };
  }
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new UserError('ledger.exportFailed', { path, detail: (e as Error).message });
  }
  try {
    return { path, transactions: writeHledger(book, (c) => writeSync(fd, c)), text: null };
  } finally {
    closeSync(fd);
  }
}
