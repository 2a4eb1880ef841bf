/**
 * Bad input through the contract, generated from the zod schemas: for every channel, a
 * valid payload is generated per field type (patterns, enums, bounds, nested objects and
 * arrays, checked against the schema itself), then one field at a time is made invalid —
 * the wrong type, or left out when required — and validation must refuse it naming that
 * field, before any handler runs. Arbitrary payloads never crash the core or surface an
 * internal error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channelNames, contract, type ChannelName } from '../../shared/contract/index';
import { dispatch } from '../../electron/core/service/index';
import { testSession } from '../support/session';
import { startTestHarness } from '../support/web';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: JsonSchema;
}

const schemaOf = (c: ChannelName): JsonSchema => {
  try {
    return z.toJSONSchema(contract[c].request as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
};

/** Channels that touch files by path: fuzzed only with payloads validation must refuse. */
const touchesFiles = (s: JsonSchema) => Object.keys(s.properties ?? {}).some((k) => /path|file|out|backup|target/i.test(k));

const typesOf = (s: JsonSchema): string[] => (s.anyOf ?? s.oneOf ?? [s]).flatMap((b) => ([] as string[]).concat(b.type ?? []));

/** Strings the contract's patterns take: a period, a date, an account code, a file name, an id. */
const PATTERN_SAMPLES = ['2026-01', '2026-01-15', '1002', 'out.xlsx', 'job-1', 'x'];

/** A valid value for `s`, or undefined when this generator cannot make one. */
function validValue(s: JsonSchema): unknown {
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return validValue(branches.find((b) => b.type !== 'null') ?? branches[0]!);
  switch (([] as string[]).concat(s.type ?? [])[0]) {
    case 'string': {
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        return PATTERN_SAMPLES.find((v) => re.test(v) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
      }
      return 'x'.repeat(Math.min(Math.max(s.minLength ?? 1, 1), s.maxLength ?? 1));
    }
    case 'integer':
    case 'number': {
      const low = Math.max(s.minimum ?? -Infinity, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -Infinity);
      const high = Math.min(s.maximum ?? Infinity, s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Infinity);
      return low <= 1 && 1 <= high ? 1 : Number.isFinite(low) ? low : high;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const item = s.items ? validValue(s.items) : null;
      return item === undefined ? undefined : Array.from({ length: s.minItems ?? 0 }, () => item);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const v = validValue(p);
        if (v === undefined) return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** A value of a JSON type the field does not take (undefined: it takes any). */
function wrongValue(s: JsonSchema): unknown {
  const types = typesOf(s);
  if (types.length === 0) return undefined;
  if (!types.includes('number') && !types.includes('integer')) return 12345;
  if (!types.includes('string')) return 'not-a-number';
  return { nested: true };
}

/** Every field given, or only the required ones (some channels refine combinations): the first the schema itself accepts. */
function validPayload(c: ChannelName, s: JsonSchema): Record<string, unknown> | undefined {
  const all = validValue({ ...s, type: 'object' }) as Record<string, unknown> | undefined;
  if (!all) return undefined;
  const required = Object.fromEntries(Object.entries(all).filter(([k]) => s.required?.includes(k)));
  return [all, required].find((p) => contract[c].request.safeParse(p).success);
}

describe('the contract under bad input', () => {
  it('generates a valid payload per channel, and refuses each field made invalid naming that field, before the core runs', async () => {
    const { session, call } = testSession();
    await call('book.create', { path: 'fuzz', company: '模糊测试' });
    const audit = () => session.requireBook().sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    const before = audit();
    const ungenerated: string[] = [];
    let fields = 0;
    for (const c of channelNames) {
      const s = schemaOf(c);
      const base = validPayload(c, s);
      if (!base) {
        ungenerated.push(c);
        continue;
      }
      for (const [field, p] of Object.entries(s.properties ?? {})) {
        const refuse = async (payload: Record<string, unknown>, what: string) => {
          const parsed = contract[c].request.safeParse(payload);
          expect(parsed.success, what).toBe(false);
          // Only the field under test is wrong: every issue is about it.
          expect(parsed.error?.issues.map((i) => i.path[0]), what).toEqual(parsed.error?.issues.map(() => field));
          const reply = await dispatch(session, c, payload);
          expect(reply, what).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
          if (!reply.ok) expect(String(reply.error.params?.issues), what).toMatch(new RegExp(`(^|; )${field}(\\.|:)`));
        };
        const wrong = wrongValue(p);
        if (wrong !== undefined) await refuse({ ...base, [field]: wrong }, `${c}.${field} = ${JSON.stringify(wrong)}`);
        if (s.required?.includes(field)) await refuse(Object.fromEntries(Object.entries(base).filter(([k]) => k !== field)), `${c} without ${field}`);
        fields++;
      }
    }
    // Every channel gets a generated valid payload; a schema this generator cannot satisfy shows here by name.
    expect(ungenerated).toEqual([]);
    expect(fields).toBeGreaterThan(150);
    expect(audit()).toEqual(before);
  });

  it('never crashes or answers with an internal error, whatever the payload', async () => {
    const { session, call } = testSession();
    await call('book.create', { path: 'fuzz2', company: '模糊测试' });
    // book.demo: any object is a valid request that builds the whole demo company through a
    // year of month-ends (~10 s a time); its validation is covered field by field above.
    const safe = channelNames.filter((c) => !touchesFiles(schemaOf(c)) && c !== 'book.close' && c !== 'book.demo');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...safe), fc.anything({ withNullPrototype: true, maxDepth: 3 }), async (c, payload) => {
        const reply = await dispatch(session, c, payload);
        if (!reply.ok) expect(reply.error.code, `${c} ${JSON.stringify(payload)?.slice(0, 200)}`).not.toBe('internal');
      }),
      { numRuns: 1500 },
    );
  });
});

/** Request fields that name a file (fileName is a label, never opened). */
const PATH_FIELDS = ['path', 'backup'];
/** Channels whose `path` names the book to act on: the open book is a fair answer there. */
const NAMES_A_BOOK = new Set(['book.open', 'backups.list', 'backups.restore']);

describe('the contract under hostile paths (issue 16)', () => {
  it('every path-taking channel refuses absolute, .., the open book and devices with a typed error, writing and reading nothing', async () => {
    const t = await startTestHarness();
    const outside = mkdtempSync(join(tmpdir(), 'cl-outside-'));
    try {
      const api = async (channel: string, body: unknown) =>
        (await (await fetch(`${t.base}/api/${channel}`, { method: 'POST', headers: { 'x-client-ledger-token': t.h.token }, body: JSON.stringify(body) })).json()) as { ok: boolean; error?: { code: string } };
      expect((await api('book.create', { path: 'co', company: '路径测试' })).ok).toBe(true);
      const book = (((await api('app.info', {})) as { data?: { book: { path: string } } }).data!.book.path);
      const sentinel = join(outside, 'sentinel.xlsx');
      writeFileSync(sentinel, 'outside the work folder');
      // A device reached through a link inside the work folder: confined by real path, not by name.
      mkdirSync(join(t.work, 'data', 'links'), { recursive: true });
      symlinkSync('/dev/zero', join(t.work, 'data', 'links', 'zero.xlsx'));
      const hostile = [
        ['absolute outside', sentinel],
        ['absolute new outside', join(outside, 'new.book')],
        ['..', '../escaped.xlsx'],
        ['../..', '../../../../etc/passwd'],
        ['the open book', book],
        ['/dev/zero', '/dev/zero'],
        ['/dev/stdout', '/dev/stdout'],
        ['a link to /dev/zero', join(t.work, 'data', 'links', 'zero.xlsx')],
      ] as const;
      const bookBytes = () => createHash('sha256').update(readFileSync(book)).digest('hex');
      const before = bookBytes();
      let tried = 0;
      for (const c of channelNames) {
        const s = schemaOf(c);
        const fields = PATH_FIELDS.filter((f) => s.properties?.[f] && typesOf(s.properties[f]!).includes('string'));
        if (fields.length === 0) continue;
        const base = validPayload(c, s) ?? {};
        for (const field of fields) {
          for (const [what, path] of hostile) {
            if (what === 'the open book' && field === 'path' && NAMES_A_BOOK.has(c)) continue;
            const payload = { ...base, ...Object.fromEntries(PATH_FIELDS.filter((f) => f in base && f !== field).map((f) => [f, 'x'])), [field]: path };
            const reply = await api(c, payload);
            expect(reply.ok, `${c}.${field} = ${what}`).toBe(false);
            expect(reply.error?.code, `${c}.${field} = ${what}`).not.toBe('internal');
            tried++;
          }
        }
      }
      expect(tried).toBeGreaterThan(100);
      // Nothing written outside, the sentinel not replaced, the open book's file as it was.
      expect(readdirSync(outside).sort()).toEqual(['sentinel.xlsx']);
      expect(readFileSync(sentinel, 'utf8')).toBe('outside the work folder');
      expect(existsSync(join(t.work, 'escaped.xlsx'))).toBe(false);
      expect(bookBytes()).toBe(before);
    } finally {
      await t.stop();
      rmSync(outside, { recursive: true, force: true });
    }
  }, 120_000);
});
