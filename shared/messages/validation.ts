/**
 * Schema validation issues as a person reads them: the field by its name in the UI language,
 * the row by its number, and what is wrong ("第 1 行：科目不能为空", "Line 1: debit amount has
 * more than two decimals"), never a path and zod's English ("lines.0.account: account code").
 * dispatch is the one caller: every channel's payload errors come through here.
 */
import type { Locale } from './define';

/** The subset of a zod (v4) issue read here; the others' fields are optional and untouched. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  keys?: string[];
}

type Names = Record<string, [zh: string, en: string]>;

// Fields by the names the screens use. An unknown key reads as itself (still with its row).
const FIELDS: Names = {
  account: ['科目', 'account'], accountCode: ['科目', 'account'], accounts: ['科目', 'accounts'], parent: ['上级科目', 'parent account'],
  date: ['日期', 'date'], period: ['期间', 'period'], from: ['起始期间', 'start period'], to: ['截止期间', 'end period'], firstPeriod: ['启用期间', 'first period'],
  memo: ['摘要', 'memo'], description: ['说明', 'description'], comment: ['意见', 'comment'], reason: ['原因', 'reason'], note: ['备注', 'note'],
  debitFen: ['借方金额', 'debit amount'], creditFen: ['贷方金额', 'credit amount'], amountFen: ['金额', 'amount'], taxFen: ['税额', 'tax'], totalFen: ['总额', 'total'], aboveFen: ['金额下限', 'threshold'],
  customerId: ['客户', 'customer'], employeeId: ['员工', 'employee'], departmentId: ['部门', 'department'], categoryId: ['费用类别', 'category'], categoryCode: ['费用类别', 'category'],
  name: ['名称', 'name'], nameEn: ['英文名称', 'English name'], code: ['编码', 'code'], company: ['公司名称', 'company name'], displayName: ['显示名称', 'display name'],
  path: ['文件', 'file'], fileName: ['文件名', 'file name'], sheet: ['工作表', 'sheet'], password: ['密码', 'password'], role: ['角色', 'role'], standard: ['会计准则', 'accounting standard'],
  invoiceNo: ['发票号码', 'invoice number'], invoiceType: ['发票类型', 'invoice type'], tier: ['客户等级', 'customer tier'], days: ['天数', 'days'], ratio: ['比例', 'ratio'],
  warnPct: ['预警比例', 'warning %'], alertPct: ['警报比例', 'alert %'], periods: ['期数', 'number of periods'], level: ['级次', 'level'], id: ['编号', 'id'], claimId: ['报销单', 'claim'],
  lines: ['明细', 'lines'], kind: ['类型', 'kind'], status: ['状态', 'status'], limit: ['条数', 'row count'], method: ['方法', 'method'], driver: ['分配依据', 'driver'],
};

// Arrays whose items are rows of a table the user filled in: "第 N 行". Others count items: "第 N 项".
const ROWS = new Set(['lines', 'rows', 'levels', 'targets', 'rules', 'tiers']);

const num = (v: number | bigint | undefined) => String(v ?? '');

function place(path: PropertyKey[], zh: boolean): string {
  const parts: string[] = [];
  let field = '';
  path.forEach((seg, i) => {
    if (typeof seg === 'number') {
      const rows = ROWS.has(String(path[i - 1] ?? ''));
      parts.push(zh ? `第 ${seg + 1} ${rows ? '行' : '项'}` : `${rows ? 'Line' : 'Item'} ${seg + 1}`);
      field = '';
    } else field = String(seg);
  });
  const last = path.at(-1);
  const name = typeof last === 'number' ? '' : (FIELDS[field]?.[zh ? 0 : 1] ?? field);
  return [parts.join(zh ? '，' : ', '), name].filter(Boolean).join(zh ? '：' : ': ');
}

const at = (payload: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), payload);

const isMoney = (path: PropertyKey[]) => /Fen$/.test(String(path.at(-1) ?? ''));

// The schemas' own hints (the second argument of .regex()) in both languages.
const HINTS: Record<string, [string, string]> = {
  'account code': ['应为 4、6 或 8 位数字的科目编码', 'must be a 4-, 6- or 8-digit account code'],
  'YYYY-MM-DD': ['应为 YYYY-MM-DD', 'must be written YYYY-MM-DD'],
  'YYYY-MM': ['应为 YYYY-MM', 'must be written YYYY-MM'],
};

/** Beyond ±MAX_AMOUNT_FEN (shared/money.ts). */
const outOfRange = (zh: boolean) => (zh ? '金额超出范围（最大 9,999,999,999,999.99 元）' : 'is out of range (at most 9,999,999,999,999.99 yuan)');

function what(issue: SchemaIssue, value: unknown, zh: boolean): string {
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const money = isMoney(issue.path);
  // Whatever the rule, a field left empty is said as such.
  if (empty && issue.code !== 'unrecognized_keys' && issue.origin !== 'array') return zh ? '不能为空' : 'is required';
  switch (issue.code) {
    case 'invalid_type':
      // A money field is whole fen: a fraction of a fen is a third decimal of yuan.
      if (money && typeof value === 'number') return zh ? '最多两位小数（金额精确到分，不会四舍五入）' : 'has more than two decimals (amounts are exact to the fen, never rounded)';
      if (issue.expected === 'int' || issue.expected === 'number') return zh ? '应为整数' : 'must be a whole number';
      return zh ? '类型不正确' : 'has the wrong type';
    case 'invalid_format': {
      const hint = HINTS[issue.message];
      const shown = typeof value === 'string' ? value.slice(0, 40) : '';
      if (zh) return `${shown ? `“${shown}”` : ''}格式不正确${hint ? `，${hint[0]}` : ''}`;
      return `${shown ? `"${shown}" ` : ''}has the wrong format${hint ? `; ${hint[1]}` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return zh ? `至少 ${num(issue.minimum)} 个字符` : `needs at least ${num(issue.minimum)} characters`;
      if (issue.origin === 'array') return zh ? `至少需要 ${num(issue.minimum)} 项` : `needs at least ${num(issue.minimum)} items`;
      if (money && Number(issue.minimum) < 0) return outOfRange(zh);
      if (money || issue.minimum === 0) return zh ? (issue.inclusive ? '不能为负数' : '必须大于 0') : issue.inclusive ? 'cannot be negative' : 'must be above 0';
      return zh ? `不能小于 ${num(issue.minimum)}` : `cannot be below ${num(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return zh ? `最多 ${num(issue.maximum)} 个字符` : `has more than ${num(issue.maximum)} characters`;
      if (issue.origin === 'array') return zh ? `最多 ${num(issue.maximum)} 项` : `has more than ${num(issue.maximum)} items`;
      if (money) return outOfRange(zh);
      return zh ? `不能大于 ${num(issue.maximum)}` : `cannot be above ${num(issue.maximum)}`;
    case 'invalid_value':
      return zh ? `应为以下之一：${(issue.values ?? []).map(String).join('、')}` : `must be one of ${(issue.values ?? []).map(String).join(', ')}`;
    case 'unrecognized_keys':
      return zh ? `不认识的字段：${(issue.keys ?? []).join('、')}` : `unknown fields: ${(issue.keys ?? []).join(', ')}`;
    default:
      return zh ? '不正确' : 'is not valid';
  }
}

/** One line per issue ("第 1 行：科目不能为空"), joined for one message; the payload gives the values. */
export function describeIssues(locale: Locale, issues: readonly SchemaIssue[], payload: unknown): string {
  const zh = locale === 'zh-CN';
  const texts = issues.slice(0, 5).map((issue) => {
    const where = place(issue.path, zh) || (zh ? '请求' : 'The request');
    const text = what(issue, at(payload, issue.path), zh);
    // "科目不能为空" reads as one phrase in Chinese; English puts a space between field and verb.
    return zh ? `${where}${text}` : `${where} ${text}`;
  });
  const more = issues.length - texts.length;
  if (more > 0) texts.push(zh ? `另有 ${more} 处` : `and ${more} more`);
  const out = texts.join(zh ? '；' : '; ');
  return zh ? out : out.charAt(0).toUpperCase() + out.slice(1);
}
