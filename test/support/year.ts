/**
 * A hand-built year for period-end and statement tests: opening balances, then each month
 * sales with 13 % output VAT (by customer), cost of sales, salaries accrued and paid,
 * depreciation, client expenses (customer × employee), surcharges on the month's VAT
 * (城建税 7 %, 教育费附加 3 %), 营业外收入 in March and 营业外支出 in August, and in December
 * income tax at 25 % of the year's 利润总额. Every figure is worked out here from the
 * amounts written, not read back from the ledger, so a test can compare the two.
 *
 * Accounts the chart may not have yet (固定资产, 税金及附加, 营业外收支, 所得税费用, tax
 * sub-accounts, 折旧费) are found by code or by name under their parent, or created.
 */
import type { Book } from '../../electron/core/book/book';
import { bookVoucher, type LineInput } from '../../electron/core/ledger/vouchers';
import { addCustomer, addEmployee } from './book';

export interface YearAccounts {
  bank: string;
  receivable: string;
  fixedAssets: string;
  depreciation: string;
  salariesPayable: string;
  outputVat: string;
  cityTax: string;
  eduSurcharge: string;
  incomeTaxPayable: string;
  capital: string;
  currentProfit: string;
  undistributed: string;
  revenue: string;
  cost: string;
  surcharges: string;
  adminSalaries: string;
  depreciationExpense: string;
  travel: string;
  otherIncome: string;
  otherExpense: string;
  incomeTax: string;
}

export interface MonthFigures {
  period: string;
  revenueFen: number;
  costFen: number;
  surchargesFen: number;
  /** 管理费用: salaries, depreciation, client expenses. */
  adminFen: number;
  otherIncomeFen: number;
  otherExpenseFen: number;
  incomeTaxFen: number;
  /** 利润总额 and 净利润 of the month. */
  totalProfitFen: number;
  netProfitFen: number;
}

export interface BuiltYear {
  year: number;
  accounts: YearAccounts;
  customers: number[];
  employees: number[];
  months: MonthFigures[];
  netProfitFen: number;
  opening: { bankFen: number; fixedAssetsFen: number; depreciationFen: number; capitalFen: number };
}

const P = (standard: string, small: string) => (standard === 'small' ? small : `${Number(small[0]) + 1}${small.slice(1)}`);

/** An account by code, or a sub-account of `parent` by name, created when missing. */
function ensure(book: Book, a: { code?: string; parent?: string; name: string; type: string; side: 'debit' | 'credit' }): string {
  const s = book.sqlite;
  if (a.code) {
    if (!s.prepare('SELECT 1 FROM account WHERE code = ?').get(a.code)) {
      s.prepare(`INSERT INTO account (code, name, parent_code, type, normal_side) VALUES (?, ?, NULL, ?, ?)`).run(a.code, a.name, a.type, a.side);
    }
    return a.code;
  }
  const found = s.prepare('SELECT code FROM account WHERE parent_code = ? AND name = ?').pluck().get(a.parent, a.name) as string | undefined;
  if (found) return found;
  const taken = new Set(s.prepare('SELECT code FROM account WHERE parent_code = ?').pluck().all(a.parent) as string[]);
  let n = 90;
  while (taken.has(`${a.parent}${n}`)) n--;
  const code = `${a.parent}${n}`;
  s.prepare(`INSERT INTO account (code, name, parent_code, type, normal_side) VALUES (?, ?, ?, ?, ?)`).run(code, a.name, a.parent, a.type, a.side);
  return code;
}

export function yearAccounts(book: Book): YearAccounts {
  const st = book.standard;
  return book.tx(() => ({
    bank: book.account('bank'),
    receivable: book.account('receivable'),
    fixedAssets: ensure(book, { code: '1601', name: '固定资产', type: 'asset', side: 'debit' }),
    depreciation: ensure(book, { code: '1602', name: '累计折旧', type: 'asset', side: 'credit' }),
    salariesPayable: ensure(book, { parent: '2211', name: '工资', type: 'liability', side: 'credit' }),
    outputVat: book.account('outputVat'),
    cityTax: ensure(book, { parent: '2221', name: '应交城市维护建设税', type: 'liability', side: 'credit' }),
    eduSurcharge: ensure(book, { parent: '2221', name: '应交教育费附加', type: 'liability', side: 'credit' }),
    incomeTaxPayable: ensure(book, { parent: '2221', name: '应交企业所得税', type: 'liability', side: 'credit' }),
    capital: book.account('paidInCapital'),
    currentProfit: book.account('currentYearProfit'),
    undistributed: book.account('undistributedProfit'),
    revenue: book.account('mainRevenue'),
    cost: book.account('mainCost'),
    surcharges: ensure(book, { code: P(st, '5403'), name: '税金及附加', type: 'expense', side: 'debit' }),
    adminSalaries: book.account('managementSalaries'),
    depreciationExpense: ensure(book, { parent: book.account('adminExpense'), name: '折旧费', type: 'expense', side: 'debit' }),
    travel: `${book.account('clientExpense')}01`,
    otherIncome: ensure(book, { code: P(st, '5301'), name: '营业外收入', type: 'revenue', side: 'credit' }),
    otherExpense: ensure(book, { code: P(st, '5711'), name: '营业外支出', type: 'expense', side: 'debit' }),
    incomeTax: ensure(book, { code: P(st, '5801'), name: '所得税费用', type: 'expense', side: 'debit' }),
  }));
}

const pct = (fen: number, num: number, den: number) => Math.floor((fen * num) / den); // whole fen, floor: the figures stay integers

/** Posts the year into `book` (its first period must be YEAR-01). */
export function buildYear(book: Book, year: number): BuiltYear {
  const a = yearAccounts(book);
  const customers = [addCustomer(book, 'Y01', '华东客户'), addCustomer(book, 'Y02', '华南客户'), addCustomer(book, 'Y03', '华北客户')];
  const employees = [addEmployee(book, 'YE1', '王经理'), addEmployee(book, 'YE2', '赵经理')];
  const post = (date: string, memo: string, lines: LineInput[]) => book.tx(() => bookVoucher(book, { date, memo, lines }));
  const opening = { bankFen: 1_000_000_00, fixedAssetsFen: 240_000_00, depreciationFen: 40_000_00, capitalFen: 1_200_000_00 };
  post(`${year}-01-01`, '期初余额', [
    { account: a.bank, debitFen: opening.bankFen },
    { account: a.fixedAssets, debitFen: opening.fixedAssetsFen },
    { account: a.depreciation, creditFen: opening.depreciationFen },
    { account: a.capital, creditFen: opening.capitalFen },
  ]);
  const months: MonthFigures[] = [];
  let totalBeforeDecember = 0;
  for (let m = 1; m <= 12; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    const d = (day: number) => `${period}-${String(day).padStart(2, '0')}`;
    // Sales: three customers, net amounts that vary by month; VAT 13 %.
    const nets = customers.map((_, i) => (50_000_00 + m * 1_234_56 + i * 7_000_01) * (m === 2 ? 0 : 1) + (m === 2 ? 10_000_00 : 0));
    let revenue = 0;
    let vat = 0;
    nets.forEach((net, i) => {
      const tax = pct(net, 13, 100);
      revenue += net;
      vat += tax;
      post(d(5 + i), `销售 ${i + 1}`, [
        { account: a.receivable, debitFen: net + tax, customerId: customers[i]! },
        { account: a.revenue, creditFen: net, customerId: customers[i]! },
        { account: a.outputVat, creditFen: tax },
      ]);
    });
    const cost = pct(revenue, 55, 100);
    post(d(10), '结转销售成本', [{ account: a.cost, debitFen: cost }, { account: a.bank, creditFen: cost }]);
    const salaries = 30_000_00 + (m % 3) * 500_00;
    post(d(25), '计提工资', [{ account: a.adminSalaries, debitFen: salaries }, { account: a.salariesPayable, creditFen: salaries }]);
    post(d(28), '发放工资', [{ account: a.salariesPayable, debitFen: salaries }, { account: a.bank, creditFen: salaries }]);
    const depreciation = 2_000_00;
    post(d(28), '计提折旧', [{ account: a.depreciationExpense, debitFen: depreciation }, { account: a.depreciation, creditFen: depreciation }]);
    const travel = [1_200_35 + m * 10_00, 860_20];
    travel.forEach((fen, i) =>
      post(d(12 + i), '拜访差旅', [
        { account: a.travel, debitFen: fen, customerId: customers[i]!, employeeId: employees[i]! },
        { account: a.bank, creditFen: fen },
      ]),
    );
    const city = pct(vat, 7, 100);
    const edu = pct(vat, 3, 100);
    post(d(28), '计提税金及附加', [
      { account: a.surcharges, debitFen: city + edu },
      { account: a.cityTax, creditFen: city },
      { account: a.eduSurcharge, creditFen: edu },
    ]);
    const otherIncome = m === 3 ? 5_000_00 : 0;
    if (otherIncome) post(d(15), '政府补助', [{ account: a.bank, debitFen: otherIncome }, { account: a.otherIncome, creditFen: otherIncome }]);
    const otherExpense = m === 8 ? 1_200_00 : 0;
    if (otherExpense) post(d(16), '税收滞纳金', [{ account: a.otherExpense, debitFen: otherExpense }, { account: a.bank, creditFen: otherExpense }]);
    const admin = salaries + depreciation + travel[0]! + travel[1]!;
    const total = revenue - cost - (city + edu) - admin + otherIncome - otherExpense;
    let incomeTax = 0;
    if (m === 12) {
      incomeTax = pct(totalBeforeDecember + total, 25, 100);
      post(d(31), '计提企业所得税', [{ account: a.incomeTax, debitFen: incomeTax }, { account: a.incomeTaxPayable, creditFen: incomeTax }]);
    }
    totalBeforeDecember += total;
    months.push({ period, revenueFen: revenue, costFen: cost, surchargesFen: city + edu, adminFen: admin, otherIncomeFen: otherIncome, otherExpenseFen: otherExpense, incomeTaxFen: incomeTax, totalProfitFen: total, netProfitFen: total - incomeTax });
  }
  return { year, accounts: a, customers, employees, months, netProfitFen: months.reduce((s, x) => s + x.netProfitFen, 0), opening };
}
