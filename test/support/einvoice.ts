/**
 * 数电票 files for tests, as the 电子发票服务平台 issues them: the PDF laid out like the bureau's
 * 票样 (title, 发票号码 and 开票日期 top right, 购买方信息 left and 销售方信息 right with their
 * labels written vertically one character at a time, the items table and its 合计 row,
 * 价税合计（大写）…（小写）, 备注, 开票人), drawn with pdfkit in Noto Sans SC; and the same
 * invoice as the XML (invoices/xml.ts names its elements).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fenToDaxie } from '../../shared/daxie';

export const BUYER = { name: '上海示例客户服务有限公司', taxId: '91310115MA1K4XYZ8Q' };
export const SELLER = { name: '苏州味道餐饮有限公司', taxId: '91320506MA1N2B3C4D' };

export interface Invoice {
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
export async function einvoicePdf(inv: Invoice, o: { split?: boolean; text?: boolean } = {}): Promise<Buffer> {
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
export const einvoiceXml = (inv: Invoice) => `<?xml version="1.0" encoding="UTF-8"?>
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
