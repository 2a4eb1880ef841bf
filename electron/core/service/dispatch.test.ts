import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract/index';
import { testSession } from '../../../test/support/session';
import { handlers } from './index';

describe('the contract', () => {
  it('has a handler for every channel and no handler without a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('refuses malformed payloads with a clear message before the core runs', async () => {
    const { callErr, session } = testSession();
    const e = await callErr('book.create', { path: 42, company: '' });
    expect(e.code).toBe('payload.invalid');
    // Field by field in the UI language (shared/messages/validation.ts), never the raw path.
    expect(e.message).toContain('文件');
    expect(e.message).not.toContain('path');
    expect(session.book).toBeNull();
    session.locale = 'en';
    expect((await callErr('book.open', {})).message).toMatch(/^File is required/);
    expect((await callErr('nope.nothing', {})).code).toBe('channel.unknown');
    expect((await callErr('__proto__', {})).code).toBe('channel.unknown');
  });

  it('answers in the UI language', async () => {
    const { callErr, session } = testSession();
    expect((await callErr('book.check', {})).message).toBe('尚未打开账套');
    session.locale = 'en';
    expect((await callErr('book.check', {})).message).toBe('No book is open');
  });
});
