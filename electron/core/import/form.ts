/**
 * Form-layout claims (费用报销单, DOMAIN.md: Excel import → Form-layout claims): the fields
 * a form states by label above its lines table (报销人, 部门, 报销日期, 单据编号, 附件张数) and
 * the total its 合计 row states in figures and in 大写. Pure reading; scan.ts decides where
 * a form begins and ends, and rejects a form whose stated total differs from its lines.
 */
import { daxieToFen } from '../../../shared/daxie-parse';
import type { MessageCode } from '../../../shared/messages/index';
import { formatFen } from '../../../shared/money';
import type { Params } from './kind';
import { cellText, isBlank, parseAmountValue, parseDateValue, type Plain } from './values';

export type FormField = 'employee' | 'department' | 'date' | 'formNo' | 'attachments';

/** Label → field, compared without spaces (forms space labels out: 报 销 人). */
const LABELS: Record<string, FormField> = {
  报销人: 'employee',
  姓名: 'employee',
  经办人: 'employee',
  申请人: 'employee',
  部门: 'department',
  所属部门: 'department',
  报销部门: 'department',
  报销日期: 'date',
  填报日期: 'date',
  单据编号: 'formNo',
  报销单号: 'formNo',
  单据号: 'formNo',
  附件张数: 'attachments',
  附单据张数: 'attachments',
  附件: 'attachments',
};
const LABEL_RE = new RegExp(`^(${Object.keys(LABELS).sort((a, b) => b.length - a.length).join('|')})(?:[:：](.*))?$`, 's');

export interface FormHead {
  employee: string;
  department: string;
  /** 报销日期 as YYYY-MM-DD, when stated and readable. */
  date: string | null;
  formNo: string;
  attachments: number | null;
}

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const labelLike = (v: Plain) => typeof v === 'string' && /[:：]\s*$/.test(v);

/** A cell that is a label: its field and the value written in the same cell (after the colon), if any. */
function labelOf(v: Plain): { field: FormField; inline: string | null } | null {
  if (typeof v !== 'string') return null;
  const m = LABEL_RE.exec(compact(v));
  if (m) {
    const inline = m[2] === undefined ? '' : v.slice(v.search(/[:：]/) + 1).trim();
    return { field: LABELS[m[1]!]!, inline: inline === '' ? null : inline };
  }
  // 报销人 张伟: a space instead of the colon.
  const spaced = /^\s*(\S+?)\s+(\S.*)$/s.exec(v);
  const field = spaced ? LABELS[compact(spaced[1]!)] : undefined;
  return field ? { field, inline: spaced![2]!.trim() } : null;
}

/**
 * The labelled fields of the rows above a lines table; null when none names the claimant
 * (then the rows are a title, not a form head). A value sits after the colon or in the next
 * non-empty cell to the right (a merged cell's value is in its first cell, the rest are
 * empty); a later value wins, so a stacked form's own labels beat the signature lines
 * (经办人：) of the form above it.
 */
export function readFormHead(rows: Plain[][], isColumnName: (text: string) => boolean = () => false): FormHead | null {
  const found: Partial<Record<FormField, Plain>> = {};
  for (const cells of rows) {
    for (let i = 1; i < cells.length; i++) {
      const label = labelOf(cells[i] ?? null);
      if (!label) continue;
      let value: Plain = label.inline;
      if (value === null) {
        let j = i + 1;
        while (j < cells.length && isBlank(cells[j] ?? null)) j++;
        const next = cells[j] ?? null;
        if (!isBlank(next) && !labelOf(next) && !labelLike(next) && !(typeof next === 'string' && isColumnName(next))) {
          value = next;
          i = j;
        }
      }
      if (value !== null && !isBlank(value)) found[label.field] = value;
    }
  }
  const employee = cellText(found.employee ?? null);
  if (!employee) return null;
  const date = found.date !== undefined ? parseDateValue(found.date) : null;
  const att = cellText(found.attachments ?? null).normalize('NFKC').match(/^(\d{1,4})\s*张?$/);
  return {
    employee,
    department: cellText(found.department ?? null),
    date: date?.ok ? date.date : null,
    formNo: cellText(found.formNo ?? null).normalize('NFKC').replace(/\s+/g, ''),
    attachments: att ? Number(att[1]) : null,
  };
}

/** Whether a row is a form head's label row (报销人：张伟 …) rather than a table header of column names. */
export function isLabelRow(cells: Plain[], isColumnName: (text: string) => boolean): boolean {
  for (let i = 1; i < cells.length; i++) {
    const label = labelOf(cells[i] ?? null);
    if (!label) continue;
    if (label.inline !== null) return true;
    let j = i + 1;
    while (j < cells.length && isBlank(cells[j] ?? null)) j++;
    const next = cells[j] ?? null;
    if (!isBlank(next) && !labelOf(next) && !labelLike(next) && !(typeof next === 'string' && isColumnName(next))) return true;
  }
  return false;
}

export interface FormTotal {
  figuresFen: number | null;
  daxieFen: number | null;
  /** The row holds 大写 that reads as no amount. */
  daxieUnreadable: boolean;
}

const DAXIE_RUN = /[零〇壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]+/g;
const SMALL_LABEL = /^(.*?)小写[)）]?[:：]?/;

/**
 * The totals a 合计 row states: 大写 wherever it is written (合计（大写）：壹仟…元整), figures in
 * the amount column, after a 小写 label, or as the row's only number. Rows after the 合计
 * row may add the part it lacks (小写：¥1,234.50 on a line of its own).
 */
export function readTotal(cells: Plain[], amountCol: number | undefined, into: FormTotal = { figuresFen: null, daxieFen: null, daxieUnreadable: false }): FormTotal {
  const t = into;
  const numbers: number[] = [];
  let afterSmall = false;
  for (let i = 1; i < cells.length; i++) {
    const v = cells[i] ?? null;
    if (isBlank(v)) continue;
    if (typeof v === 'number') {
      const f = parseAmountValue(v);
      if (f.ok) {
        if (afterSmall || i === amountCol) t.figuresFen ??= f.fen;
        numbers.push(f.fen);
      }
      afterSmall = false;
      continue;
    }
    if (typeof v !== 'string') continue;
    for (const run of v.match(DAXIE_RUN) ?? []) {
      if (!/[元圆角分]/.test(run) || !/[壹贰叁肆伍陆柒捌玖拾零〇]/.test(run)) continue;
      const fen = daxieToFen(run);
      if (fen === null) t.daxieUnreadable = true;
      else t.daxieFen ??= fen;
    }
    const small = SMALL_LABEL.exec(v);
    if (small) {
      const rest = v.slice(small[0].length).trim();
      if (rest === '') afterSmall = true;
      else {
        const f = parseAmountValue(rest);
        if (f.ok) t.figuresFen ??= f.fen;
      }
      continue;
    }
    const f = parseAmountValue(v);
    if (f.ok && (afterSmall || i === amountCol)) t.figuresFen ??= f.fen;
    else if (f.ok) numbers.push(f.fen);
    afterSmall = false;
  }
  if (t.figuresFen === null && numbers.length === 1) t.figuresFen = numbers[0]!;
  return t;
}

/** Why a form's stated total refuses its lines (null when it agrees or states none). */
export function totalMismatch(total: FormTotal | null, linesFen: number, formNo: string): { code: MessageCode; params: Params } | null {
  if (!total) return null;
  const form = formNo;
  if (total.daxieUnreadable) return { code: 'import.reject.form.daxieUnreadable', params: { form } };
  const stated = [total.figuresFen, total.daxieFen].filter((x): x is number => x !== null);
  if (stated.every((x) => x === linesFen)) return null;
  return {
    code: 'import.reject.form.totalMismatch',
    params: { form, figures: total.figuresFen === null ? '—' : formatFen(total.figuresFen), daxie: total.daxieFen === null ? '—' : formatFen(total.daxieFen), lines: formatFen(linesFen) },
  };
}
