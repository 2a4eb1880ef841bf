/**
 * The demo book: a realistic small company over 12 months so every screen and report has
 * something to show — customers in tiers, account managers in departments, monthly
 * revenue, client expenses booked through claims (with some policy breaches), overhead,
 * budgets, a CRM subscription schedule and allocation rules. Deterministic: the same
 * book every time (fixed dates and a seeded generator). Runs inside the caller's tx.
 */
import { nameKey } from '../../../shared/text';
import { periodRange, type Period } from '../../../shared/period';
import type { Book } from '../book/book';
import { seeded } from '../../../shared/seeded';
import { bookVoucher } from '../ledger/vouchers';
import { accountFacts } from '../ledger/voucher-rules';
import { customers, demoApprover, departments, DEMO_FIRST, DEMO_LAST, managers, staff } from './data';
import { demoExtras } from './extras';
import { saleCredits, saleRates } from '../vat/output';

export interface DemoIds {
  dept: Map<string, number>;
  emp: Map<string, number>;
  cust: Map<string, number>;
  periods: Period[];
}

function masters(book: Book): DemoIds {
  const insert = (q: Parameters<Book['db']['run']>[0]) => book.db.run(q).lastInsertRowid;
  const dept = new Map<string, number>();
  for (const d of departments) {
    dept.set(d.code, insert(book.q.insertInto('department').values({ code: d.code, name: d.name, name_key: nameKey(d.name), is_service: d.service ? 1 : 0 })));
  }
  const emp = new Map<string, number>();
  const addEmp = (code: string, name: string, deptCode: string) =>
    emp.set(code, insert(book.q.insertInto('employee').values({ code, name, name_key: nameKey(name), department_id: dept.get(deptCode)! })));
  for (const p of staff) addEmp(p.code, p.name, p.dept);
  for (const m of managers) addEmp(m.code, m.name, m.dept);
  // Each team's claims go to its lead (the first manager of the department); a lead's own
  // claims go to the lead of another department.
  for (const m of managers) {
    const approver = demoApprover(m.code);
    book.db.run(book.q.updateTable('employee').set({ approver_id: emp.get(approver)! }).where('id', '=', emp.get(m.code)!));
  }
  const cust = new Map<string, number>();
  for (const c of customers) {
    cust.set(c.code, insert(book.q.insertInto('customer').values({ code: c.code, name: c.name, name_key: nameKey(c.name), tier: c.tier, manager_id: emp.get(c.manager)! })));
  }
  book.audit({ action: 'demo.masters', entity: 'book', entityId: 'demo', after: { departments: dept.size, employees: emp.size, customers: cust.size } });
  return { dept, emp, cust, periods: periodRange(DEMO_FIRST as Period, DEMO_LAST as Period) };
}

const day = (p: Period, d: number) => `${p}-${String(Math.min(d, 28)).padStart(2, '0')}`;

/**
 * Per customer per month: revenue billed as 价税合计 (Dr 应收账款 / Cr 主营业务收入 / Cr 应交税费-
 * 应交增值税-销项税额 at the book's 6%: the demo company is a general taxpayer), the cost of serving it
 * (Dr 主营业务成本 with the customer / Cr 应付账款) and last month's collection
 * (Dr 银行存款 / Cr 应收账款). Margins vary by tier so some small customers lose money
 * once overhead is allocated: the whale curve has a tail.
 */
function revenue(book: Book, ids: DemoIds, r: () => number): void {
  const facts = accountFacts(book);
  const [bank, receivable, mainRevenue, mainCost, payable] = [book.account('bank'), book.account('receivable'), book.account('mainRevenue'), book.account('mainCost'), book.account('payable')];
  const billed = new Map<string, number>();
  const rateOf = saleRates(book);
  const post = (date: string, memo: string, lines: { account: string; debitFen?: number; creditFen?: number; customerId?: number }[]) =>
    bookVoucher(book, { date, memo, lines, source: { type: 'demo', id: 1 } }, facts);
  post(day(ids.periods[0]!, 1), '股东投入资本', [
    { account: bank, debitFen: 3_000_000_00 },
    { account: book.account('paidInCapital'), creditFen: 3_000_000_00 },
  ]);
  ids.periods.forEach((p, m) => {
    customers.forEach((c, i) => {
      const customerId = ids.cust.get(c.code)!;
      const owed = billed.get(c.code) ?? 0;
      if (owed > 0) {
        const paid = Math.round(owed * (0.85 + r() * 0.15));
        post(day(p, 10), `${c.name} 回款`, [
          { account: bank, debitFen: paid },
          { account: receivable, creditFen: paid, customerId },
        ]);
      }
      // Two C-tier customers leave half way; one B-tier customer joins late.
      if ((c.tier === 'C' && i % 9 === 0 && m >= 6) || (i === 20 && m < 4)) return billed.set(c.code, 0);
      const base = c.tier === 'A' ? 60_000_00 : c.tier === 'B' ? 20_000_00 : 4_000_00;
      const amount = Math.round(base * (0.7 + r() * 0.6) * (1 + m * 0.01));
      billed.set(c.code, amount);
      const memo = `${c.name} ${p} 服务收入`;
      post(day(p, 25), memo, [{ account: receivable, debitFen: amount, customerId }, ...saleCredits(book, amount, rateOf(customerId), mainRevenue, { customerId }, memo)]);
      const costShare = c.tier === 'A' ? 0.55 : c.tier === 'B' ? 0.6 : 0.7;
      const cost = Math.round(amount * (costShare + r() * 0.1));
      post(day(p, 26), `${c.name} ${p} 服务成本`, [
        { account: mainCost, debitFen: cost, customerId },
        { account: payable, creditFen: cost },
      ]);
    });
  });
}

/** Overhead without a customer: office, rent, management salaries (paid from the bank). */
function overhead(book: Book, ids: DemoIds, r: () => number): void {
  const facts = accountFacts(book);
  const bank = book.account('bank');
  const admin = ids.dept.get('D09')!;
  for (const p of ids.periods) {
    const items: [string, number][] = [
      [book.account('officeExpense'), Math.round(18_000_00 + r() * 6_000_00)],
      [book.account('rentExpense'), 45_000_00],
      [book.account('managementSalaries'), Math.round(90_000_00 + r() * 10_000_00)],
    ];
    for (const [account, amount] of items) {
      bookVoucher(
        book,
        { date: day(p, 28), memo: `${p} 管理费用`, lines: [{ account, debitFen: amount, departmentId: admin }, { account: bank, creditFen: amount }], source: { type: 'demo', id: 2 } },
        facts,
      );
    }
  }
}

export function fillDemo(book: Book): DemoIds {
  const r = seeded(20261125);
  const ids = masters(book);
  // Periods before the book's first period are not writable: the demo starts its book there.
  revenue(book, ids, r);
  overhead(book, ids, r);
  demoExtras(book, ids, r);
  return ids;
}
