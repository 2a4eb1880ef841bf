/**
 * Bad input through the contract, generated from the zod schemas: for every channel,
 * arbitrary payloads never crash the core or surface an internal error, and each required
 * field given the wrong type is refused by validation before any handler runs.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channelNames, contract, type ChannelName } from '../../shared/contract/index';
import { dispatch } from '../../electron/core/service/index';
import { testSession } from '../support/session';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
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

/** A value of a different JSON type than the schema wants. */
function wrongValue(s: JsonSchema): unknown {
  const types = ([] as string[]).concat(s.type ?? []);
  if (types.length === 0) return undefined;
  if (!types.includes('number') && !types.includes('integer')) return 12345;
  if (!types.includes('string')) return 'not-a-number';
  return { nested: true };
}

function validBase(s: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    const t = ([] as string[]).concat(p.type ?? [])[0];
    out[k] = t === 'string' ? '2026-01' : t === 'number' || t === 'integer' ? 1 : t === 'boolean' ? false : t === 'array' ? [] : t === 'object' ? {} : null;
  }
  return out;
}

describe('the contract under bad input', () => {
  it('refuses a wrong-typed required field on every channel, before the core runs', async () => {
    const { session, call } = testSession();
    await call('book.create', { path: 'fuzz', company: '模糊测试' });
    const audit = () => session.requireBook().sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    const before = audit();
    let checked = 0;
    for (const c of channelNames) {
      const s = schemaOf(c);
      for (const field of s.required ?? []) {
        const wrong = wrongValue(s.properties?.[field] ?? {});
        if (wrong === undefined) continue;
        const reply = await dispatch(session, c, { ...validBase(s), [field]: wrong });
        expect(reply.ok, `${c}.${field}`).toBe(false);
        if (!reply.ok) expect(reply.error.code, `${c}.${field}`).toBe('payload.invalid');
        const missing = await dispatch(session, c, Object.fromEntries(Object.entries(validBase(s)).filter(([k]) => k !== field)));
        expect(missing.ok, `${c} without ${field}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(audit()).toEqual(before);
  });

  it('never crashes or answers with an internal error, whatever the payload', async () => {
    const { session, call } = testSession();
    await call('book.create', { path: 'fuzz2', company: '模糊测试' });
    const safe = channelNames.filter((c) => !touchesFiles(schemaOf(c)) && c !== 'book.close');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...safe), fc.anything({ withNullPrototype: true, maxDepth: 3 }), async (c, payload) => {
        const reply = await dispatch(session, c, payload);
        if (!reply.ok) expect(reply.error.code, `${c} ${JSON.stringify(payload)?.slice(0, 200)}`).not.toBe('internal');
      }),
      { numRuns: 1500 },
    );
  });
});
