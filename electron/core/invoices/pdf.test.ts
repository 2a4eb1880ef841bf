/**
 * 数电票 PDFs (issue 18): a file laid out like the bureau's 票样 (test/support/einvoice.ts,
 * built with pdfkit) parses to the same record as the XML of the same invoice, whether each
 * label and value is one text item or several; it imports as that invoice.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { BUYER, einvoicePdf, einvoiceXml, SELLER, type Invoice } from '../../../test/support/einvoice';
import { testSession } from '../../../test/support/session';
import { tempDir } from '../../../test/support/temp';
import { parseInvoicePdf } from './pdf';
import { parseInvoiceXml } from './xml';

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
    const r = await s.importFile({ kind: 'invoices', path: pdf });
    expect([r.rowsRead, r.accepted, r.duplicates, r.acceptedTotalFen]).toEqual([1, 1, 0, 176400]);
    const stored = s.session.requireBook().sqlite.prepare('SELECT invoice_key AS k, amount_fen AS a, tax_fen AS t, total_fen AS total, kind, special, source FROM invoice').all();
    expect(stored).toEqual([{ k: SPECIAL.no, a: 166415, t: 9985, total: 176400, kind: '数电发票（增值税专用发票）', special: 1, source: 'PDF' }]);
    const xml = join(dir, 'invoice.bin');
    writeFileSync(xml, einvoiceXml(SPECIAL));
    expect((await s.importFile({ kind: 'invoices', path: xml })).duplicates).toBe(1);
    // A PDF that is not an e-invoice: refused, nothing written.
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, await einvoicePdf(SPECIAL, { text: false }));
    expect((await s.importErr({ kind: 'invoices', path: bad })).code).toBe('invoices.notEInvoicePdf');
    expect(s.session.requireBook().sqlite.prepare('SELECT COUNT(*) FROM invoice').pluck().get()).toBe(1);
  });
});
