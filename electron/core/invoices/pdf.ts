/**
 * A 数电票 as the PDF the 电子发票服务平台 issues (the file managers attach): its text layer,
 * read with pdf.js (pdfjs-dist's legacy build, which runs in Node: getDocument → getPage →
 * getTextContent, each item a string with its position — https://mozilla.github.io/pdf.js/api/),
 * to the same record as the XML (xml.ts). The bureau's layout (国家税务总局公告2021年第32号 /
 * 数电票票样): the title 电子发票（增值税专用发票）or（普通发票） at the top; 发票号码 (20 digits)
 * and 开票日期 at the top right; 购买方信息 in the left half and 销售方信息 in the right half
 * of the frame, each with 名称 and 统一社会信用代码/纳税人识别号; the items table (项目名称 …
 * 金额, 税率/征收率, 税额) ending in a 合计 row (¥金额 ¥税额); then 价税合计（大写）…（小写）¥.
 *
 * Text items are grouped into lines by their baseline and read left to right; the buyer and
 * seller are told apart by the half of the page they sit in. A file whose figures do not add
 * up (金额 + 税额 ≠ 价税合计), or with no text layer (a scan), is refused rather than guessed.
 */
import { UserError } from '../../../shared/errors';
import { parseAmount } from '../../../shared/money';
import { einvoiceKind, isSpecialKind, type InvoiceRecord } from './record';

/** A 数电票 is one page, a long item list a few more: no real one needs more. */
const MAX_PAGES = 8;
/** Items whose baselines differ by less than this (points) are one line (the title's larger type sits a little lower). */
const LINE_TOLERANCE = 3;

interface Item {
  text: string;
  x: number;
  y: number;
}

interface Line {
  full: string;
  left: string;
  right: string;
}

export const isPdfBytes = (head: Buffer): boolean => head.subarray(0, 1024).includes('%PDF-');

/** The page's text, line by line, top to bottom (pages one after the other). */
async function textLines(bytes: Uint8Array): Promise<Line[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // No eval of font programs (CVE-2024-4367), no fonts loaded for display: only the text is wanted.
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch {
    await task.destroy();
    throw new UserError('invoices.notEInvoicePdf');
  }
  try {
    const lines: Line[] = [];
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES); p++) {
      const page = await doc.getPage(p);
      const mid = (page.view[0]! + page.view[2]!) / 2;
      const items: Item[] = [];
      for (const it of (await page.getTextContent()).items) {
        if ('str' in it && it.str.trim() !== '') items.push({ text: it.str, x: it.transform[4] as number, y: it.transform[5] as number });
      }
      // PDF y grows upwards: top line first.
      items.sort((a, b) => b.y - a.y || a.x - b.x);
      let group: Item[] = [];
      const flush = () => {
        if (!group.length) return;
        group.sort((a, b) => a.x - b.x);
        const join = (xs: Item[]) => xs.map((i) => i.text).join('').trim();
        lines.push({ full: join(group), left: join(group.filter((i) => i.x < mid)), right: join(group.filter((i) => i.x >= mid)) });
        group = [];
      };
      for (const it of items) {
        if (group.length && group[0]!.y - it.y > LINE_TOLERANCE) flush();
        group.push(it);
      }
      flush();
      page.cleanup();
    }
    return lines;
  } finally {
    await doc.destroy();
  }
}

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

const fen = (v: string | undefined): number | null => {
  if (v === undefined) return null;
  const a = parseAmount(v.replace(/,/g, ''));
  return a.ok ? a.fen : null;
};

/** The value after a label on the first line (of a half) that has it. */
function after(lines: string[], label: RegExp): string | null {
  for (const l of lines) {
    const m = label.exec(l);
    if (m) return l.slice(m.index + m[0].length).trim();
  }
  return null;
}

const NAME = /名\s*称\s*[:：]\s*/;
const TAX_ID = /(?:纳税人识别号|统一社会信用代码)\s*[:：]\s*/;
const taxIdOf = (s: string | null) => /^[0-9A-Z]{15,20}/.exec(compact(s ?? '').toUpperCase())?.[0] ?? '';

/** The party in one half of the page: its 名称 and 纳税人识别号 (the first of each in that half). */
function party(lines: string[]): { name: string; taxId: string } {
  return { name: after(lines, NAME) ?? '', taxId: taxIdOf(after(lines, TAX_ID)) };
}

/** A 数电票 PDF's invoice; a file that is not one is a typed error. */
export async function parseInvoicePdf(bytes: Uint8Array): Promise<InvoiceRecord> {
  const lines = await textLines(bytes);
  const text = lines.map((l) => compact(l.full));
  const all = text.join('\n');
  const kindName = /电子发票[(（]([^)）]+)[)）]/.exec(all)?.[1];
  const number = /发票号码[:：]?(\d{20})(?!\d)/.exec(all)?.[1];
  const date = /开票日期[:：]?(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(all);
  const total = fen(/小写[)）]?[:：]?[¥￥]?(-?[\d,]+\.\d{1,2})/.exec(all)?.[1]);
  // The 合计 row of the items table (not 价税合计): ¥金额 then ¥税额 (税额 *** when exempt).
  const sums = text.find((l) => /^合计/.test(l) && /[¥￥]/.test(l));
  const figures = [...(sums ?? '').matchAll(/[¥￥](-?[\d,]+\.\d{1,2})/g)].map((m) => fen(m[1]));
  if (!kindName || !number || total === null || figures.some((f) => f === null)) throw new UserError('invoices.notEInvoicePdf');
  const taxFen = figures[1] ?? 0;
  const amountFen = figures[0] ?? total - taxFen;
  if (amountFen + taxFen !== total) throw new UserError('invoices.notEInvoicePdf');
  // Buyer on the left, seller on the right: only the lines below the title block hold parties.
  const buyer = party(lines.map((l) => l.left));
  const seller = party(lines.map((l) => l.right));
  const kind = einvoiceKind(kindName);
  const pad = (n: string) => n.padStart(2, '0');
  return {
    number,
    code: '',
    sellerTaxId: seller.taxId,
    sellerName: seller.name,
    buyerTaxId: buyer.taxId,
    buyerName: buyer.name,
    issueDate: date ? `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}` : null,
    amountFen,
    taxFen,
    totalFen: total,
    kind,
    // Like the XML, a file carries no status: the ledger learns of 作废/红冲 from the bureau's export.
    status: '',
    special: isSpecialKind(kind),
    voided: total < 0,
    source: 'PDF',
  };
}
