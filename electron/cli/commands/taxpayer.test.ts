/** `book create … --taxpayer` and `book set BOOK --taxpayer/--vat-rate/--small-rate` through the CLI frame. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../../../test/support/cli';
import { tempDir } from '../../../test/support/temp';
import { bookCommands } from './book';
import { invoicesCommands } from './invoices';

const cli = (args: string[]) => cliJson<Record<string, unknown>>(args, { ...bookCommands, ...invoicesCommands });

describe('taxpayer type on the CLI', () => {
  it('creates a small-scale book, switches it to general at 9%, and refuses a rate that is not statutory', async () => {
    process.env.CLIENT_LEDGER_HOME = tempDir('cl-home-');
    const book = join(tempDir(), 'co.book');
    expect((await cli(['book', 'create', book, '--taxpayer', 'small'])).code).toBe(0);
    expect((await cli(['book', 'set', book, '--small-rate', '1'])).json).toMatchObject({ taxpayer: 'small', smallRatePct: 1 });
    expect((await cli(['book', 'set', book, '--taxpayer', 'general', '--vat-rate', '9%'])).json).toEqual({ taxId: '', taxpayer: 'general', vatRatePct: 9, smallRatePct: 1 });
    const bad = await cli(['book', 'set', book, '--vat-rate', '7']);
    expect(bad.code).not.toBe(0);
    expect(JSON.stringify(bad.json)).toMatch(/7%/);
    expect((await cli(['book', 'create', join(tempDir(), 'x.book'), '--taxpayer', 'medium'])).code).not.toBe(0);
  });
});
