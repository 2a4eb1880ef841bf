/** `client-ledger --help` (or -h) prints the usage and exits 0; an unknown flag still exits 2 with it. */
import { describe, expect, it } from 'vitest';
import { cliJson } from '../support/cli';
import { periodCommands } from '../../electron/cli/commands/period';

describe('CLI help', () => {
  it('answers --help and -h with the usage, exit 0, also after a command', async () => {
    expect(await cliJson(['--help'], periodCommands)).toEqual({ code: 0, json: { usage: 'usage' } });
    expect(await cliJson(['-h'], periodCommands)).toEqual({ code: 0, json: { usage: 'usage' } });
    expect(await cliJson(['period', 'close', '--help'], periodCommands)).toEqual({ code: 0, json: { usage: 'usage' } });
  });

  it('still refuses an unknown flag with exit 2', async () => {
    expect((await cliJson(['--nope'], periodCommands)).code).toBe(2);
  });
});
