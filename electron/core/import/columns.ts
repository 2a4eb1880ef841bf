/**
 * Column names each import kind recognises and header-row detection (docs/domain.md: Excel
 * import → Header row, Column names). Names are compared after normalisation: case,
 * spaces, line breaks, full-width forms and a unit suffix such as （元） or (CNY) ignored.
 */
import type { Plain } from './values';
import { cellText } from './values';

export const KINDS = ['expenses', 'customers', 'employees', 'accounts', 'revenue', 'drivers', 'timesheets', 'opening-balances', 'vouchers', 'invoices'] as const;
export type ImportKind = (typeof KINDS)[number];

export interface KindColumns {
  /** Field → the column names that mean it. */
  fields: Record<string, string[]>;
  /** Fields without which no row can be accepted. */
  required: string[];
  /** How many known column names make a row the header. */
  minMatch: number;
}

const EXPENSE_NAMES = {
  date: ['日期', '报销日期', '费用日期', '发生日期', 'Date'],
  employee: ['报销人', '经办人', '客户经理', '姓名', '员工', 'Employee', 'Claimant'],
  department: ['部门', 'Department'],
  customer: ['客户', '客户名称', '客户单位', 'Customer', 'Client'],
  category: ['费用类别', '类别', '费用类型', 'Category', 'Type'],
  description: ['摘要', '说明', '备注', '事由', 'Description', 'Memo'],
  invoice: ['发票号码', '发票号', '票据号', 'Invoice No.', 'Invoice number', 'Receipt No.'],
  amount: ['金额', '报销金额', '费用金额', 'Amount'],
  tax: ['税额', 'Tax'],
  // The invoice's type decides its deductible input VAT (vat/input.ts).
  invoiceType: ['发票类型', '发票种类', '票种', '发票票种', 'Invoice type'],
};
/** A sale's VAT rate: 6%, 6, 0.06 (vat/rate.ts). */
const RATE = ['税率', '增值税税率', '合同税率', 'VAT rate', 'Tax rate'];
const MEMO = ['摘要', '说明', '备注', 'Memo', 'Description'];
const DEBIT = ['借方', '借方金额', '借方余额', '期初借方', 'Debit'];
const CREDIT = ['贷方', '贷方金额', '贷方余额', '期初贷方', 'Credit'];
const ACCOUNT = ['科目', '科目编码', '科目代码', '会计科目', 'Account', 'Account code'];

/**
 * The 电子税务局's received-invoice export (税务数字账户 → 发票业务 → 发票查询统计 → 全量发票查询 →
 * 导出) and the names its columns go by in its versions and in the older 增值税发票综合服务平台
 * (销方纳税人识别号, 销售方名称, 购方纳税人识别号, 合计金额, 合计税额, 票种 …).
 */
const INVOICE_NAMES = {
  code: ['发票代码'],
  number: ['发票号码'],
  eNumber: ['数电票号码', '数电发票号码', '全电发票号码', '全电票号码'],
  sellerTaxId: ['销方识别号', '销方纳税人识别号', '销售方纳税人识别号', '销售方识别号'],
  sellerName: ['销方名称', '销售方名称'],
  buyerTaxId: ['购方识别号', '购方纳税人识别号', '购买方纳税人识别号', '购买方识别号'],
  buyerName: ['购买方名称', '购方名称'],
  date: ['开票日期', '开票时间'],
  amount: ['金额', '合计金额', '不含税金额'],
  tax: ['税额', '合计税额'],
  total: ['价税合计', '价税合计金额', '含税金额'],
  kind: ['发票票种', '票种', '发票种类', '发票类型'],
  status: ['发票状态', '状态'],
  positive: ['是否正数发票', '正数发票'],
  source: ['发票来源'],
};

export const KIND_COLUMNS: Record<ImportKind, KindColumns> = {
  invoices: { fields: INVOICE_NAMES, required: ['total'], minMatch: 4 },
  expenses: { fields: EXPENSE_NAMES, required: ['date', 'employee', 'category', 'amount'], minMatch: 3 },
  customers: {
    fields: {
      code: ['客户编码', '客户代码', '编码', '代码', '编号', 'Code', 'Customer code'],
      name: ['客户名称', '客户', '名称', '客户单位', 'Name', 'Customer', 'Client'],
      tier: ['级别', '客户级别', '等级', '分级', 'Tier', 'Level'],
      manager: ['客户经理', '负责人', 'Account manager', 'Manager'],
      rate: RATE,
    },
    required: ['name'],
    minMatch: 2,
  },
  employees: {
    fields: {
      code: ['员工编码', '工号', '编码', '编号', 'Code', 'Employee code'],
      name: ['姓名', '员工', '员工姓名', '名称', 'Name', 'Employee'],
      department: ['部门', 'Department'],
      approver: ['审批人', '上级', 'Approver'],
    },
    required: ['name'],
    minMatch: 2,
  },
  accounts: {
    fields: {
      code: ['科目编码', '科目代码', '编码', '代码', 'Code', 'Account code'],
      name: ['科目名称', '名称', 'Name', 'Account name'],
      type: ['科目类型', '类型', '类别', 'Type'],
      side: ['余额方向', '方向', 'Normal side', 'Side'],
      dims: ['辅助核算', 'Dimensions'],
    },
    required: ['code', 'name'],
    minMatch: 2,
  },
  revenue: {
    fields: {
      date: ['日期', '收入日期', '确认日期', '发生日期', 'Date'],
      customer: EXPENSE_NAMES.customer,
      amount: ['金额', '收入金额', '收入', '价税合计', 'Amount', 'Revenue'],
      memo: MEMO,
      rate: RATE,
    },
    required: ['date', 'customer', 'amount'],
    minMatch: 3,
  },
  drivers: {
    fields: {
      customer: EXPENSE_NAMES.customer,
      driver: ['动因', '动因名称', '分配动因', '驱动因素', 'Driver'],
      value: ['数值', '数量', '值', 'Value', 'Quantity'],
      period: ['期间', '月份', '会计期间', 'Period', 'Month'],
    },
    required: ['customer', 'driver', 'value', 'period'],
    minMatch: 3,
  },
  timesheets: {
    fields: {
      employee: ['员工', '姓名', '员工姓名', 'Employee'],
      customer: EXPENSE_NAMES.customer,
      hours: ['工时', '小时', '小时数', 'Hours'],
      date: ['日期', '工作日期', 'Date'],
      memo: MEMO,
    },
    required: ['employee', 'customer', 'hours', 'date'],
    minMatch: 3,
  },
  'opening-balances': {
    fields: { account: ACCOUNT, customer: EXPENSE_NAMES.customer, employee: ['员工', '姓名', 'Employee'], debit: DEBIT, credit: CREDIT },
    required: ['account'],
    minMatch: 2,
  },
  vouchers: {
    fields: {
      date: ['日期', '凭证日期', 'Date'],
      voucherNo: ['凭证号', '凭证编号', '凭证字号', 'Voucher', 'Voucher No.', 'Voucher number'],
      account: ACCOUNT,
      memo: MEMO,
      debit: DEBIT,
      credit: CREDIT,
      customer: EXPENSE_NAMES.customer,
      employee: ['员工', '报销人', '姓名', 'Employee'],
      department: ['部门', 'Department'],
    },
    required: ['date', 'voucherNo', 'account'],
    minMatch: 3,
  },
};

/** 金额\n（元） → 金额; "Amount (CNY)" → amount; "Invoice No." → invoiceno. */
export function normColumn(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|[*:：]+$/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase();
}

const lookup = new Map<ImportKind, Map<string, string>>();
function namesOf(kind: ImportKind): Map<string, string> {
  let m = lookup.get(kind);
  if (!m) {
    m = new Map();
    for (const [field, names] of Object.entries(KIND_COLUMNS[kind].fields)) for (const n of names) if (!m.has(normColumn(n))) m.set(normColumn(n), field);
    lookup.set(kind, m);
  }
  return m;
}

/** Whether a text is one of the kind's column names (a header cell, not a value). */
export const isColumnName = (kind: ImportKind, text: string): boolean => namesOf(kind).has(normColumn(text));

/** Field → 1-based column number. */
export type Mapping = Record<string, number>;

/** Maps a candidate header row; the first column with a field's name wins. */
export function mapHeader(kind: ImportKind, cells: Plain[]): Mapping {
  const names = namesOf(kind);
  const mapping: Mapping = {};
  cells.forEach((c, col) => {
    if (typeof c !== 'string' || col === 0) return;
    const field = names.get(normColumn(c));
    if (field && mapping[field] === undefined) mapping[field] = col;
  });
  return mapping;
}

export const isHeader = (kind: ImportKind, mapping: Mapping): boolean => Object.keys(mapping).length >= KIND_COLUMNS[kind].minMatch;

export const missingFields = (kind: ImportKind, mapping: Mapping): string[] => KIND_COLUMNS[kind].required.filter((f) => mapping[f] === undefined);

/** The header's texts by column, for previews and the reject report. */
export const headerTexts = (cells: Plain[]): string[] => cells.map((c, i) => (i === 0 ? '' : cellText(c)));

/** A header shape: the same normalised names in the same columns (mappings are remembered by it). */
export const headerShape = (kind: ImportKind, cells: Plain[]): string => `${kind}|${headerTexts(cells).map(normColumn).join('|').replace(/\|+$/, '')}`;

const FOOTERS = new Set(['合计', '小计', '总计', '总合计', '本页合计', '合计金额', 'total', 'subtotal', 'grandtotal', 'totals']);

/** A footer row (合计, 小计, 总计, Total) ends the table: its first non-blank cell says so. */
export function isFooter(cells: Plain[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) continue;
    return typeof c === 'string' && FOOTERS.has(normColumn(c));
  }
  return false;
}

/**
 * A form's 合计 row may write its total in the same cell as the word (合计（大写）：壹佰元整,
 * 合计：¥100.00): within a form, a row whose first text begins with 合计/小计/总计 ends the lines.
 */
export function isFormFooter(cells: Plain[]): boolean {
  if (isFooter(cells)) return true;
  for (let i = 1; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) continue;
    return typeof c === 'string' && /^(总?合计|小计|总计)(?![\p{L}\p{N}])/u.test(c.normalize('NFKC').replace(/\s+/g, ''));
  }
  return false;
}
