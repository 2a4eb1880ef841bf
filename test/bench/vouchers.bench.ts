/**
 * Printing vouchers to PDF: 1,000 posted vouchers of one month (2–5 lines each, with
 * 辅助核算) drawn A4 two per page and written, CJK font subset and embedded. Target < 15 s.
 * The baseline is reading the same vouchers for print (what drawing adds is the ratio).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBook } from '../../electron/core/book/open';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { accountFacts } from '../../electron/core/ledger/voucher-rules';
import { printVouchers } from '../../electron/core/ledger/print/data';
import { printToFile } from '../../electron/core/ledger/print/print';
import { timeIt, type BenchCase, type BenchSize } from './types';

function book(dir: string, count: number) {
  const b = createBook({ path: join(dir, 'print.book'), company: '上海蓝海咨询有限公司', firstPeriod: '2026-01' });
  const customer = b.tx(() => Number(b.sqlite.prepare(`INSERT INTO customer (code, name, name_key) VALUES ('C001', '华东贸易有限公司', 'c001')`).run().lastInsertRowid));
  const facts = accountFacts(b);
  b.tx(() => {
    for (let i = 0; i < count; i++) {
      const n = 1 + (i % 4);
      const lines = Array.from({ length: n }, (_, k) => ({ account: '56020101', debitFen: 10_000 + i * 7 + k, customerId: customer, memo: `拜访客户差旅费 第 ${i} 笔 ${k}` }));
      const total = lines.reduce((s, l) => s + l.debitFen, 0);
      bookVoucher(b, { date: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`, memo: `报销差旅 ${i}`, attachments: i % 5, lines: [...lines, { account: '1002', creditFen: total }] }, facts);
    }
  });
  return b;
}

export const cases: BenchCase[] = [
  {
    name: 'print 1,000 vouchers to PDF (A4, two per page)',
    target: '< 15 s',
    maxMs: 15_000,
    run: async (size: BenchSize) => {
      const count = size === 'smoke' ? 20 : 1_000;
      const dir = mkdtempSync(join(tmpdir(), 'cl-bench-print-'));
      const b = book(dir, count);
      try {
        const out = join(dir, 'vouchers.pdf');
        let pages = 0;
        const ms = await timeIt(async () => {
          pages = (await printToFile(b, { from: '2026-03', to: '2026-03', layout: 'a4', path: out })).pages;
        }, 3);
        const baselineMs = await timeIt(() => printVouchers(b, { from: '2026-03', to: '2026-03' }), 3);
        return { ms, baselineMs, note: `${count} vouchers, ${pages} pages, ${Math.round(statSync(out).size / 1024)} KiB` };
      } finally {
        b.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
