/**
 * The invoice ledger (发票台账) and matching (issue 18): the 电子税务局 export imports with
 * every status, once per invoice; a 数电票 XML file built to the bureau's layout parses to
 * the same record as its export row; each matching status comes from a hand-built case;
 * the sample pair gives exactly its expected status per invoice number.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { tempDir } from '../../../test/support/temp';
import { writeXlsx, type CellInput } from '../../../test/support/xlsx';
import { createClaim } from '../claims/create';
import { runReport } from '../reports/index';

const SAMPLES = join(import.meta.dirname, '../../../test/fixtures/samples');
const TAX_ID = '91310115MA1K4XYZ8Q';
const OTHER = '91440300MA5FABCD1X';
const HEAD = ['序号', '发票代码', '发票号码', '数电票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '金额', '税额', '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票'];

function exportRow(n: number, o: { no: string; code?: string; buyer?: string; amount: string; tax: string; total: string; kind?: string; status?: string; positive?: string }): CellInput[] {
  const eNo = o.code ? null : o.no;
  return [n, o.code ?? null, o.code ? o.no : null, eNo, '91320506MA1N2B3C4D', '苏州味道餐饮有限公司', o.buyer ?? TAX_ID, '上海示例客户服务有限公司', '2026-11-07 10:49:00', o.amount, o.tax, o.total, '电子发票服务平台', o.kind ?? '数电发票（普通发票）', o.status ?? '正常', o.positive ?? '是'];
}

/** A 数电票 XML file with the elements of the bureau's layout (invoices/xml.ts). */
const einvoiceXml = (o: { no: string; buyer: string; amount: string; tax: string; total: string; special: boolean }) => `<?xml version="1.0" encoding="UTF-8"?>
<EInvoice>
  <Header>
    <EIid>${o.no}</EIid>
    <EInvoiceTag>SWEI3100</EInvoiceTag>
    <Version>0.1</Version>
    <InherentLabel>
      <EInvoiceType><LabelCode>${o.special ? '01' : '02'}</LabelCode><LabelName>${o.special ? '增值税专用发票' : '普通发票'}</LabelName></EInvoiceType>
      <GeneralOrSpecialVAT><LabelCode>${o.special ? '01' : '02'}</LabelCode><LabelName>${o.special ? '专票' : '普票'}</LabelName></GeneralOrSpecialVAT>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>91320506MA1N2B3C4D</SellerIdNum><SellerName>苏州味道餐饮有限公司</SellerName></SellerInformation>
    <BuyerInformation><BuyerIdNum>${o.buyer}</BuyerIdNum><BuyerName>上海示例客户服务有限公司</BuyerName></BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>${o.amount}</TotalAmWithoutTax><TotalTaxAm>${o.tax}</TotalTaxAm>
      <TotalTax-includedAmount>${o.total}</TotalTax-includedAmount><TotalTax-includedAmountInChinese>壹仟柒佰陆拾肆元整</TotalTax-includedAmountInChinese>
      <RequestTime>2026-11-07 10:49:00</RequestTime><Drawer>王丽</Drawer>
    </BasicInformation>
    <IssuItemInformation><ItemName>*餐饮服务*餐费</ItemName><Amount>${o.amount}</Amount><TaxRate>0.06</TaxRate><ComTaxAm>${o.tax}</ComTaxAm></IssuItemInformation>
  </EInvoiceData>
  <TaxSupervisionInfo><InvoiceNumber>${o.no}</InvoiceNumber><IssueTime>2026-11-07 10:49:00</IssueTime><TaxBureauCode>13100000000</TaxBureauCode><TaxBureauName>国家税务总局上海市税务局</TaxBureauName></TaxSupervisionInfo>
</EInvoice>`;

const ledger = (s: ReturnType<typeof testSession>) =>
  s.session.requireBook().sqlite.prepare('SELECT invoice_key AS k, number, code, buyer_tax_id AS buyer, amount_fen AS a, tax_fen AS t, total_fen AS total, special, voided, status FROM invoice ORDER BY invoice_key').all() as Record<string, unknown>[];

describe('invoice ledger', () => {
  it('the sample pair: the export and the forms give exactly the expected status per invoice number', async () => {
    const expected = JSON.parse(readFileSync(join(SAMPLES, 'sample_invoices.expected.json'), 'utf8')) as { taxId: string; claimLines: number; status: Record<string, string> };
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '上海示例客户服务有限公司', firstPeriod: '2026-01', taxId: expected.taxId });
    expect(await s.call('book.settings', {})).toEqual({ taxId: expected.taxId, taxpayer: 'general', vatRatePct: 6, smallRatePct: 3 });
    const list = await s.importFile({ kind: 'invoices', path: join(SAMPLES, 'sample_invoice_list.xlsx') });
    expect([list.rowsRead, list.accepted, list.rejected, list.duplicates, list.skipped]).toEqual([20, 20, 0, 0, 0]);
    const forms = await s.importFile({ kind: 'expenses', path: join(SAMPLES, 'sample_form_invoices.xlsx') });
    expect(forms.accepted).toBe(expected.claimLines);
    const m = await s.call('invoices.match', { from: '2026-11', to: '2026-11' });
    expect(Object.fromEntries(m.lines.map((l) => [l.invoiceNo, l.status]))).toEqual(expected.status);
    // The import summary lists each unmatched line among its policy exceptions.
    const unmatched = Object.values(expected.status).filter((x) => x !== 'matched').length;
    expect(forms.policy.filter((p) => p.rule === 'invoice_match')).toHaveLength(unmatched);
    // The claims audit lists every unmatched line, with its result.
    const audit = runReport(s.session.requireBook(), 'claims-audit', { from: '2026-11', to: '2026-11', filters: {}, locale: 'en' });
    const section = audit.sections.find((x) => x.name === 'invoices')!;
    expect(Object.fromEntries(section.rows.map((r) => [r.invoice, r.status]))).toEqual(
      Object.fromEntries(Object.entries(expected.status).filter(([, v]) => v !== 'matched').map(([k, v]) => [k, { missing: 'Not in the ledger', amountDiffers: 'Amount differs', buyerDiffers: 'Buyer is not this company', voided: 'Voided / red-lettered' }[v]])),
    );
    // Again: nothing new.
    const again = await s.importFile({ kind: 'invoices', path: join(SAMPLES, 'sample_invoice_list.xlsx') });
    expect([again.accepted, again.duplicates]).toEqual([0, 20]);
  });

  it('an export with every status imports once per invoice; older invoices by 代码+号码; variants of the header', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '测试', firstPeriod: '2026-01', taxId: TAX_ID });
    const rows = [
      exportRow(1, { no: '26310000000000000001', amount: '100.00', tax: '6.00', total: '106.00', kind: '数电发票（增值税专用发票）' }),
      exportRow(2, { no: '26310000000000000002', amount: '50.00', tax: '3.00', total: '53.00', status: '已作废' }),
      exportRow(3, { no: '26310000000000000003', amount: '50.00', tax: '3.00', total: '53.00', status: '已红冲' }),
      exportRow(4, { no: '26310000000000000004', amount: '-50.00', tax: '-3.00', total: '-53.00', positive: '否' }),
      exportRow(5, { no: '01118802', code: '031001900111', amount: '200.00', tax: '0.00', total: '200.00', kind: '增值税电子普通发票' }),
      exportRow(6, { no: '26310000000000000001', amount: '100.00', tax: '6.00', total: '106.00' }),
      exportRow(7, { no: '', amount: '1.00', tax: '0.00', total: '1.00' }),
    ];
    const file = await writeXlsx([{ name: '发票', rows: [HEAD, ...rows] }]);
    const r = await s.importFile({ kind: 'invoices', path: file });
    expect([r.rowsRead, r.accepted, r.rejected, r.duplicates, r.skipped]).toEqual([7, 5, 1, 1, 0]);
    expect(r.duplicateRows).toEqual([{ sheet: '发票', row: 7 }]);
    expect(ledger(s).map((x) => [x.k, x.special, x.voided])).toEqual([
      ['031001900111-01118802', 0, 0],
      ['26310000000000000001', 1, 0],
      ['26310000000000000002', 0, 1],
      ['26310000000000000003', 0, 1],
      ['26310000000000000004', 0, 1],
    ]);
    // The older platform's header names.
    const old = await writeXlsx([{ name: 'S', rows: [['发票代码', '发票号码', '销方纳税人识别号', '销售方名称', '购方纳税人识别号', '开票日期', '合计金额', '合计税额', '价税合计', '票种', '发票状态'], ['044001900111', '00000009', '91320506MA1N2B3C4D', '某酒店', TAX_ID, '2026-10-02', '94.34', '5.66', '100.00', '增值税专用发票', '正常']] }]);
    const o = await s.importFile({ kind: 'invoices', path: old });
    expect(o.accepted).toBe(1);
    expect(ledger(s).find((x) => x.k === '044001900111-00000009')).toMatchObject({ a: 9434, t: 566, total: 10000, special: 1, voided: 0 });
    // Undoing the batch takes its invoices out of the ledger.
    await s.call('import.undo', { batchId: o.batchId });
    expect(ledger(s).some((x) => x.k === '044001900111-00000009')).toBe(false);
  });

  it('a 数电票 XML file parses to the same record as its row of the export, and counts as that invoice', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '测试', firstPeriod: '2026-01', taxId: TAX_ID });
    const dir = tempDir();
    const xml = join(dir, 'dzfp_26315289556892733372.xml');
    writeFileSync(xml, einvoiceXml({ no: '26315289556892733372', buyer: TAX_ID, amount: '1664.15', tax: '99.85', total: '1764.00', special: true }));
    const r = await s.importFile({ kind: 'invoices', path: xml });
    expect([r.rowsRead, r.accepted, r.duplicates]).toEqual([1, 1, 0]);
    const fromXml = ledger(s);
    // The same invoice from the export: a duplicate, and the same stored fields.
    const file = await writeXlsx([{ name: '发票', rows: [HEAD, exportRow(1, { no: '26315289556892733372', amount: '1664.15', tax: '99.85', total: '1764', kind: '数电发票（增值税专用发票）' })] }]);
    expect((await s.importFile({ kind: 'invoices', path: file })).duplicates).toBe(1);
    const s2 = testSession();
    await s2.call('book.create', { path: join(s2.dir, 'co.book'), company: '测试', firstPeriod: '2026-01' });
    await s2.importFile({ kind: 'invoices', path: file });
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ status: _status, ...rest }) => rest);
    expect(strip(ledger(s2))).toEqual(strip(fromXml));
    expect(fromXml[0]).toMatchObject({ k: '26315289556892733372', a: 166415, t: 9985, total: 176400, special: 1, buyer: TAX_ID });
    // Not an invoice: a typed error, nothing written.
    const bad = join(dir, 'x.xml');
    writeFileSync(bad, '<?xml version="1.0"?><note>hello</note>');
    expect((await s.importErr({ kind: 'invoices', path: bad })).code).toBe('invoices.notEInvoiceXml');
    expect(ledger(s)).toHaveLength(1);
  });

  it('each matching status from a hand-built case; a reused invoice names the first claim line', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '测试', firstPeriod: '2026-01', taxId: TAX_ID });
    const list = await writeXlsx([
      {
        name: '发票',
        rows: [
          HEAD,
          exportRow(1, { no: '26310000000000000001', amount: '100.00', tax: '6.00', total: '106.00' }),
          exportRow(2, { no: '26310000000000000002', amount: '100.00', tax: '6.00', total: '106.00' }),
          exportRow(3, { no: '26310000000000000003', amount: '100.00', tax: '6.00', total: '106.00', buyer: OTHER }),
          exportRow(4, { no: '26310000000000000004', amount: '100.00', tax: '6.00', total: '106.00', status: '已红冲' }),
          exportRow(5, { no: '26310000000000000005', amount: '100.00', tax: '6.00', total: '106.00' }),
        ],
      },
    ]);
    await s.importFile({ kind: 'invoices', path: list });
    const line = (inv: string, amount: number, day: number): CellInput[] => [`2026-11-${String(day).padStart(2, '0')}`, '张伟', '甲公司', '差旅费', inv, amount];
    const claims = await writeXlsx([
      {
        name: '明细',
        rows: [
          ['日期', '报销人', '客户', '费用类别', '发票号码', '金额'],
          line('26310000000000000001', 106, 1),
          line('26310000000000000002', 116, 2),
          line('26310000000000000003', 106, 3),
          line('26310000000000000004', 106, 4),
          line('26319999999999999999', 106, 5),
        ],
      },
    ]);
    const imported = await s.importFile({ kind: 'expenses', path: claims });
    expect(imported.accepted).toBe(5);
    // A claim entered by hand that claims invoice …05 twice: the second use is reused, naming the first.
    const book = s.session.requireBook();
    const cat = book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).pluck().get() as number;
    const emp = book.sqlite.prepare(`SELECT id FROM employee LIMIT 1`).pluck().get() as number;
    // (The policy's own duplicate-invoice rule is switched off: the ledger's check must stand alone.)
    const claimId = book.tx(() => {
      book.sqlite.prepare('UPDATE policy_rule SET active = 0').run();
      return createClaim(book, { employeeId: emp, lines: [{ date: '2026-11-06', categoryId: cat, invoiceNo: '26310000000000000005', amountFen: 10600 }, { date: '2026-11-07', categoryId: cat, invoiceNo: '26310000000000000005', amountFen: 10600 }] });
    });
    const m = await s.call('invoices.match', { from: '2026-11', to: '2026-11' });
    expect(m.lines.map((l) => [l.invoiceNo, l.status])).toEqual([
      ['26310000000000000001', 'matched'],
      ['26310000000000000002', 'amountDiffers'],
      ['26310000000000000003', 'buyerDiffers'],
      ['26310000000000000004', 'voided'],
      ['26319999999999999999', 'missing'],
      ['26310000000000000005', 'matched'],
      ['26310000000000000005', 'reused'],
    ]);
    expect(m.lines[6]!.message).toContain(`#${claimId}`);
    // Outside the period: nothing.
    expect((await s.call('invoices.match', { from: '2026-10', to: '2026-10' })).lines).toEqual([]);
    // Submitting the claim that reuses the invoice is blocked, naming the first use.
    const err = await s.callErr('claims.submit', { id: claimId });
    expect(err.code).toBe('invoices.status.reused');
  });

  it('book set --tax-id changes the buyer check; a malformed ID is refused', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '测试', firstPeriod: '2026-01' });
    const settings = { taxId: TAX_ID, taxpayer: 'general', vatRatePct: 6, smallRatePct: 3 };
    expect(await s.call('book.set', { taxId: ' 91310115ma1k4xyz8q ' })).toEqual(settings);
    expect((await s.callErr('book.set', { taxId: '123' })).code).not.toBe('ok');
    expect(await s.call('book.settings', {})).toEqual(settings);
  });
});
