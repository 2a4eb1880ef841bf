/** `book check` says which SQLite check it ran: quick_check by default, integrity_check with --full. */
import { describe, expect, it } from 'vitest';
import { cliJson, freshBookEachTest } from '../../../test/support/cli';
import { bookCommands } from './book';

describe('cli book check', () => {
  const at = freshBookEachTest();

  it('runs quick_check and says so; --full runs integrity_check', async () => {
    const quick = await cliJson(['book', 'check', at.book], bookCommands);
    expect(quick).toMatchObject({ code: 0, json: { ok: true, full: false } });
    expect((quick.json as { verified: string[] }).verified[0]).toMatch(/quick_check.*only with --full/);
    const full = await cliJson(['book', 'check', at.book, '--full'], bookCommands);
    expect(full).toMatchObject({ code: 0, json: { ok: true, full: true } });
    expect((full.json as { verified: string[] }).verified[0]).toMatch(/integrity_check/);
  });
});
