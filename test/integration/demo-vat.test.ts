/**
 * The demo company is a consistent general taxpayer (issue 18): every revenue voucher
 * carries 销项税额 = 价税合计 × 6 / 106 (half up), no 进项税额 is deducted on 业务招待费 or 餐饮,
 * and what is deducted is exactly the stated tax of the other 专票 lines of posted claims.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../electron/core/book/open';
import { fillDemo } from '../../electron/core/demo/generate';
import { DEMO_FIRST } from '../../electron/core/demo/data';
import { vatSettings } from '../../electron/core/vat/settings';
import { tempDir } from '../support/temp';

describe('the demo company and VAT', () => {
  it('books 销项 on all revenue, deducts no input VAT on 招待/餐饮, and its 专票 state 价税合计 × 6/106', () => {
    const book = createBook({ path: join(tempDir(), 'demo.book'), company: '示例', standard: 'small', firstPeriod: DEMO_FIRST });
    try {
      book.tx(() => fillDemo(book));
      expect(vatSettings(book)).toEqual({ taxpayer: 'general', outputRatePct: 6, smallRatePct: 3 });
      const q = <T>(sql: string) => book.sqlite.prepare(sql).all() as T[];
      // Each 服务收入 voucher: Dr 1122 gross = Cr 5001 net + Cr 222102 tax, tax = round(gross × 6 / 106).
      const sales = q<{ gross: number; net: number; tax: number }>(
        `SELECT SUM(CASE WHEN account_code = '1122' THEN debit_fen END) AS gross, SUM(CASE WHEN account_code = '5001' THEN credit_fen END) AS net,
                SUM(CASE WHEN account_code = '222102' THEN credit_fen END) AS tax
           FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.memo LIKE '%服务收入' GROUP BY l.voucher_id`,
      );
      expect(sales.length).toBeGreaterThan(400);
      for (const s of sales) {
        expect(s.tax).toBe(Math.floor((2 * s.gross * 6 + 106) / 212));
        expect(s.net + s.tax).toBe(s.gross);
      }
      // The claim accruals: 进项 = the stated tax of 专票 lines outside 餐饮 / 业务招待费, claim by claim.
      const claims = q<{ id: number; posted: number | null; stated: number }>(
        `SELECT k.id, (SELECT SUM(debit_fen) FROM voucher_line vl JOIN voucher v ON v.id = vl.voucher_id WHERE v.source_type = 'claim' AND v.source_id = k.id AND vl.account_code = '222101') AS posted,
                (SELECT COALESCE(SUM(l.tax_fen), 0) FROM claim_line l JOIN category c ON c.id = l.category_id WHERE l.claim_id = k.id AND c.code NOT IN ('MEALS', 'ENTERTAIN') AND l.invoice_type = '增值税专用发票') AS stated
           FROM claim k WHERE k.accrual_voucher_id IS NOT NULL`,
      );
      expect(claims.length).toBeGreaterThan(50);
      for (const c of claims) expect([c.id, c.posted ?? 0]).toEqual([c.id, c.stated]);
      // No accrual line on 业务招待费 (560205) or 餐饮 is net of tax: each is the line's whole amount.
      const entertainment = q<{ amount: number; debit: number }>(
        `SELECT l.amount_fen AS amount, (SELECT SUM(vl.debit_fen) FROM voucher_line vl JOIN voucher v ON v.id = vl.voucher_id WHERE v.source_type = 'claim' AND v.source_id = l.claim_id AND vl.category_id = l.category_id AND vl.customer_id = l.customer_id AND vl.debit_fen = l.amount_fen) AS debit
           FROM claim_line l JOIN category c ON c.id = l.category_id JOIN claim k ON k.id = l.claim_id WHERE c.code IN ('MEALS', 'ENTERTAIN') AND k.accrual_voucher_id IS NOT NULL AND l.tax_fen > 0`,
      );
      expect(entertainment.length).toBeGreaterThan(10);
      for (const e of entertainment) expect(e.debit).toBeGreaterThanOrEqual(e.amount);
      // Each 专票 states 价税合计 × 6 / 106.
      for (const l of q<{ amount: number; tax: number }>(`SELECT amount_fen AS amount, tax_fen AS tax FROM claim_line WHERE invoice_type = '增值税专用发票'`)) {
        expect(l.tax).toBe(Math.floor((2 * l.amount * 6 + 106) / 212));
      }
      // The deferral's receipt books its 销项 at the tax point: 24,000.00 × 6% = 1,440.00.
      expect(q(`SELECT l.account_code AS a, l.credit_fen AS c FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE v.source_type = 'schedule' AND l.account_code = '222102'`)).toEqual([{ a: '222102', c: 144000 }]);
    } finally {
      book.close();
    }
  }, 180_000);
});
