/**
 * Ledger imports. Opening balances: every accepted row is one line of ONE posted opening
 * voucher dated the first day of the book's first period; the lines must balance, or
 * nothing is written. Vouchers: rows grouped by voucher number become posted vouchers;
 * a voucher with one bad row is refused whole (each of its rows rejected with a reason).
 */
import { UserError } from '../../../../shared/errors';
import { nameKey } from '../../../../shared/text';
import type { Book } from '../../book/book';
import { bookVoucher } from '../../ledger/vouchers';
import { accountFacts, type LineInput } from '../../ledger/voucher-rules';
import type { Candidate, CommitCtx, KindHandler, Params, RowParse, RowView } from '../kind';
import { cellText, parseDateValue } from '../values';
import { fail, fingerprint, parseSides } from './common';
import type { MessageCode } from '../../../../shared/messages/index';
import { thisPeriodLocal } from '../../../../shared/today';

interface BalanceRow {
  account: string;
  customer: string;
  employee: string;
  debitFen: number;
  creditFen: number;
}

const accountCode = (row: RowView) => cellText(row.get('account')).normalize('NFKC').replace(/\s+/g, '').split(/[^\d]/)[0] ?? '';

function parseBalance(row: RowView): RowParse<BalanceRow> {
  const account = accountCode(row);
  if (!account) return fail('import.reject.account.missing');
  const sides = parseSides(row.get('debit'), row.get('credit'));
  if (!sides.ok) return sides;
  return { ok: true, value: { account, customer: cellText(row.get('customer')), employee: cellText(row.get('employee')), debitFen: sides.debitFen, creditFen: sides.creditFen } };
}

/** Account checks a row can fail on its own (the voucher checks the rest). */
function accountProblem(facts: ReturnType<typeof accountFacts>, v: { account: string; customer: string; employee: string }): [MessageCode, Params] | null {
  const a = facts.get(v.account);
  if (!a) return ['import.reject.account.unknown', { account: v.account }];
  if (!a.leaf) return ['import.reject.account.notLeaf', { account: `${v.account} ${a.name}` }];
  if (a.dims.includes('customer') && !nameKey(v.customer)) return ['import.reject.customer.required', { account: `${v.account} ${a.name}` }];
  if (a.dims.includes('employee') && !nameKey(v.employee)) return ['import.reject.employee.required', { account: `${v.account} ${a.name}` }];
  return null;
}

export function openingBalancesKind(book: Book): KindHandler<BalanceRow> {
  return {
    keepCells: false,
    whole: true,
    parse: parseBalance,
    commit(items: Candidate<BalanceRow>[], ctx: CommitCtx) {
      const facts = accountFacts(book);
      const lines: LineInput[] = [];
      for (const c of items) {
        const v = c.value;
        const problem = accountProblem(facts, v);
        if (problem) {
          ctx.reject(c, problem[0], problem[1]);
          continue;
        }
        const fp = fingerprint('o', [v.account, v.customer, v.employee, v.debitFen, v.creditFen]);
        if (ctx.seen(fp)) {
          ctx.duplicate(c);
          continue;
        }
        const customerId = nameKey(v.customer) ? ctx.masters.customer(v.customer).id : null;
        const employeeId = nameKey(v.employee) ? ctx.masters.employee(v.employee).id : null;
        lines.push({ account: v.account, ...(v.debitFen ? { debitFen: v.debitFen } : { creditFen: v.creditFen }), memo: '期初余额', customerId, employeeId });
        ctx.remember(c, fp, null);
        ctx.accept(c, v.debitFen);
      }
      if (lines.length === 0) return;
      const debit = lines.reduce((s, l) => s + (l.debitFen ?? 0), 0);
      const credit = lines.reduce((s, l) => s + (l.creditFen ?? 0), 0);
      if (debit !== credit) throw new UserError('import.openingUnbalanced', { debit, credit, difference: debit - credit });
      const first = book.meta('first_period') ?? thisPeriodLocal();
      bookVoucher(book, { date: `${first}-01`, memo: '期初余额', source: { type: 'import', id: ctx.batchId }, lines }, facts);
    },
  };
}

interface VoucherRowValue {
  group: string;
  date: string | null;
  account: string;
  memo: string;
  debitFen: number;
  creditFen: number;
  customer: string;
  employee: string;
  department: string;
  /** A row that cannot be read still travels with its voucher, which is then refused whole. */
  error: { code: MessageCode; params: Params } | null;
}

function parseVoucherRow(row: RowView): RowParse<VoucherRowValue> {
  const group = cellText(row.get('voucherNo')).normalize('NFKC').replace(/\s+/g, '');
  if (!group) return fail('import.reject.voucher.noNumber');
  const base = { group, memo: cellText(row.get('memo')), customer: cellText(row.get('customer')), employee: cellText(row.get('employee')), department: cellText(row.get('department')) };
  const date = parseDateValue(row.get('date'));
  const sides = parseSides(row.get('debit'), row.get('credit'));
  const account = accountCode(row);
  const error: VoucherRowValue['error'] = !date.ok
    ? { code: `import.reject.${date.reason}` as MessageCode, params: {} }
    : !account
      ? { code: 'import.reject.account.missing', params: {} }
      : !sides.ok
        ? { code: sides.code, params: sides.params ?? {} }
        : null;
  return {
    ok: true,
    value: { ...base, date: date.ok ? date.date : null, account, debitFen: sides.ok ? sides.debitFen : 0, creditFen: sides.ok ? sides.creditFen : 0, error },
  };
}

export function vouchersKind(book: Book): KindHandler<VoucherRowValue> {
  return {
    keepCells: true,
    whole: true,
    parse: parseVoucherRow,
    commit(items: Candidate<VoucherRowValue>[], ctx: CommitCtx) {
      const facts = accountFacts(book);
      const departments = new Map(book.db.all(book.q.selectFrom('department').select(['id', 'name_key'])).map((r) => [r.name_key, r.id]));
      const groups = new Map<string, Candidate<VoucherRowValue>[]>();
      for (const c of items) {
        const key = `${c.sheet}\u001f${c.value.group}`;
        const g = groups.get(key);
        if (g) g.push(c);
        else groups.set(key, [c]);
      }
      for (const rows of groups.values()) {
        const head = rows[0]!;
        const refuse = (own: (c: Candidate<VoucherRowValue>) => [MessageCode, Params] | null) => {
          for (const c of rows) {
            const mine = own(c);
            if (mine) ctx.reject(c, mine[0], mine[1]);
            else ctx.reject(c, 'import.reject.voucher.groupRefused', { voucher: head.value.group });
          }
        };
        if (rows.some((c) => c.value.error)) {
          refuse((c) => (c.value.error ? [c.value.error.code, c.value.error.params] : null));
          continue;
        }
        if (rows.some((c) => c.value.date !== head.value.date)) {
          refuse((c) => (c.value.date !== head.value.date ? ['import.reject.voucher.mixedDates', { voucher: head.value.group }] : null));
          continue;
        }
        const badDept = rows.find((c) => nameKey(c.value.department) && !departments.has(nameKey(c.value.department)));
        if (badDept) {
          refuse((c) => (c === badDept ? ['import.reject.department.unknown', { department: c.value.department }] : null));
          continue;
        }
        const fp = fingerprint('v', [head.value.date, head.value.group, ...rows.flatMap((c) => [c.value.account, c.value.debitFen, c.value.creditFen, c.value.customer, c.value.employee, c.value.memo])]);
        if (ctx.seen(fp)) {
          for (const c of rows) ctx.duplicate(c);
          continue;
        }
        // One savepoint for the whole voucher: the head row carries it; its rows share the outcome.
        const ok = ctx.attempt(head, () => {
          const lines: LineInput[] = rows.map((c) => ({
              account: c.value.account,
              ...(c.value.debitFen ? { debitFen: c.value.debitFen } : { creditFen: c.value.creditFen }),
              memo: c.value.memo,
              customerId: nameKey(c.value.customer) ? ctx.masters.customer(c.value.customer).id : null,
              employeeId: nameKey(c.value.employee) ? ctx.masters.employee(c.value.employee).id : null,
              departmentId: departments.get(nameKey(c.value.department)) ?? null,
          }));
          bookVoucher(book, { date: head.value.date!, memo: head.value.memo, source: { type: 'import', id: ctx.batchId }, lines }, facts);
        });
        if (!ok) {
          // attempt() rejected the head row with the ledger's reason; the others follow it.
          for (const c of rows.slice(1)) ctx.reject(c, 'import.reject.voucher.groupRefused', { voucher: head.value.group });
          continue;
        }
        ctx.remember(head, fp, null);
        for (const c of rows) ctx.accept(c, c.value.debitFen);
      }
    },
  };
}
