/** The one error path of writes: a refusal is reported to the toast area unless the caller said it shows it itself (ownErrors). */
import { describe, expect, it, vi } from 'vitest';
import { newQueryClient } from './query-client';

async function refuse(meta: Record<string, unknown>) {
  const report = vi.fn();
  const client = newQueryClient(report);
  const mutation = client.getMutationCache().build(client, { mutationFn: () => Promise.reject(new Error('期间 2026-01 已结账，不能写入')), meta });
  await expect(mutation.execute(undefined)).rejects.toThrow('已结账');
  return report;
}

describe('useApiMutation errors', () => {
  it('a refused write is reported to the toast area', async () => {
    const report = await refuse({ ownErrors: false });
    expect(report).toHaveBeenCalledTimes(1);
    expect((report.mock.calls[0]![0] as Error).message).toBe('期间 2026-01 已结账，不能写入');
  });

  it('a write whose form shows its own refusal (ownErrors) is not reported twice', async () => {
    expect(await refuse({ ownErrors: true })).not.toHaveBeenCalled();
  });

  it('a failed read is reported', async () => {
    const report = vi.fn();
    const client = newQueryClient(report);
    await expect(client.fetchQuery({ queryKey: ['periods', 'periods.list', {}], queryFn: () => Promise.reject(new Error('book.none')) })).rejects.toThrow();
    expect(report).toHaveBeenCalledTimes(1);
  });
});
