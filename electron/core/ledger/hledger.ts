/**
 * Export to plain-text accounting (hledger / ledger journal format): every posted voucher
 * as a transaction, amounts in CNY with exactly two decimals, debits positive. Account
 * names are the chart path "5602 管理费用:560201 客户管理费:56020101 拜访差旅", so
 * `hledger bal` rolls sub-accounts up exactly as our trial balance does.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { writeAtomicSync } from '../files/paths';
import { formatFen } from '../../../shared/money';
import { sql } from 'kysely';
import type { Book } from '../book/book';
import type { Row } from '../db/query';
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
  const chart: AccountRow[] = book.db.all(book.q.selectFrom('account').select(['code', 'name', 'type']).orderBy('code'));
  const names = accountNames(chart);
  const info = book.info();
  write(`; ${clean(info.company)} — exported by client-ledger ${new Date().toISOString()}\n; book ${info.bookId}, standard ${info.standard}\n\ncommodity CNY 1000.00\n\n`);
  write(accountDirectives(chart, names));
  const query = book.q
    .selectFrom('voucher as v')
    .innerJoin('voucher_line as l', 'l.voucher_id', 'v.id')
    .select(['v.id', 'v.period', 'v.number', 'v.word', 'v.word_no as wordNo', 'v.date', 'v.memo as vmemo', 'l.account_code as account', 'l.debit_fen as debit', 'l.credit_fen as credit', 'l.memo'])
    .where('v.status', '=', sql.lit('posted'))
    .orderBy('v.period')
    .orderBy('v.number')
    .orderBy('l.line_no');
  // Raw prepare on purpose (the SQL is built and typed with Kysely): every posted line of the book is streamed (iterate), which book.db's all() would
  // hold in memory at once (a million lines on the bench book). One statement per export, not per line.
  const c = query.compile();
  const lines = book.sqlite.prepare(c.sql).iterate(...c.parameters) as IterableIterator<Row<typeof query>>;
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
  // `path` has passed outputPath (files/user-paths.ts); written to a temp file and renamed.
  return writeAtomicSync(path, (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      return { path, transactions: writeHledger(book, (c) => writeSync(fd, c)), text: null };
    } finally {
      closeSync(fd);
    }
  });
}
