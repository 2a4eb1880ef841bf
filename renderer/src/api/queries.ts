/**
 * The renderer's data layer: TanStack Query (tanstack.com/query v5). Every read is a
 * `useApi(channel, request)` query keyed `[domain, channel, request]` (the domain is the
 * channel's prefix: `customers` for `customers.page`), every write a `useApiMutation`.
 * Why a query library: one cache shared by every page (a page shown again draws at once),
 * identical requests made by two components at once go out once, answers go stale only
 * when the engine says what changed (invalidate.ts, from `book.changed` push events, so
 * staleTime is infinite and nothing polls), and a superseded request's late reply never
 * overwrites a newer answer (each key keeps its own state). Failures go to the one toast
 * area (notify.ts), so pages hold no error or busy flags of their own.
 */
import { type QueryClient, keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ChannelName, Page, Req, Res } from '../../../shared/contract/index';
import { useI18n } from '../i18n/index';
import { invalidateFor } from './invalidate';
import { newQueryClient } from './query-client';
import { notify, notifyError } from './notify';
import { api, subscribe } from './platform';

export function createQueryClient(): QueryClient {
  return newQueryClient(notifyError);
}

export const queryKey = <K extends ChannelName>(channel: K, req: Req<K>) => [channel.slice(0, channel.indexOf('.')), channel, req] as const;

/** A read: the cached answer, refetched when the engine says its tables changed. The previous answer stays shown while a new request (other filters) runs. */
export function useApi<K extends ChannelName>(channel: K, req: Req<K>, options: { enabled?: boolean } = {}) {
  return useQuery<Res<K>>({ queryKey: queryKey(channel, req), queryFn: () => api(channel, req), placeholderData: keepPreviousData, ...options });
}

/** The channels that answer a keyset page (define.ts Page), and the row of one. */
export type PageChannel = { [K in ChannelName]: Res<K> extends Page<unknown> ? (Req<K> extends { after?: string | null; limit?: number } ? K : never) : never }[ChannelName];
export type RowOf<K extends PageChannel> = Res<K> extends Page<infer R> ? R : never;

/**
 * Every row of a paged channel, read page after page from `req` on (a list the page edits in
 * place: masters, the chart). Keyed apart from the single pages (`all`), same domain.
 */
export function useApiAllPages<K extends PageChannel>(channel: K, req: Req<K>) {
  return useQuery<RowOf<K>[]>({
    queryKey: [...queryKey(channel, req), 'all'],
    queryFn: async () => {
      const out: RowOf<K>[] = [];
      for (let after: string | null = null; ; ) {
        const page = (await api(channel, { ...req, after } as Req<K>)) as Page<RowOf<K>>;
        out.push(...page.rows);
        if (!page.next) return out;
        after = page.next;
      }
    },
    placeholderData: keepPreviousData,
  });
}

/** A read an action needs now (not a shown answer): the cached answer when fresh, else asked; a failure goes to the toast area like any query's. */
export function fetchApi<K extends ChannelName>(client: QueryClient, channel: K, req: Req<K>, options: { staleTime?: number } = {}): Promise<Res<K>> {
  return client.fetchQuery<Res<K>>({ queryKey: queryKey(channel, req), queryFn: () => api(channel, req), ...options });
}

/**
 * A write; its failure is shown in the toast area, its effects arrive as `book.changed`.
 * `ownErrors`: the caller shows the refusal itself (a form's field error stays inline).
 */
export function useApiMutation<K extends ChannelName>(channel: K, options: { ownErrors?: boolean } = {}) {
  return useMutation<Res<K>, Error, Req<K>>({ mutationFn: (req) => api(channel, req), meta: { ownErrors: options.ownErrors === true } });
}

/** Once at the root: engine events invalidate the cache; a restarted engine is said once. */
export function useEngineEvents(): void {
  const client = useQueryClient();
  const { t } = useI18n();
  // The notice in the language of the moment, without subscribing again when it changes.
  const restarted = useRef('');
  restarted.current = t('app.engineRestarted');
  useEffect(
    () =>
      subscribe((event) => {
        invalidateFor(client, event);
        if (event.type === 'engine.restarted') notify(restarted.current, 'info');
      }),
    [client],
  );
}
