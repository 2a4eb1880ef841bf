/**
 * The forms of one sheet while it streams (scan.ts): each form's rows are held until its
 * 合计 row and the rows after it are read, then its stated total is checked against its
 * lines. A form that disagrees is rejected whole — every line, with that reason — so
 * nothing of it reaches the kind's writer (no claim, no new employee or customer).
 * Forms are a page or two each, so holding one costs nothing.
 */
import type { MessageCode } from '../../../shared/messages/index';
import type { Candidate, Params } from './kind';
import { readTotal, totalMismatch, type FormHead, type FormTotal } from './form';
import type { ScanReject } from './scan';
import { parseAmountValue, type Plain } from './values';

/** What a claim line knows of its form (expenses: one form = one claim). */
export interface FormRef {
  /** Unique in the file: sheet and the form's place on it. */
  key: string;
  formNo: string;
  employee: string;
  department: string;
  date: string | null;
  attachments: number | null;
}

export interface ScannedForm extends FormRef {
  sheet: string;
  headerRow: number;
  lines: number;
  /** The total the form states (figures, else 大写), else the sum of its lines. */
  totalFen: number;
  linesFen: number;
  reason?: { code: MessageCode; params: Params };
}

interface PreviewEntry {
  status: 'ok' | 'rejected' | 'skipped';
  code?: MessageCode;
  params?: Params;
}

interface OpenForm {
  ref: FormRef;
  headerRow: number;
  amountCol: number | undefined;
  candidates: { c: Candidate<unknown>; cells: string[] }[];
  rejects: ScanReject[];
  preview: PreviewEntry[];
  lines: number;
  linesFen: number;
  total: FormTotal | null;
  /** Rows after the 合计 row that may still state the part of the total it lacks. */
  trailing: boolean;
}

export class FormScanner {
  readonly forms: ScannedForm[] = [];
  private open: OpenForm | null = null;

  /** The form whose lines are being read. */
  get current(): FormRef | null {
    return this.open?.ref ?? null;
  }

  constructor(
    private readonly sheet: string,
    private readonly emit: { candidate(c: Candidate<unknown>): void; reject(r: ScanReject): void },
  ) {}

  begin(head: FormHead, headerRow: number, amountCol: number | undefined): FormRef {
    this.close();
    const ref: FormRef = { key: `${this.sheet}#${this.forms.length + 1}`, ...head };
    this.open = { ref, headerRow, amountCol, candidates: [], rejects: [], preview: [], lines: 0, linesFen: 0, total: null, trailing: false };
    return ref;
  }

  /** One data row of the open form: its amount (when it reads) counts toward the lines' total. */
  line(amount: Plain, item: { candidate: Candidate<unknown>; cells: string[] } | { reject: ScanReject }, preview: PreviewEntry | null): void {
    const f = this.open!;
    f.lines++;
    const a = parseAmountValue(amount);
    if (a.ok) f.linesFen += a.fen;
    if ('candidate' in item) f.candidates.push({ c: item.candidate, cells: item.cells });
    else f.rejects.push(item.reject);
    if (preview) f.preview.push(preview);
  }

  footer(cells: Plain[]): void {
    const f = this.open;
    if (!f) return;
    f.total = readTotal(cells, f.amountCol);
    f.trailing = true;
  }

  /** A row below the 合计 row: 小写/大写 on a line of their own complete the total; anything else ends that. */
  after(cells: Plain[]): void {
    const f = this.open;
    if (!f?.trailing || !f.total) return;
    const text = cells.map((c) => (typeof c === 'string' ? c : '')).join('');
    if (/小写|大写/.test(text)) readTotal(cells, f.amountCol, f.total);
    else f.trailing = false;
  }

  /** Ends the open form: its rows go on, or come back as rejects of the whole form. */
  close(): void {
    const f = this.open;
    if (!f) return;
    this.open = null;
    const reason = totalMismatch(f.total, f.linesFen, f.ref.formNo) ?? undefined;
    const stated = f.total?.figuresFen ?? f.total?.daxieFen ?? null;
    this.forms.push({ ...f.ref, sheet: this.sheet, headerRow: f.headerRow, lines: f.lines, totalFen: stated ?? f.linesFen, linesFen: f.linesFen, ...(reason ? { reason } : {}) });
    if (reason) {
      for (const { c, cells } of f.candidates) this.emit.reject({ sheet: c.sheet, row: c.row, code: reason.code, params: reason.params, cells });
      for (const r of f.rejects) this.emit.reject({ ...r, code: reason.code, params: reason.params });
      for (const p of f.preview) Object.assign(p, { status: 'rejected', code: reason.code, params: reason.params });
      return;
    }
    for (const { c } of f.candidates) this.emit.candidate(c);
    for (const r of f.rejects) this.emit.reject(r);
  }
}
