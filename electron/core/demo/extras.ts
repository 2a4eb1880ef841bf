/**
 * The demo's working life: users with roles, a year of client-expense claims run through
 * the real approval chain and policy (a few with warnings, the latest month left waiting
 * for approval), budgets, a CRM subscription and a deferred service fee on schedules,
 * driver tables and timesheets, and allocation rules with a run for every month.
 * Everything goes through the same functions the screens use.
 */
import type { Insertable } from 'kysely';
import type { DriverValueTable, TimesheetTable } from '../db/schema/drivers';
import { taxIncluded } from '../invoices/vat';
import { lastDay, type Period } from '../../../shared/period';
import { thisPeriodLocal } from '../../../shared/today';
import type { Book } from '../book/book';
import { createClaim, type ClaimLineInput } from '../claims/create';
import { approveClaim, payClaim, submitClaim } from '../claims/workflow';
import { currentApprovals, requiredLevels } from '../claims/chain';
import { saveBudget } from '../budgets/budgets';
import { createSchedule, runSchedules } from '../schedules/schedules';
import { saveRule } from '../allocation/rules';
import { runAllocation } from '../allocation/runs';
import { createUser } from '../users/users';
import { closePeriod } from '../ledger/periods';
import { transferPl } from '../closing/transfer';
import { customers, demoApprover, managers } from './data';
import type { DemoIds } from './generate';

const CLIENT_CATEGORIES = ['TRAVEL', 'TRANSPORT', 'LODGING', 'MEALS', 'ENTERTAIN', 'EVENT', 'GIFT', 'COMPLAINT'];
const DESCRIPTIONS: Record<string, string[]> = {
  TRAVEL: ['拜访客户差旅', '出差洽谈续约'],
  TRANSPORT: ['打车拜访客户', '市内交通'],
  LODGING: ['出差住宿', '酒店住宿'],
  MEALS: ['工作餐', '加班餐'],
  ENTERTAIN: ['客户招待', '商务宴请'],
  EVENT: ['客户答谢会', '新品发布会'],
  GIFT: ['节日礼品', '客户礼品'],
  COMPLAINT: ['投诉上门处理', '设备维修补偿'],
};

const as = <T>(book: Book, user: string, fn: () => T): T => {
  const before = book.user;
  book.user = user;
  try {
    return fn();
  } finally {
    book.user = before;
  }
};

/** A weekday of the period, day 3..20 (the demo never dates a claim in the future). */
function weekday(p: Period, r: () => number, allowWeekend = false): string {
  for (;;) {
    const d = 3 + Math.floor(r() * 18);
    const date = `${p}-${String(d).padStart(2, '0')}`;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (allowWeekend || (dow !== 0 && dow !== 6)) return date;
  }
}

function users(book: Book, ids: DemoIds): Map<string, string> {
  const userOf = new Map<string, string>();
  for (const m of managers) {
    const lead = managers.find((x) => x.dept === m.dept)!.code === m.code;
    const name = m.name;
    createUser(book, { name, displayName: m.name, role: lead ? 'manager' : 'approver', employeeId: ids.emp.get(m.code)! });
    userOf.set(m.code, name);
  }
  return userOf;
}

function claims(book: Book, ids: DemoIds, r: () => number, userOf: Map<string, string>): void {
  const cat = new Map(book.db.all(book.q.selectFrom('category').select(['code', 'id'])).map((c) => [c.code, c.id]));
  let invoice = 10_000_000;
  ids.periods.forEach((p, month) => {
    const latest = month === ids.periods.length - 1;
    managers.forEach((m, mi) => {
      const mine = customers.filter((c) => c.manager === m.code);
      const lines: ClaimLineInput[] = [];
      const count = 3 + Math.floor(r() * 5);
      for (let i = 0; i < count; i++) {
        const code = CLIENT_CATEGORIES[Math.floor(r() * CLIENT_CATEGORIES.length)]!;
        const customer = mine[Math.floor(r() * mine.length)]!;
        const base = code === 'EVENT' ? 300_000 : code === 'ENTERTAIN' ? 120_000 : code === 'GIFT' ? 60_000 : code === 'MEALS' ? 12_000 : 40_000;
        // A few honest mistakes for the policy to catch: a weekend, a big gift-free dinner.
        const breach = (month + mi + i) % 11 === 0;
        const amountFen = Math.round(base * (0.5 + r())) + (breach && code === 'MEALS' ? 30_000 : 0);
        lines.push({
          date: weekday(p, r, breach),
          categoryId: cat.get(code)!,
          customerId: ids.cust.get(customer.code)!,
          departmentId: null,
          description: `${DESCRIPTIONS[code]![i % 2]} ${customer.name.slice(0, 6)}`,
          invoiceNo: String(invoice++),
          invoiceType: amountFen > 50_000 ? '增值税专用发票' : '增值税普通发票',
          amountFen,
          // The tax a 专票 states: 价税合计 × 6 / 106. Posting decides what of it is deductible
          // (vat/input.ts: none on 餐饮 and 业务招待费), as for any claim.
          taxFen: amountFen > 50_000 ? taxIncluded(amountFen, 6) : 0,
          receipt: !breach,
        });
      }
      const user = userOf.get(m.code)!;
      const id = as(book, user, () => createClaim(book, { employeeId: ids.emp.get(m.code)!, title: `${m.name} ${p} 客户费用报销`, lines }));
      // The newest month: some drafts, some waiting for approval.
      if (latest && mi % 3 === 0) return;
      as(book, user, () => submitClaim(book, id, '', 'zh-CN'));
      if (latest && mi % 3 === 1) return;
      const total = lines.reduce((s, l) => s + l.amountFen, 0);
      for (const level of requiredLevels(book, total).slice(currentApprovals(book, id).length)) {
        const approver = level.role === 'manager' ? userOf.get(demoApprover(m.code))! : level.role === 'finance' ? 'accountant' : 'admin';
        as(book, approver, () => approveClaim(book, id, '同意', 'zh-CN'));
      }
      if (!latest) as(book, 'accountant', () => payClaim(book, id, lastDay(p), '', 'zh-CN'));
    });
  });
}

function budgets(book: Book, ids: DemoIds): void {
  const year = ids.periods.at(-1)!.slice(0, 4);
  for (const [code, amount] of [['D01', 9_000_000], ['D02', 8_000_000], ['D03', 6_000_000]] as const) {
    saveBudget(book, { name: '客户费用月度预算', periodKind: 'month', period: ids.periods.at(-1)!, departmentId: ids.dept.get(code)!, amountFen: amount / 10, warnPct: 80, alertPct: 100, hardBlock: false });
    saveBudget(book, { name: '客户费用年度预算', periodKind: 'year', period: year, departmentId: ids.dept.get(code)!, amountFen: amount, warnPct: 80, alertPct: 100, hardBlock: false });
  }
  const gift = book.db.first(book.q.selectFrom('category').select('id').where('code', '=', 'GIFT'))!;
  saveBudget(book, { name: '礼品费季度预算', periodKind: 'quarter', period: `${year}-Q4`, categoryId: gift.id, amountFen: 1_500_000, warnPct: 80, alertPct: 100, hardBlock: false });
}

function schedules(book: Book, ids: DemoIds): void {
  const first = ids.periods[0]!;
  createSchedule(book, { preset: 'prepaid', name: 'CRM 系统年费（12 个月）', totalFen: 3_600_000, firstPeriod: first, periods: 12, memo: 'CRM 订阅摊销', payment: { date: `${first}-05` } });
  const a = customers[0]!;
  createSchedule(book, {
    preset: 'deferral',
    name: `${a.name} 年度管理服务费`,
    totalFen: 2_400_000,
    firstPeriod: ids.periods[2]!,
    periods: 12,
    customerId: ids.cust.get(a.code)!,
    memo: '预收管理费分期确认',
    payment: { date: `${ids.periods[2]}-10` },
  });
  for (const p of ids.periods) runSchedules(book, p);
}

function driversAndRules(book: Book, ids: DemoIds, r: () => number): void {
  // One multi-row INSERT per table and month (24 statements, was 1,440 single-row ones, each
  // firing the row-log trigger in its own statement journal); the values are drawn in the
  // same order as before, so the figures are the same. All rows are sealed by demo.drivers.
  for (const p of ids.periods) {
    const drivers: Insertable<DriverValueTable>[] = [];
    const hours: Insertable<TimesheetTable>[] = [];
    for (const c of customers) {
      const scale = c.tier === 'A' ? 40 : c.tier === 'B' ? 15 : 5;
      const customerId = ids.cust.get(c.code)!;
      drivers.push({ period: p, driver: '订单数', customer_id: customerId, value_milli: (1 + Math.floor(r() * scale)) * 1000 });
      drivers.push({ period: p, driver: '拜访次数', customer_id: customerId, value_milli: (1 + Math.floor(r() * (scale / 5 + 1))) * 1000 });
      hours.push({ date: `${p}-15`, period: p, employee_id: ids.emp.get(c.manager)!, customer_id: customerId, hours_milli: Math.round((2 + r() * scale) * 2) * 500, memo: '' });
    }
    book.db.run(book.q.insertInto('driver_value').values(drivers));
    book.db.run(book.q.insertInto('timesheet').values(hours));
  }
  book.audit({ action: 'demo.drivers', entity: 'book', entityId: 'demo', after: { periods: ids.periods.length } });
  const rule = (seq: number, name: string, accounts: string[], driverName: string) =>
    saveRule(book, { seq, name, method: 'single', accounts, departmentId: null, driver: driverName, target: { kind: 'all' }, active: true });
  rule(1, '办公费按收入分配', [book.account('officeExpense')], 'revenue');
  rule(2, '租赁费按订单数分配', [book.account('rentExpense')], 'table:订单数');
  rule(3, '管理人员薪酬按工时分配', [book.account('managementSalaries')], 'hours');
  rule(4, 'CRM 系统费按拜访次数分配', [book.account('crmExpense')], 'table:拜访次数');
  for (const p of ids.periods) runAllocation(book, p);
}

export function demoExtras(book: Book, ids: DemoIds, r: () => number): void {
  const userOf = users(book, ids);
  claims(book, ids, r, userOf);
  budgets(book, ids);
  schedules(book, ids);
  driversAndRules(book, ids, r);
  // Month-end as the accountant does it, month by month through the real code: 结转损益
  // (December also carries 本年利润 to 未分配利润), then 结账 — every month but the current
  // one: today's, or the demo's last month once today is past it (its work still waits).
  const current = [thisPeriodLocal(), ids.periods.at(-1)!].sort()[0]!;
  for (const p of ids.periods.filter((x) => x < current)) {
    transferPl(book, p);
    closePeriod(book, p);
  }
}
