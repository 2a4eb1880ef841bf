/**
 * The voucher workflow's command line as outside scripts use it (names and exit codes are
 * checked): `vouchers review|unreview|post BOOK ID --as USER`, a 凭证字号 with --period,
 * `vouchers print … --out FILE.pdf`, `vouchers renumber`, `vouchers settings`.
 * The CLI's own frame in-process (runCli: flags, JSON, exit codes) on a real book; one
 * child process checks the real entry point prints the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book/open';
import { bookVoucher, createDraft } from '../../electron/core/ledger/vouchers';
import { tempDir } from '../support/temp';
import { cliJson } from '../support/cli';
import { bookCommands } from '../../electron/cli/commands/book';
import { vouchersCommands } from '../../electron/cli/commands/vouchers';


const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/cli/index.ts');

const commands = { ...bookCommands, ...vouchersCommands };
async function cli(dir: string, ...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  process.env.CLIENT_LEDGER_HOME = dir;
  return cliJson(args, commands);
}

describe('vouchers CLI', () => {
  it('reviews, unreviews, posts and prints with the documented exit codes', async () => {
    const dir = tempDir();
    const path = join(dir, 'v.book');
    expect((await cli(dir, 'book', 'create', path, '--company', '测试', '--first-period', '2026-01')).code).toBe(0);
    const book = openBook(path);
    const draft = book.tx(() => createDraft(book, { date: '2026-02-05', memo: '房租', attachments: 1, lines: [{ account: '560203', debitFen: 300_050 }, { account: '1002', creditFen: 300_050 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-02-01', memo: '投资', lines: [{ account: '1002', debitFen: 1_000_000 }, { account: '3001', creditFen: 1_000_000 }] }));
    book.close();
    const id = String(draft);
    // The maker cannot review their own voucher by default: exit 2, nothing written.
    expect(await cli(dir, 'vouchers', 'review', path, id, '--as', 'accountant')).toMatchObject({ code: 2, json: { error: { code: 'vouchers.selfReview' } } });
    expect(await cli(dir, 'vouchers', 'post', path, id, '--as', 'accountant')).toMatchObject({ code: 2, json: { error: { code: 'vouchers.notReviewed' } } });
    expect(await cli(dir, 'vouchers', 'review', path, id, '--as', 'admin')).toMatchObject({ code: 0, json: { id: draft, status: 'reviewed', reviewer: 'admin', maker: 'accountant', attachments: 1 } });
    expect(await cli(dir, 'vouchers', 'unreview', path, id, '--as', 'admin')).toMatchObject({ code: 0, json: { status: 'draft', reviewer: null } });
    expect(await cli(dir, 'vouchers', 'unreview', path, id, '--as', 'admin')).toMatchObject({ code: 2, json: { error: { code: 'vouchers.notReviewedYet' } } });
    expect((await cli(dir, 'vouchers', 'review', path, id, '--as', 'admin')).code).toBe(0);
    expect(await cli(dir, 'vouchers', 'post', path, id, '--as', 'accountant')).toMatchObject({ code: 0, json: { status: 'posted', no: '记-0002', poster: 'accountant' } });
    // By 凭证字号 within a period.
    expect(await cli(dir, 'vouchers', 'unreview', path, '记-0002', '--period', '2026-02', '--as', 'admin')).toMatchObject({ code: 2, json: { error: { code: 'vouchers.postedNoUnreview' } } });
    expect(await cli(dir, 'vouchers', 'review', path, '记-0009', '--period', '2026-02', '--as', 'admin')).toMatchObject({ code: 2, json: { error: { code: 'vouchers.noByNumber' } } });
    expect((await cli(dir, 'vouchers', 'review', path, 'x')).code).toBe(2);
    // 凭证整理: the 02-01 voucher was posted first and is already 记-0001 … the 02-05 one stays 记-0002.
    expect(await cli(dir, 'vouchers', 'renumber', path, '--period', '2026-02')).toMatchObject({ code: 0, json: { period: '2026-02', vouchers: 2, changed: 0 } });
    const pdf = join(dir, 'feb.pdf');
    expect(await cli(dir, 'vouchers', 'print', path, '--from', '2026-02', '--to', '2026-02', '--out', pdf, '--layout', 'voucher')).toMatchObject({ code: 0, json: { vouchers: 2, pages: 2 } });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const none = join(dir, 'none.pdf');
    expect(await cli(dir, 'vouchers', 'print', path, '--from', '2026-05', '--to', '2026-05', '--out', none)).toMatchObject({ code: 2, json: { error: { code: 'vouchers.nothingToPrint' } } });
    expect(existsSync(none)).toBe(false);
    expect((await cli(dir, 'vouchers', 'print', path, '--from', '2026-02', '--to', '2026-02', '--out', none, '--layout', 'a5')).code).toBe(2);
    expect(await cli(dir, 'vouchers', 'settings', path, '--self-review', 'yes', '--words', '记收付转')).toMatchObject({ code: 0, json: { reviewRequired: true, selfReview: true, words: ['记', '收', '付', '转'] } });
    expect(await cli(dir, 'book', 'check', path)).toMatchObject({ code: 0, json: { ok: true } });
    // The real entry point: the same names and exit codes.
    const r = spawnSync(TSX, [CLI, 'vouchers', 'review', path, id, '--as', 'admin', '--json'], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir } });
    expect([r.status, JSON.parse(r.stdout)]).toMatchObject([2, { error: { code: 'vouchers.postedNoReview' } }]);
  }, 120_000);
});
