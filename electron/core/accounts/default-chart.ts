/**
 * Default charts of accounts (docs/domain.md: Chart of accounts). Codes are 4-2-2. The
 * enterprise standard (企业会计准则) uses 4xxx for equity and 6xxx for profit and loss
 * where the small-company standard (小企业会计准则) uses 3xxx and 5xxx; the rest is the same.
 */
import type { AccountType, Side } from '../db/schema/account';
import { enterpriseExtra, sharedExtra, smallExtra, type Row } from './statutory';

export type Standard = 'small' | 'enterprise';

export interface ChartAccount {
  code: string;
  name: string;
  type: AccountType;
  side: Side;
  dims?: string;
}

/** Written with the small-company codes; `P` and `E` mark the codes that differ by standard. */
const base: Row[] = [
  ['1001', '库存现金', 'asset', 'debit'],
  ['1002', '银行存款', 'asset', 'debit'],
  ['1122', '应收账款', 'asset', 'debit', 'customer'],
  ['1123', '预付账款', 'asset', 'debit'],
  ['1221', '其他应收款', 'asset', 'debit'],
  ['1701', '无形资产', 'asset', 'debit'],
  ['1702', '累计摊销', 'asset', 'credit'],
  ['1801', '长期待摊费用', 'asset', 'debit'],
  ['2202', '应付账款', 'liability', 'credit'],
  ['2203', '预收账款', 'liability', 'credit'],
  ['2211', '应付职工薪酬', 'liability', 'credit'],
  ['2221', '应交税费', 'liability', 'credit'],
  ['222101', '应交增值税-进项税额', 'liability', 'credit'],
  ['222102', '应交增值税-销项税额', 'liability', 'credit'],
  ['2241', '其他应付款', 'liability', 'credit', 'employee'],
  ['E001', '实收资本', 'equity', 'credit'],
  ['E103', '本年利润', 'equity', 'credit'],
  ['E104', '利润分配', 'equity', 'credit'],
  ['P001', '主营业务收入', 'revenue', 'credit', 'customer'],
  ['P051', '其他业务收入', 'revenue', 'credit'],
  ['P401', '主营业务成本', 'expense', 'debit'],
  ['PS01', '销售费用', 'expense', 'debit'],
  ['PS02', '管理费用', 'expense', 'debit'],
  ['PS0201', '客户管理费', 'expense', 'debit'],
  ['PS020101', '拜访差旅', 'expense', 'debit'],
  ['PS020102', '客户活动', 'expense', 'debit'],
  ['PS020103', '客户礼品', 'expense', 'debit'],
  ['PS020104', '投诉处理', 'expense', 'debit'],
  ['PS020105', 'CRM系统', 'expense', 'debit'],
  ['PS020106', '其他客户费用', 'expense', 'debit'],
  ['PS0202', '办公费', 'expense', 'debit'],
  ['PS0203', '租赁费', 'expense', 'debit'],
  ['PS0204', '管理人员薪酬', 'expense', 'debit'],
  ['PS0205', '业务招待费', 'expense', 'debit'],
  ['PS03', '财务费用', 'expense', 'debit'],
];

/** Translates a template code to the standard's real code. */
export function codeFor(standard: Standard, template: string): string {
  if (template.startsWith('E')) return (standard === 'small' ? '3' : '4') + template.slice(1);
  if (template.startsWith('PS')) return (standard === 'small' ? '56' : '66') + template.slice(2);
  if (template.startsWith('P')) return (standard === 'small' ? '5' : '6') + template.slice(1);
  return template;
}

/** The full statutory chart (statutory.ts) with our 管理费用-客户管理费 leaves, in code order. */
export function defaultChart(standard: Standard): ChartAccount[] {
  const rows = [...base, ...sharedExtra, ...(standard === 'small' ? smallExtra : enterpriseExtra)];
  return rows
    .map(([code, name, type, side, dims]) => ({ code: codeFor(standard, code), name, type, side, ...(dims ? { dims } : {}) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Accounts the standard entries post to, by role, so no domain hard-codes 5xxx or 6xxx. */
export const accountRoles = {
  cash: '1001',
  bank: '1002',
  receivable: '1122',
  prepaid: '1123',
  otherReceivable: '1221',
  intangible: '1701',
  accumulatedAmortization: '1702',
  longTermPrepaid: '1801',
  payable: '2202',
  advanceReceipts: '2203',
  inputVat: '222101',
  outputVat: '222102',
  otherPayable: '2241',
  paidInCapital: 'E001',
  currentYearProfit: 'E103',
  mainRevenue: 'P001',
  otherRevenue: 'P051',
  mainCost: 'P401',
  sellingExpense: 'PS01',
  adminExpense: 'PS02',
  clientExpense: 'PS0201',
  crmExpense: 'PS020105',
  officeExpense: 'PS0202',
  rentExpense: 'PS0203',
  managementSalaries: 'PS0204',
  entertainmentExpense: 'PS0205',
  financeExpense: 'PS03',
  // Period end and payroll (issue 15): 本年利润 3103/4103 → 利润分配-未分配利润 310415/410415.
  profitDistribution: 'E104',
  undistributedProfit: 'E10415',
  statutorySurplus: 'E10401',
  surplusReserve: 'E101',
  salariesPayable: '221101',
  socialInsurancePayable: '221102',
  housingFundPayable: '221103',
  vatInputTransferOut: '222103',
  vatTransferUnpaid: '222104',
  unpaidVat: '222105',
  cityTaxPayable: '222106',
  eduSurchargePayable: '222107',
  localEduSurchargePayable: '222108',
  individualIncomeTaxPayable: '222109',
  corporateIncomeTaxPayable: '222110',
  fixedAssets: '1601',
  accumulatedDepreciation: '1602',
  shortTermLoans: '2001',
  otherCost: 'P402',
  taxesAndSurcharges: 'P403',
  investmentIncome: 'P111',
  nonOperatingIncome: 'P301',
  nonOperatingExpense: 'P711',
  incomeTax: 'P801',
} as const;

export type AccountRole = keyof typeof accountRoles;

export const roleAccount = (standard: Standard, role: AccountRole): string => codeFor(standard, accountRoles[role]);
