/**
 * The one query cache's settings (queries.ts builds it with the toast area as `report`):
 * every failed query and mutation is reported once, except a mutation marked `ownErrors`,
 * whose caller says the refusal itself (a form's field error inline, a question the core asks).
 * Apart from queries.ts so its rules can be tested without a window.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

export function newQueryClient(report: (e: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: (e, _req, _ctx, mutation) => void (mutation.meta?.ownErrors ? undefined : report(e)) }),
    defaultOptions: {
      // The engine pushes what changed; a local engine's refusal is not worth retrying.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
