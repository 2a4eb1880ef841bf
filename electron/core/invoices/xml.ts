/**
 * A 数电票 (全面数字化的电子发票) as the XML file the 电子发票服务平台 issues beside its PDF and OFD.
 * The tax bureau's published layout (国家税务总局 电子发票服务平台, 数电票 XML 版式文件; the
 * element names below are those of its schema):
 *
 *   EInvoice/Header/EIid                                   发票号码 (20 digits)
 *   EInvoice/Header/InherentLabel/EInvoiceType/LabelName     票种 (增值税专用发票, 普通发票 …)
 *   EInvoice/Header/InherentLabel/GeneralOrSpecialVAT/LabelCode  01 专票, 02 普票
 *   EInvoice/EInvoiceData/SellerInformation/SellerIdNum, SellerName
 *   EInvoice/EInvoiceData/BuyerInformation/BuyerIdNum, BuyerName
 *   EInvoice/EInvoiceData/BasicInformation/TotalAmWithoutTax, TotalTaxAm, TotalTax-includedAmount, RequestTime
 *   EInvoice/TaxSupervisionInfo/InvoiceNumber, IssueTime
 *
 * The file is small and its layout fixed, so it is read by these paths with a strict
 * element scanner (no DTDs, entities beyond the five XML ones, or external references).
 */
import { UserError } from '../../../shared/errors';
import { parseAmount } from '../../../shared/money';
import { einvoiceKind, isSpecialKind, type InvoiceRecord } from './record';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!,
  );

/** The text of the first element at `path` (slash-separated local names, namespaces ignored). */
function textAt(xml: string, path: string[]): string | null {
  let scope = xml;
  for (const name of path) {
    const esc = name.replace(/[-]/g, '\\-');
    const m = new RegExp(`<(?:[\\w.-]+:)?${esc}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${esc}\\s*>`).exec(scope);
    if (!m) return null;
    scope = m[1]!;
  }
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(scope);
  return cdata ? cdata[1]!.trim() : /</.test(scope) ? null : unescape(scope).trim();
}

const fenOf = (v: string | null): number | null => {
  if (v === null || v === '') return null;
  const a = parseAmount(v);
  return a.ok ? a.fen : null;
};

const dateOf = (v: string | null): string | null => {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

/** A 数电票 XML file's invoice; a file that is not one is a typed error. */
export function parseInvoiceXml(text: string): InvoiceRecord {
  const xml = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || !/<(?:[\w.-]+:)?EInvoice[\s>]/.test(xml)) throw new UserError('invoices.notEInvoiceXml');
  const root = ['EInvoice'];
  const data = [...root, 'EInvoiceData'];
  const number = textAt(xml, [...root, 'TaxSupervisionInfo', 'InvoiceNumber']) ?? textAt(xml, [...root, 'Header', 'EIid']);
  const total = fenOf(textAt(xml, [...data, 'BasicInformation', 'TotalTax-includedAmount']));
  const tax = fenOf(textAt(xml, [...data, 'BasicInformation', 'TotalTaxAm'])) ?? 0;
  if (!number || !/^\d{20}$/.test(number) || total === null) throw new UserError('invoices.notEInvoiceXml');
  const labelCode = textAt(xml, [...root, 'Header', 'InherentLabel', 'GeneralOrSpecialVAT', 'LabelCode']);
  const labelName = textAt(xml, [...root, 'Header', 'InherentLabel', 'EInvoiceType', 'LabelName']) ?? '';
  const kind = einvoiceKind(labelCode === '01' ? '增值税专用发票' : labelName || (labelCode === '02' ? '普通发票' : ''));
  return {
    number,
    code: '',
    sellerTaxId: textAt(xml, [...data, 'SellerInformation', 'SellerIdNum']) ?? '',
    sellerName: textAt(xml, [...data, 'SellerInformation', 'SellerName']) ?? '',
    buyerTaxId: textAt(xml, [...data, 'BuyerInformation', 'BuyerIdNum']) ?? '',
    buyerName: textAt(xml, [...data, 'BuyerInformation', 'BuyerName']) ?? '',
    issueDate: dateOf(textAt(xml, [...root, 'TaxSupervisionInfo', 'IssueTime']) ?? textAt(xml, [...data, 'BasicInformation', 'RequestTime'])),
    amountFen: fenOf(textAt(xml, [...data, 'BasicInformation', 'TotalAmWithoutTax'])) ?? total - tax,
    taxFen: tax,
    totalFen: total,
    kind,
    // A single file carries no status: the ledger learns of 作废/红冲 from the bureau's export.
    status: '',
    special: labelCode === '01' || isSpecialKind(kind),
    voided: total < 0,
    source: 'XML',
  };
}
