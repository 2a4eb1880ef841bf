/**
 * Keyset pages of posted lines for the big grids: the detail ledger (明细账) of an account
 * and its sub-accounts with a running balance, and the journal (序时账). Both stay fast on
 * a million lines: the detail ledger reads one period at a time through ix_line_account
 * (sorting one account-month, not the book) and skips empty months via ledger_total; the
 * journal walks voucher(period, date, number) (migration 0800) and each voucher's lines in order.
 * Cursors are opaque to the screen: "period|number|line|balance" (journal: "period|date|number|line").
 */
import type { LedgerLineRow } from '../../../shared/contract/ledger';
import type { Page } from '../../../shared/contract/define';
import type { Book } from '../book/book';
import { voucherLabel } from './vouchers';
import { sql } from 'kysely';
import { exactFen, PART_DIVISOR, partSum } from '../reports/exact';

/** The running balance is a BigInt: past 2^53 fen a double would drift a fen per line (issue 16). */
interface Cursor {
  period: string;
  number: number;
  line: number;
  balance: bigint;
}

const encode = (c: Cursor) => `${c.period}|${c.number}|${c.line}|${c.balance}`;
function decode(s: string): Cursor {
  const [period = '', number = '0', line = '0', balance = '0'] = s.split('|');
  // A cursor is the screen's to return unchanged; a mangled balance reads as 0 rather than throwing.
  return { period, number: Number(number), line: Number(line), balance: /^-?\d{1,30}$/.test(balance) ? BigInt(balance) : 0n };
}

/** A line as the queries select it: the contract row before its key, voucher number text and balance are made. */
type LineDb = Omit<LedgerLineRow, 'key' | 'period' | 'no' | 'balanceFen'> & { number: number };

/** The account and every account below it (4-2-2 codes: the family shares the prefix). */
export function accountFamily(book: Book, code: string): string[] {
  return book.db
    .all(book.q.selectFrom('account').select('code').where((eb) => eb.or([eb('code', '=', code), eb.and([eb('code', '>', code), eb('code', '<', `${code}:`)])])))
    .map((r) => r.code);
}

/** Σ(debit − credit) of posted lines before `from`, for a set of accounts, exactly (partSums: past 2^63 SUM() alone throws). */
export function openingBalance(book: Book, accounts: string[], from: string): bigint {
  const r = book.db.firstExact(
    book.q
      .selectFrom('ledger_total')
      .select([sql<number>`SUM((debit_fen - credit_fen) / ${sql.lit(PART_DIVISOR)})`.as('b_q'), sql<number>`SUM((debit_fen - credit_fen) % ${sql.lit(PART_DIVISOR)})`.as('b_r')])
      .where('period', '<', from)
      .where('account_code', 'in', accounts),
  )!;
  return partSum(r, 'b');
}

export function detailPage(book: Book, req: { account: string; from: string; to: string; after?: string | null | undefined; limit: number }): Page<LedgerLineRow> {
  const family = accountFamily(book, req.account);
  if (family.length === 0) return { rows: [], next: null };
  const rows: LedgerLineRow[] = [];
  // The period sequence of each row (the cursor's key; `no` shows the 字号, which differs in a 收/付/转 book).
  const numbers: number[] = [];
  const balances: bigint[] = [];
  // A balance the contract's number cannot hold exactly is refused (report.sumTooLarge), never shown a fen off.
  const shown = (b: bigint) => exactFen(b, 'detailLedger', req.account);
  let c: Cursor;
  if (req.after) c = decode(req.after);
  else {
    numbers.push(0);
    c = { period: req.from, number: 0, line: 0, balance: openingBalance(book, family, req.from) };
    balances.push(c.balance);
    rows.push({ key: 'opening', date: '', period: req.from, voucherId: 0, no: '', lineNo: 0, account: req.account, accountName: '', memo: '期初余额', debitFen: 0, creditFen: 0, balanceFen: shown(c.balance) });
  }
  // Walk the period's vouchers in number order (voucher(period, number) index) and probe
  // each one's lines: no sort, and a page stops as soon as it is full. CROSS JOIN pins
  // that join order; a sparse account costs at most one probe per voucher of the month.
  const inPeriod = (period: string, after: Cursor, limit: number) =>
    book.db.all(
      book.q
        .selectFrom('voucher as v')
        .crossJoin('voucher_line as l')
        .crossJoin('account as a')
        .select(['v.id as voucherId', 'v.number', 'v.word', 'v.word_no as wordNo', 'v.date', 'l.line_no as lineNo', 'l.account_code as account', 'a.name as accountName', 'l.memo', 'l.debit_fen as debitFen', 'l.credit_fen as creditFen'])
        .where('v.period', '=', period)
        .where('v.status', '=', sql.lit('posted'))
        .where('v.number', '>=', after.number)
        .whereRef('l.voucher_id', '=', 'v.id')
        .whereRef('a.code', '=', 'l.account_code')
        .where('l.account_code', 'in', family)
        .where((eb) => eb.or([eb('v.number', '>', after.number), eb('l.line_no', '>', after.line)]))
        .orderBy('v.number')
        .orderBy('l.line_no')
        .limit(limit),
    ) as (LineDb & { word: string; wordNo: number })[];
  // The first month from `from` (or after `after`) up to `to` that has lines for these accounts.
  const firstPeriod = (after: string, inclusive: boolean) =>
    book.db.first(
      book.q
        .selectFrom('ledger_total')
        .select((eb) => eb.fn.min<string | null>('period').as('p'))
        .where('period', inclusive ? '>=' : '>', after)
        .where('period', '<=', req.to)
        .where('account_code', 'in', family),
    )!.p;
  const want = req.limit + 1;
  // Start in the first month that has lines for these accounts (an empty month costs a full scan of its vouchers).
  let period: string | null = req.after ? c.period : firstPeriod(c.period, true);
  let last: Cursor = c;
  while (period && rows.length < want) {
    const got = inPeriod(period, last, want - rows.length);
    for (const l of got) {
      // One line's debit − credit is exact in a double (each amount is bounded); the running sum is not.
      const balance = last.balance + BigInt(l.debitFen - l.creditFen);
      numbers.push(l.number);
      balances.push(balance);
      rows.push({ key: `${l.voucherId}:${l.lineNo}`, date: l.date, period, voucherId: l.voucherId, no: voucherLabel(l.word, l.wordNo), lineNo: l.lineNo, account: l.account, accountName: l.accountName, memo: l.memo, debitFen: l.debitFen, creditFen: l.creditFen, balanceFen: shown(balance) });
      last = { period, number: l.number, line: l.lineNo, balance };
    }
    if (rows.length >= want) break;
    period = firstPeriod(period, false);
    if (period) last = { ...last, period, number: 0, line: 0 };
  }
  if (rows.length <= req.limit) return { rows, next: null };
  rows.length = req.limit;
  const end = rows[rows.length - 1]!;
  return { rows, next: encode({ period: end.period, number: numbers[req.limit - 1] ?? 0, line: end.lineNo, balance: balances[req.limit - 1] ?? 0n }) };
}

/** 序时账 cursor: "period|date|number|line" (date then number: the order the accountant reads). */
const encodeJournal = (l: { period: string; date: string; number: number; lineNo: number }) => `${l.period}|${l.date}|${l.number}|${l.lineNo}`;

export function journalPage(book: Book, req: { from: string; to: string; after?: string | null | undefined; limit: number }): Page<LedgerLineRow> {
  const [period = req.from, date = '', number = '0', line = '0'] = req.after ? req.after.split('|') : [];
  const got = book.db.all(
    book.q
      .selectFrom('voucher as v')
      .innerJoin('voucher_line as l', 'l.voucher_id', 'v.id')
      .innerJoin('account as a', 'a.code', 'l.account_code')
      .select(['v.period', 'v.id as voucherId', 'v.number', 'v.word', 'v.word_no as wordNo', 'v.date', 'l.line_no as lineNo', 'l.account_code as account', 'a.name as accountName', 'l.memo', 'l.debit_fen as debitFen', 'l.credit_fen as creditFen'])
      .where('v.status', '=', sql.lit('posted'))
      .where('v.period', '<=', req.to)
      // Row values compare (period, date, number) as one key (https://sqlite.org/rowvalue.html).
      .where((eb) => eb(eb.refTuple('v.period', 'v.date', 'v.number'), '>=', eb.tuple(period, date, Number(number))))
      .where((eb) => eb.or([eb(eb.refTuple('v.period', 'v.date', 'v.number'), '>', eb.tuple(period, date, Number(number))), eb('l.line_no', '>', Number(line))]))
      .orderBy('v.period')
      .orderBy('v.date')
      .orderBy('v.number')
      .orderBy('l.line_no')
      .limit(req.limit + 1),
  ) as (LineDb & { period: string; word: string; wordNo: number })[];
  const page = got.slice(0, req.limit);
  const rows = page.map(
    (l): LedgerLineRow => ({ key: `${l.voucherId}:${l.lineNo}`, date: l.date, period: l.period, voucherId: l.voucherId, no: voucherLabel(l.word, l.wordNo), lineNo: l.lineNo, account: l.account, accountName: l.accountName, memo: l.memo, debitFen: l.debitFen, creditFen: l.creditFen, balanceFen: null }),
  );
  const end = page.at(-1);
  return { rows, next: got.length > req.limit && end ? encodeJournal(end) : null };
}
