import { defineMessages } from './define';

export const invoicesMessages = defineMessages(
  {
    'invoices.notEInvoiceXml': () => '这不是数电票 XML 文件（缺少 EInvoice 发票号码或价税合计）',
    'invoices.notEInvoicePdf': () => '这不是可读取的数电票 PDF（文字层中找不到票种、20 位发票号码和价税合计，或金额加税额不等于价税合计；扫描件没有文字层，请导入 XML 或电子税务局的发票清单）',
    'invoices.badTaxId': (p) => `纳税人识别号“${p.taxId}”格式不正确（应为 15、18 或 20 位数字和大写字母）`,
    'invoices.status.missing': (p) => `发票 ${p.invoice} 不在发票台账中（未从电子税务局导入，或号码有误）`,
    'invoices.status.amountDiffers': (p) => `发票 ${p.invoice} 的价税合计为 ${p.total}，报销金额为 ${p.amount}`,
    'invoices.status.buyerDiffers': (p) => `发票 ${p.invoice} 的购买方（${p.buyer}）不是本公司`,
    'invoices.status.voided': (p) => `发票 ${p.invoice} 已作废或红冲（${p.status}）`,
    'invoices.status.reused': (p) => `发票 ${p.invoice} 已在报销单 #${p.claim} 第 ${p.line} 行报销过，一张发票只能报销一次`,
    'vat.badRate': (p) => `税率 ${p.rate}% 不是适用的增值税税率或征收率`,
    'vat.note.invoiceType': () => '发票类型不明（未填发票类型，发票台账中也没有这张发票）：税额不作进项抵扣',
    'vat.note.statedTax': () => '专用发票未填税额（发票台账中也没有）：不作进项抵扣',
    'vat.note.fare': () => '航空客票需分列票价和燃油附加费才能计算进项税额：不作进项抵扣',
    'vat.note.passenger': () => '客票未注明旅客身份：不作进项抵扣',
  },
  {
    'invoices.notEInvoiceXml': () => 'This is not a 数电票 XML file (no EInvoice number or total)',
    'invoices.notEInvoicePdf': () => 'This is not a readable 数电票 PDF (its text layer has no invoice type, 20-digit number and total, or amount plus tax is not the total; a scan has no text layer: import the XML or the tax bureau\'s invoice list instead)',
    'invoices.badTaxId': (p) => `Taxpayer ID "${p.taxId}" is malformed (15, 18 or 20 digits and capital letters)`,
    'invoices.status.missing': (p) => `Invoice ${p.invoice} is not in the invoice ledger (not imported from the tax bureau, or a wrong number)`,
    'invoices.status.amountDiffers': (p) => `Invoice ${p.invoice} totals ${p.total}; the claim line says ${p.amount}`,
    'invoices.status.buyerDiffers': (p) => `The buyer of invoice ${p.invoice} (${p.buyer}) is not this company`,
    'invoices.status.voided': (p) => `Invoice ${p.invoice} is voided or red-lettered (${p.status})`,
    'invoices.status.reused': (p) => `Invoice ${p.invoice} was already claimed on claim #${p.claim}, line ${p.line}: an invoice is claimed once`,
    'vat.badRate': (p) => `${p.rate}% is not a VAT rate or levy rate in use`,
    'vat.note.invoiceType': () => 'Invoice type unknown (no invoice type on the line and not in the invoice ledger): the tax is not deducted',
    'vat.note.statedTax': () => 'Special VAT invoice without its tax amount (nor in the invoice ledger): not deducted',
    'vat.note.fare': () => 'An air ticket needs its fare and fuel surcharge apart to compute input VAT: not deducted',
    'vat.note.passenger': () => 'The ticket does not name the passenger: not deducted',
  },
);
