/** The one error path of writes: a refusal goes to the toast area unless the caller said it shows it itself (ownErrors). */
import { describe, expect, it, vi } from 'vitest';

const notifyError = vi.fn();
vi.mock('./notify', () => ({ notifyError: (e: unknown) => notifyError(e), notify: vi.fn() }));
const { createQueryClient } = await import('./queries');

async function refuse(meta: Record<string, unknown>) {
  const client = createQueryClient();
  const mutation = client.getMutationCache().build(client, { mutationFn: () => Promise.reject(new Error('期间 2026-01 已结账，不能写入')), meta });
  await expect(mutation.execute(undefined)).rejects.toThrow('已结账');
}

describe('useApiMutation errors', () => {
  it('a refused write is shown in the toast area', async () => {
    notifyError.mockClear();
    await refuse({ ownErrors: false });
    expect(notifyError).toHaveBeenCalledTimes(1);
    expect((notifyError.mock.calls[0]![0] as Error).message).toBe('期间 2026-01 已结账，不能写入');
  });

  it('a write whose form shows its own refusal (ownErrors) is not shown twice', async () => {
    notifyError.mockClear();
    await refuse({ ownErrors: true });
    expect(notifyError).not.toHaveBeenCalled();
  });
});
