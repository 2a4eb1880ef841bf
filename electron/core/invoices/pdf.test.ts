/**
 * 数电票 PDFs (issue 18): a file laid out like the bureau's 票样 — title, 发票号码 and 开票日期
 * top right, 购买方信息 left and 销售方信息 right (their labels written vertically, one
 * character at a time), the items table with its 合计 row, 价税合计（大写）…（小写）, 备注 and
 * 开票人 — built here with pdfkit, parses to the same record as the XML of the same invoice,
 * whether each label and value is one text item or several; it imports as that invoice.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fenToDaxie } from '../../../shared/daxie';
import { UserError } from '../../../shared/errors';
import { testSession } from '../../../test/support/session';
import { tempDir } from '../../../test/support/temp';
import { parseInvoicePdf } from './pdf';
import { parseInvoiceXml } from './xml';

const BUYER = { name: '上海示例客户服务有限公司', taxId: '91310115MA1K4XYZ8Q' };
const SELLER = { name: '苏州味道餐饮有限公司', taxId: '91320506MA1N2B3C4D' };

interface Invoice {
  no: string;
  special: boolean;
  date: [number, number, number];
  items: { name: string; amount: string; rate: string; tax: string }[];
  amount: string;
  tax: string;
  total: string;
}

const MM = 72 / 25.4;
const require = createRequire(import.meta.url);
const font = readFileSync(join(dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts/NotoSansHans-Regular.otf'));

/**
 * The 数电票 票样 on its 241 × 140 mm page. `split`: every label and its value (and ¥ and
 * its figures) as separate text items, as some issuing systems write them.
 */
async function einvoicePdf(inv: Invoice, o: { split?: boolean; text?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: [241 * MM, 140 * MM], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((ok) => doc.on('end', ok));
  doc.registerFont('sc', font).font('sc');
  const put = (s: string, x: number, y: number, size = 9) => doc.fontSize(size).text(s, x * MM, y * MM, { lineBreak: false });
  const field = (label: string, value: string, x: number, y: number) => {
    if (o.split) {
      put(label, x, y);
      put(value, x + doc.fontSize(9).widthOfString(label) / MM + 1, y);
    } else put(label + value, x, y);
  };
  const money = (v: string) => (o.split ? ['¥', v] : [`¥${v}`]);
  const vertical = (s: string, x: number, y: number) => [...s].forEach((ch, i) => put(ch, x, y + i * 5));
  if (o.text !== false) {
    put(`电子发票（${inv.special ? '增值税专用发票' : '普通发票'}）`, 78, 8, 15);
    field('发票号码：', inv.no, 165, 9);
    field('开票日期：', `${inv.date[0]}年${String(inv.date[1]).padStart(2, '0')}月${String(inv.date[2]).padStart(2, '0')}日`, 165, 14);
    // Frame, the two party boxes side by side, the items table.
    doc.lineWidth(0.6).rect(6 * MM, 22 * MM, 229 * MM, 102 * MM).stroke();
    doc.moveTo(120.5 * MM, 22 * MM).lineTo(120.5 * MM, 44 * MM).stroke();
    doc.moveTo(6 * MM, 44 * MM).lineTo(235 * MM, 44 * MM).stroke();
    vertical('购买方信息', 8, 23);
    field('名称：', BUYER.name, 16, 28);
    field('统一社会信用代码/纳税人识别号：', BUYER.taxId, 16, 36);
    vertical('销售方信息', 122, 23);
    field('名称：', SELLER.name, 130, 28);
    field('统一社会信用代码/纳税人识别号：', SELLER.taxId, 130, 36);
    const cols = [10, 60, 85, 100, 115, 140, 175, 200];
    ['项目名称', '规格型号', '单位', '数量', '单价', '金额', '税率/征收率', '税额'].forEach((h, i) => put(h, cols[i]!, 47));
    inv.items.forEach((it, r) => {
      const y = 53 + r * 5;
      put(it.name, cols[0]!, y);
      put('次', cols[2]!, y);
      put('1', cols[3]!, y);
      put(it.amount, cols[4]!, y);
      put(it.amount, cols[5]!, y);
      put(it.rate, cols[6]!, y);
      put(it.tax, cols[7]!, y);
    });
    put('合', 25, 92);
    put('计', 40, 92);
    money(inv.amount).forEach((s, i) => put(s, cols[5]! - 3 + i * 3, 92));
    money(inv.tax).forEach((s, i) => put(s, cols[7]! - 3 + i * 3, 92));
    doc.moveTo(6 * MM, 98 * MM).lineTo(235 * MM, 98 * MM).stroke();
    put('价税合计（大写）', 10, 101);
    put(`⊗${fenToDaxie(Math.round(Number(inv.total.replace('-', '')) * 100))}`, 45, 101);
    put('（小写）', 150, 101);
    money(inv.total).forEach((s, i) => put(s, 165 + i * 3, 101));
    vertical('备注', 8, 106);
    put('开票人：王丽', 16, 127);
  } else {
    // A scan: only a picture of the invoice, no text layer.
    doc.rect(6 * MM, 22 * MM, 229 * MM, 102 * MM).fill('#eeeeee');
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The same invoice as the bureau's XML (invoices/xml.ts names the elements). */
const einvoiceXml = (inv: Invoice) => `<?xml version="1.0" encoding="UTF-8"?>
<EInvoice>
  <Header><EIid>${inv.no}</EIid>
    <InherentLabel>
      <EInvoiceType><LabelCode>${inv.special ? '01' : '02'}</LabelCode><LabelName>${inv.special ? '增值税专用发票' : '普通发票'}</LabelName></EInvoiceType>
      <GeneralOrSpecialVAT><LabelCode>${inv.special ? '01' : '02'}</LabelCode><LabelName>${inv.special ? '专票' : '普票'}</LabelName></GeneralOrSpecialVAT>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>${SELLER.taxId}</SellerIdNum><SellerName>${SELLER.name}</SellerName></SellerInformation>
    <BuyerInformation><BuyerIdNum>${BUYER.taxId}</BuyerIdNum><BuyerName>${BUYER.name}</BuyerName></BuyerInformation>
    <BasicInformation><TotalAmWithoutTax>${inv.amount}</TotalAmWithoutTax><TotalTaxAm>${inv.tax}</TotalTaxAm><TotalTax-includedAmount>${inv.total}</TotalTax-includedAmount>
      <RequestTime>${inv.date.join('-')} 10:49:00</RequestTime></BasicInformation>
  </EInvoiceData>
  <TaxSupervisionInfo><InvoiceNumber>${inv.no}</InvoiceNumber><IssueTime>${inv.date[0]}-${String(inv.date[1]).padStart(2, '0')}-${String(inv.date[2]).padStart(2, '0')} 10:49:00</IssueTime></TaxSupervisionInfo>
</EInvoice>`;

const SPECIAL: Invoice = {
  no: '26312000000012345678',
  special: true,
  date: [2026, 11, 7],
  items: [
    { name: '*餐饮服务*餐费', amount: '1000.00', rate: '6%', tax: '60.00' },
    { name: '*住宿服务*住宿费', amount: '664.15', rate: '6%', tax: '39.85' },
  ],
  amount: '1664.15',
  tax: '99.85',
  total: '1764.00',
};
const ORDINARY: Invoice = { no: '26312000000087654321', special: false, date: [2026, 10, 31], items: [{ name: '*运输服务*客运服务费', amount: '52.48', rate: '3%', tax: '1.57' }], amount: '52.48', tax: '1.57', total: '54.05' };

const withoutSource = <T extends { source: string }>(r: T) => ({ ...r, source: undefined });

describe('数电票 PDF', () => {
  for (const [name, inv] of [
    ['专票', SPECIAL],
    ['普票', ORDINARY],
  ] as const) {
    for (const split of [false, true]) {
      it(`${name}${split ? ' (labels, values and ¥ as separate text items)' : ''}: the PDF parses to the same record as its XML`, async () => {
        const pdf = await parseInvoicePdf(new Uint8Array(await einvoicePdf(inv, { split })));
        const xml = parseInvoiceXml(einvoiceXml(inv));
        expect(withoutSource(pdf)).toEqual(withoutSource(xml));
        expect([pdf.source, xml.source]).toEqual(['PDF', 'XML']);
        expect(pdf).toMatchObject({ number: inv.no, buyerTaxId: BUYER.taxId, buyerName: BUYER.name, sellerTaxId: SELLER.taxId, sellerName: SELLER.name, special: inv.special, voided: false });
        expect(pdf.totalFen).toBe(pdf.amountFen + pdf.taxFen);
      });
    }
  }

  it('a red-letter invoice (negative figures) is voided, as from the XML', async () => {
    const red: Invoice = { ...ORDINARY, no: '26312000000087654322', items: [{ name: '*运输服务*客运服务费', amount: '-52.48', rate: '3%', tax: '-1.57' }], amount: '-52.48', tax: '-1.57', total: '-54.05' };
    const pdf = await parseInvoicePdf(new Uint8Array(await einvoicePdf(red)));
    expect(withoutSource(pdf)).toEqual(withoutSource(parseInvoiceXml(einvoiceXml(red))));
    expect([pdf.totalFen, pdf.voided]).toEqual([-5405, true]);
  });

  it('refused, typed: a scan without a text layer, figures that do not add up, a file that is no PDF', async () => {
    const code = async (bytes: Buffer) => ((await parseInvoicePdf(new Uint8Array(bytes)).catch((e: unknown) => e)) as UserError).code;
    expect(await code(await einvoicePdf(SPECIAL, { text: false }))).toBe('invoices.notEInvoicePdf');
    expect(await code(await einvoicePdf({ ...SPECIAL, tax: '99.86' }))).toBe('invoices.notEInvoicePdf');
    expect(await code(Buffer.from('%PDF-1.7\nnot really'))).toBe('invoices.notEInvoicePdf');
  });

  it('imports as the one invoice of the ledger (by its first bytes, whatever its name); its XML then counts as a duplicate; the preview shows it', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: BUYER.name, firstPeriod: '2026-01', taxId: BUYER.taxId });
    const dir = tempDir();
    const pdf = join(dir, 'dzfp_26312000000012345678.pdf');
    writeFileSync(pdf, await einvoicePdf(SPECIAL));
    const preview = await s.call('import.preview', { kind: 'invoices', path: pdf });
    expect(preview.sheets[0]!.rows[0]!.cells).toEqual([SPECIAL.no, '2026-11-07', SELLER.taxId, SELLER.name, BUYER.taxId, BUYER.name, '1,664.15', '99.85', '1,764.00', '数电发票（增值税专用发票）']);
    const r = await s.call('import.run', { kind: 'invoices', path: pdf });
    expect([r.rowsRead, r.accepted, r.duplicates, r.acceptedTotalFen]).toEqual([1, 1, 0, 176400]);
    const stored = s.session.requireBook().sqlite.prepare('SELECT invoice_key AS k, amount_fen AS a, tax_fen AS t, total_fen AS total, kind, special, source FROM invoice').all();
    expect(stored).toEqual([{ k: SPECIAL.no, a: 166415, t: 9985, total: 176400, kind: '数电发票（增值税专用发票）', special: 1, source: 'PDF' }]);
    const xml = join(dir, 'invoice.bin');
    writeFileSync(xml, einvoiceXml(SPECIAL));
    expect((await s.call('import.run', { kind: 'invoices', path: xml })).duplicates).toBe(1);
    // A PDF that is not an e-invoice: refused, nothing written.
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, await einvoicePdf(SPECIAL, { text: false }));
    expect((await s.callErr('import.run', { kind: 'invoices', path: bad })).code).toBe('invoices.notEInvoicePdf');
    expect(s.session.requireBook().sqlite.prepare('SELECT COUNT(*) FROM invoice').pluck().get()).toBe(1);
  });
});
