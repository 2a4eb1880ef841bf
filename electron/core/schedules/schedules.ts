/**
 * Amortization and deferral schedules (docs/domain.md: Standard entries 3 and 4). A schedule
 * spreads a total over n months straight line in fen, the last month taking the remainder.
 * Running a period posts each due schedule's voucher for that month once: the
 * schedule_entry row (primary key schedule + month) records it, so a second run posts
 * nothing. These functions run inside the caller's book.tx.
 */
import { saleRates, taxOnNet } from '../vat/output';
import { UserError } from '../../../shared/errors';
import { addMonths, lastDay, period as toPeriod, type Period } from '../../../shared/period';
import type { Book } from '../book/book';
import type { Selectable } from 'kysely';
import type { ScheduleTable } from '../db/schema/schedule';
import { bookVoucher } from '../ledger/vouchers';
import { accountFacts } from '../ledger/voucher-rules';
import { straightLine } from '../allocation/split';
import type { ScheduleEntry, ScheduleRunResult as RunResult, ScheduleStatus as EntryStatus, ScheduleView } from '../../../shared/contract/schedules';
import { thisPeriodLocal } from '../../../shared/today';

export type SchedulePreset = 'prepaid' | 'intangible' | 'deferral' | 'custom';

export interface ScheduleInput {
  preset: SchedulePreset;
  name: string;
  totalFen: number;
  firstPeriod: string;
  periods: number;
  debitAccount?: string | undefined;
  creditAccount?: string | undefined;
  customerId?: number | null | undefined;
  employeeId?: number | null | undefined;
  departmentId?: number | null | undefined;
  memo?: string | undefined;
  /** Books the initial payment or receipt (Dr prepaid / Cr bank; deferral Dr bank / Cr 预收账款) on this date. */
  payment?: { date: string; bankAccount?: string | undefined } | undefined;
}

type ScheduleRow = Selectable<ScheduleTable>;

/** The two accounts of each preset, and the account the initial payment is booked to. */
function presetAccounts(book: Book, input: ScheduleInput): { kind: ScheduleRow['kind']; debit: string; credit: string; holding: string | null } {
  switch (input.preset) {
    case 'prepaid': {
      // ≤ 12 months: 预付账款; longer: 长期待摊费用 (Standard entry 3).
      const holding = book.account(input.periods > 12 ? 'longTermPrepaid' : 'prepaid');
      return { kind: 'amortization', debit: input.debitAccount ?? book.account('crmExpense'), credit: holding, holding };
    }
    case 'intangible':
      return { kind: 'amortization', debit: input.debitAccount ?? book.account('crmExpense'), credit: book.account('accumulatedAmortization'), holding: book.account('intangible') };
    case 'deferral':
      return { kind: 'deferral', debit: book.account('advanceReceipts'), credit: input.creditAccount ?? book.account('otherRevenue'), holding: book.account('advanceReceipts') };
    case 'custom':
      if (!input.debitAccount || !input.creditAccount) throw new UserError('schedule.accountsRequired');
      return { kind: 'amortization', debit: input.debitAccount, credit: input.creditAccount, holding: null };
  }
}

export function createSchedule(book: Book, input: ScheduleInput): number {
  if (!Number.isSafeInteger(input.totalFen) || input.totalFen <= 0) throw new UserError('schedule.badTotal');
  const first = toPeriod(input.firstPeriod);
  const { kind, debit, credit, holding } = presetAccounts(book, input);
  const facts = accountFacts(book);
  for (const code of [debit, credit]) {
    const a = facts.get(code);
    if (!a) throw new UserError('ledger.unknownAccount', { line: 1, account: code });
    if (!a.leaf) throw new UserError('ledger.notLeaf', { line: 1, account: `${code} ${a.name}` });
  }
  const dims = { customerId: input.customerId ?? null, employeeId: input.employeeId ?? null, departmentId: input.departmentId ?? null };
  const id = book.db.run(
    book.q.insertInto('schedule').values({
      kind,
      name: input.name,
      total_fen: input.totalFen,
      first_period: first,
      periods: input.periods,
      debit_account: debit,
      credit_account: credit,
      customer_id: dims.customerId,
      employee_id: dims.employeeId,
      department_id: dims.departmentId,
      memo: input.memo ?? '',
      created_at: new Date().toISOString(),
    }),
  ).lastInsertRowid;
  let creationVoucherId: number | null = null;
  if (input.payment && holding) {
    const bank = input.payment.bankAccount ?? book.account('bank');
    const [dr, cr] = kind === 'deferral' ? [bank, holding] : [holding, bank];
    // A deferral's total is the revenue it spreads (不含税). Its receipt, invoiced when
    // received, is the VAT tax point (财税〔2016〕36号 附件1 第四十五条: 收讫销售款项 or 先开具发票的
    // 开具发票的当天): the 销项 is booked then, on top, and the bank receives 价税合计.
    const taxFen = kind === 'deferral' ? taxOnNet(input.totalFen, saleRates(book)(dims.customerId)) : 0;
    const memo = `${input.name} ${kind === 'deferral' ? '预收' : '付款'}`;
    creationVoucherId = bookVoucher(book, {
      date: input.payment.date,
      memo,
      source: { type: 'schedule', id },
      lines: [
        { account: dr, debitFen: input.totalFen + taxFen, ...dims },
        { account: cr, creditFen: input.totalFen, ...dims },
        ...(taxFen !== 0 ? [{ account: book.account('outputVat'), creditFen: taxFen, memo: `${memo} 销项税额` }] : []),
      ],
    }, facts).id;
    book.db.run(book.q.updateTable('schedule').set({ creation_voucher_id: creationVoucherId }).where('id', '=', id));
  }
  book.audit({ action: 'schedule.create', entity: 'schedule', entityId: id, after: { ...input, kind, debit, credit, creationVoucherId } });
  return id;
}

const rowOf = (book: Book, id: number): ScheduleRow => {
  const r = book.db.first(book.q.selectFrom('schedule').selectAll().where('id', '=', id));
  if (!r) throw new UserError('schedule.notFound', { id });
  return r;
};

/** The plan: month i (1-based) and its amount. */
export function planOf(r: Pick<ScheduleRow, 'total_fen' | 'first_period' | 'periods'>): { no: number; period: Period; amountFen: number }[] {
  return straightLine(r.total_fen, r.periods).map((amountFen, i) => ({ no: i + 1, period: addMonths(toPeriod(r.first_period), i), amountFen }));
}

export function viewSchedule(book: Book, r: ScheduleRow, today = thisPeriodLocal()): ScheduleView {
  const posted = new Map(
    book.db.all(book.q.selectFrom('schedule_entry').select(['period_no', 'voucher_id']).where('schedule_id', '=', r.id)).map((e) => [e.period_no, e.voucher_id]),
  );
  const closed = new Set(book.db.all(book.q.selectFrom('period').select('period').where('status', '=', 'closed')).map((p) => p.period));
  const accountName = (code: string) => book.db.first(book.q.selectFrom('account').select('name').where('code', '=', code))?.name ?? '';
  let postedFen = 0;
  const entries = planOf(r).map((p): ScheduleEntry => {
    const voucherId = posted.get(p.no) ?? null;
    if (voucherId !== null) postedFen += p.amountFen;
    const status: EntryStatus = voucherId !== null ? 'posted' : closed.has(p.period) ? 'closed' : p.period <= today ? 'due' : 'future';
    return { no: p.no, period: p.period, amountFen: p.amountFen, status, voucherId };
  });
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    totalFen: r.total_fen,
    firstPeriod: r.first_period,
    periods: r.periods,
    debitAccount: r.debit_account,
    debitName: accountName(r.debit_account),
    creditAccount: r.credit_account,
    creditName: accountName(r.credit_account),
    customerId: r.customer_id,
    employeeId: r.employee_id,
    departmentId: r.department_id,
    memo: r.memo,
    creationVoucherId: r.creation_voucher_id,
    postedFen,
    remainingFen: r.total_fen - postedFen,
    entries,
  };
}

const activeSchedules = (book: Book) => book.q.selectFrom('schedule').selectAll().where('active', '=', 1).orderBy('id');

export function listSchedules(book: Book, today?: string): ScheduleView[] {
  const rows = book.db.all(activeSchedules(book));
  return rows.map((r) => viewSchedule(book, r, today));
}

/**
 * Posts period P's entry of every active schedule (or one), once. Dated the month's last day.
 * An earlier instalment whose month was closed before it was posted is posted here too, in
 * P, with a memo naming the closed month, instead of being lost for good.
 */
export function runSchedules(book: Book, p: string, scheduleId?: number): RunResult {
  const target = toPeriod(p);
  const rows = scheduleId !== undefined ? [rowOf(book, scheduleId)] : book.db.all(activeSchedules(book));
  const done = (id: number, no: number) => book.db.first(book.q.selectFrom('schedule_entry').select('period_no').where('schedule_id', '=', id).where('period_no', '=', no)) !== undefined;
  const closed = new Set(book.db.all(book.q.selectFrom('period').select('period').where('status', '=', 'closed').where('period', '<', target)).map((p) => p.period));
  const facts = accountFacts(book);
  const result: RunResult = { period: target, posted: [], alreadyPosted: 0 };
  for (const r of rows) {
    const plan = planOf(r);
    const entry = plan.find((e) => e.period === target);
    const missed = plan.filter((e) => e.period < target && closed.has(e.period) && !done(r.id, e.no));
    if (entry && done(r.id, entry.no)) result.alreadyPosted++;
    const due = [...missed, ...(entry && !done(r.id, entry.no) ? [entry] : [])];
    for (const e of due) {
      const dims = { customerId: r.customer_id, employeeId: r.employee_id, departmentId: r.department_id };
      const memo = e.period === target ? `${r.name} ${e.no}/${r.periods}` : `${r.name} ${e.no}/${r.periods}（${e.period} 已结账，补记于 ${target}）`;
      const v = bookVoucher(book, {
        date: lastDay(target),
        memo,
        source: { type: 'schedule', id: r.id },
        lines: [
          { account: r.debit_account, debitFen: e.amountFen, ...dims },
          { account: r.credit_account, creditFen: e.amountFen, ...dims },
        ],
      }, facts);
      book.db.run(
        book.q.insertInto('schedule_entry').values({ schedule_id: r.id, period_no: e.no, period: target, amount_fen: e.amountFen, voucher_id: v.id, posted_at: new Date().toISOString() }),
      );
      result.posted.push({ scheduleId: r.id, name: r.name, voucherId: v.id, amountFen: e.amountFen });
    }
  }
  if (result.posted.length) book.audit({ action: 'schedule.run', entity: 'period', entityId: target, after: { posted: result.posted.map((x) => [x.scheduleId, x.voucherId, x.amountFen]) } });
  return result;
}

export function getSchedule(book: Book, id: number): ScheduleView {
  return viewSchedule(book, rowOf(book, id));
}
