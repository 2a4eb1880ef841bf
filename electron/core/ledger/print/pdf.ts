/**
 * Vouchers to PDF with pdfkit (https://pdfkit.org: registerFont, text with lineBreak false,
 * vector lines) in Noto Sans SC (Noto Sans Hans from @embedpdf/fonts-sc, GB2312 coverage,
 * SIL OFL), which pdfkit subsets through fontkit 2 when it embeds it: a page carries only
 * the glyphs it uses, so the file stays small and the app needs no system CJK font.
 * fontkit 2 matters: the older @pdf-lib/fontkit fork writes broken subsets of CID-keyed
 * CFF fonts such as this one (pdf-lib issue #1232).
 * Layouts: 'a4' — two vouchers per A4 page; 'voucher' — one per 凭证纸 240 × 140 mm page,
 * with a binding margin on the left. A voucher with more lines than a form has rows goes
 * on as many forms as it needs (凭证号 1/2, 2/2; 过次页 on all but the last, 合计 on the last).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { fenToDaxie } from '../../../../shared/daxie';
import { formatFen } from '../../../../shared/money';
import type { PrintVoucher } from './data';

export type Layout = 'a4' | 'voucher';

const MM = 72 / 25.4;
interface Geometry { page: [number, number]; slots: { x: number; y: number; w: number; h: number }[] }
const GEOMETRY: Record<Layout, Geometry> = {
  a4: {
    page: [595.28, 841.89],
    slots: [
      { x: 40, y: 28, w: 523, h: 380 },
      { x: 40, y: 449, w: 523, h: 380 },
    ],
  },
  voucher: { page: [240 * MM, 140 * MM], slots: [{ x: 20 * MM, y: 8 * MM, w: 212 * MM, h: 124 * MM }] },
};

const TITLES: Record<string, string> = { 记: '记 账 凭 证', 收: '收 款 凭 证', 付: '付 款 凭 证', 转: '转 账 凭 证' };
const ROW_H = 30;
const HEAD_H = 20;
const TOTAL_H = 24;
const TOP = 46;
const FOOT = 26;

let fontBytes: Buffer | null = null;
/** The font file ships inside the npm package (resolved beside its entry point: its exports map hides fonts/). */
function font(): Buffer {
  if (!fontBytes) {
    const require = createRequire(import.meta.url);
    fontBytes = readFileSync(join(dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts/NotoSansHans-Regular.otf'));
  }
  return fontBytes;
}

export const rowsPerForm = (layout: Layout): number => Math.floor((GEOMETRY[layout].slots[0]!.h - TOP - HEAD_H - TOTAL_H - FOOT) / ROW_H);

type Doc = InstanceType<typeof PDFDocument>;

/** Text shrunk (down to `min`) and then cut with … so it fits `width`. */
function fit(doc: Doc, text: string, width: number, size: number, min = 6): { text: string; size: number } {
  let s = size;
  doc.fontSize(s);
  while (s > min && doc.widthOfString(text) > width) doc.fontSize((s -= 0.5));
  if (doc.widthOfString(text) <= width) return { text, size: s };
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return { text: `${cut}…`, size: s };
}

function put(doc: Doc, text: string, x: number, y: number, o: { size?: number; width?: number; align?: 'left' | 'right' | 'center'; color?: string } = {}) {
  if (!text) return;
  const f = o.width ? fit(doc, text, o.width, o.size ?? 9) : { text, size: o.size ?? 9 };
  doc.fontSize(f.size).fillColor(o.color ?? '#000');
  const w = doc.widthOfString(f.text);
  const left = o.align === 'right' && o.width ? x + o.width - w : o.align === 'center' && o.width ? x + (o.width - w) / 2 : x;
  doc.text(f.text, left, y, { lineBreak: false });
}

const money = (fen: number) => (fen === 0 ? '' : formatFen(fen));
const dateText = (d: string) => `${d.slice(0, 4)} 年 ${d.slice(5, 7)} 月 ${d.slice(8, 10)} 日`;

interface Form { v: PrintVoucher; part: number; parts: number; lines: PrintVoucher['lines'] }

function drawForm(doc: Doc, company: string, f: Form, box: Geometry['slots'][number], rows: number): void {
  const { x, y, w } = box;
  const { v } = f;
  const red = '#c00000';
  put(doc, TITLES[v.word] ?? TITLES['记']!, x, y, { size: 16, width: w, align: 'center' });
  const tw = 120;
  doc.lineWidth(0.8).strokeColor('#000').moveTo(x + (w - tw) / 2, y + 21).lineTo(x + (w + tw) / 2, y + 21).moveTo(x + (w - tw) / 2, y + 23.5).lineTo(x + (w + tw) / 2, y + 23.5).stroke();
  put(doc, `附单据  ${v.attachments}  张`, x + w - 110, y + 6, { size: 9, width: 110, align: 'right' });
  const no = f.parts > 1 ? `${v.no}（${f.part}/${f.parts}）` : v.no;
  put(doc, `核算单位：${company}`, x, y + 30, { size: 9, width: w * 0.42 });
  put(doc, `日期：${dateText(v.date)}`, x + w * 0.38, y + 30, { size: 9, width: w * 0.28, align: 'center' });
  put(doc, `凭证号：${no}`, x + w * 0.66, y + 30, { size: 9, width: w * 0.34, align: 'right' });

  const cols = [0.27, 0.43, 0.15, 0.15].map((c) => c * w);
  const cx = [x, x + cols[0]!, x + cols[0]! + cols[1]!, x + cols[0]! + cols[1]! + cols[2]!, x + w];
  const top = y + TOP;
  const bodyTop = top + HEAD_H;
  const totalTop = bodyTop + rows * ROW_H;
  const bottom = totalTop + TOTAL_H;
  // Grid: outer frame, header rule, row rules, column rules (the 合计 row merges 摘要 and 科目).
  doc.lineWidth(1).rect(x, top, w, bottom - top).stroke();
  doc.lineWidth(0.5);
  for (let r = 0; r <= rows; r++) doc.moveTo(x, bodyTop + r * ROW_H).lineTo(x + w, bodyTop + r * ROW_H);
  doc.moveTo(cx[1]!, top).lineTo(cx[1]!, totalTop);
  for (const c of [cx[2]!, cx[3]!]) doc.moveTo(c, top).lineTo(c, bottom);
  doc.stroke();
  ['摘  要', '会 计 科 目', '借方金额', '贷方金额'].forEach((h, i) => put(doc, h, cx[i]! + 2, top + 5.5, { size: 9.5, width: cols[i]! - 4, align: 'center' }));

  f.lines.forEach((l, i) => {
    const ry = bodyTop + i * ROW_H;
    put(doc, l.memo, cx[0]! + 4, ry + (ROW_H - 10) / 2, { size: 8.5, width: cols[0]! - 8 });
    put(doc, l.account, cx[1]! + 4, ry + (l.dims ? 4 : (ROW_H - 10) / 2), { size: 8.5, width: cols[1]! - 8 });
    if (l.dims) put(doc, l.dims, cx[1]! + 4, ry + 17, { size: 7, width: cols[1]! - 8, color: '#444' });
    put(doc, money(l.debitFen), cx[2]!, ry + (ROW_H - 10) / 2, { size: 9, width: cols[2]! - 5, align: 'right', color: l.debitFen < 0 ? red : '#000' });
    put(doc, money(l.creditFen), cx[3]!, ry + (ROW_H - 10) / 2, { size: 9, width: cols[3]! - 5, align: 'right', color: l.creditFen < 0 ? red : '#000' });
  });

  const ty = totalTop + (TOTAL_H - 10) / 2;
  if (f.part < f.parts) put(doc, '过 次 页', cx[0]! + 4, ty, { size: 9, width: cols[0]! + cols[1]! - 8, align: 'center' });
  else {
    put(doc, `合计：${fenToDaxie(v.debitFen)}`, cx[0]! + 4, ty, { size: 9, width: cols[0]! + cols[1]! - 8 });
    put(doc, `¥${formatFen(v.debitFen)}`, cx[2]!, ty, { size: 9, width: cols[2]! - 5, align: 'right', color: v.debitFen < 0 ? red : '#000' });
    put(doc, `¥${formatFen(v.creditFen)}`, cx[3]!, ty, { size: 9, width: cols[3]! - 5, align: 'right', color: v.creditFen < 0 ? red : '#000' });
  }
  const reviewer = v.reviewer ? `${v.reviewer}${v.reviewKind === 'generated' ? '（系统生成）' : ''}` : '';
  const fy = bottom + 9;
  const people = [`记账：${v.poster}`, `审核：${reviewer}`, `出纳：`, `制单：${v.maker}`];
  people.forEach((p, i) => put(doc, p, x + (w / 4) * i, fy, { size: 9, width: w / 4 - 6 }));
}

/** Splits each voucher into forms of `rows` lines. */
function forms(vouchers: PrintVoucher[], rows: number): Form[] {
  const out: Form[] = [];
  for (const v of vouchers) {
    const parts = Math.max(1, Math.ceil(v.lines.length / rows));
    for (let p = 0; p < parts; p++) out.push({ v, part: p + 1, parts, lines: v.lines.slice(p * rows, (p + 1) * rows) });
  }
  return out;
}

/** The PDF as bytes, and how many pages it has. */
export async function renderVouchersPdf(company: string, vouchers: PrintVoucher[], layout: Layout, title: string): Promise<{ bytes: Buffer; pages: number }> {
  const g = GEOMETRY[layout];
  const rows = rowsPerForm(layout);
  const doc = new PDFDocument({ size: g.page, margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'client-ledger' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok, fail) => {
    doc.on('end', () => ok());
    doc.on('error', fail);
  });
  doc.registerFont('cjk', font());
  const all = forms(vouchers, rows);
  let pages = 0;
  all.forEach((f, i) => {
    const slot = i % g.slots.length;
    if (slot === 0) {
      doc.addPage({ size: g.page, margin: 0 });
      doc.font('cjk');
      pages++;
    }
    drawForm(doc, company, f, g.slots[slot]!, rows);
    // A4: a dashed cutting line between the two vouchers.
    if (layout === 'a4' && slot === 0) doc.save().lineWidth(0.4).dash(3, { space: 3 }).strokeColor('#888').moveTo(20, g.page[1] / 2).lineTo(g.page[0] - 20, g.page[1] / 2).stroke().undash().restore();
  });
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages };
}
