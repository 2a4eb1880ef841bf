/**
 * The one contract between the renderer and the core: every channel of every domain.
 * Main, the web harness and the CLI dispatch through it; the preload exposes exactly
 * these names. A channel defined by two domains is a startup error.
 */
import type { z } from 'zod';
import { accountsChannels } from './accounts';
import { allocationChannels } from './allocation';
import { schedulesChannels } from './schedules';
import { bookChannels } from './book';
import { reportsChannels } from './reports';
import { ledgerChannels } from './ledger';
import { mastersChannels } from './masters';
import { claimsChannels } from './claims';
import { usersChannels } from './users';
import { policyChannels } from './policy';
import { budgetsChannels } from './budgets';
import { closingChannels } from './closing';
import { importChannels } from './import';
import { vouchersChannels } from './vouchers';
import { invoicesChannels } from './invoices';
import { jobsChannels } from './jobs';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

function merge<T extends Record<string, unknown>[]>(...domains: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {};
  for (const d of domains) {
    for (const [k, v] of Object.entries(d)) {
      if (k in out) throw new Error(`channel defined twice: ${k}`);
      out[k] = v;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

export const contract = merge(bookChannels, accountsChannels, ledgerChannels, mastersChannels, reportsChannels, allocationChannels, schedulesChannels, claimsChannels, usersChannels, policyChannels, budgetsChannels, importChannels, closingChannels, vouchersChannels, invoicesChannels, jobsChannels);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type Req<K extends ChannelName> = z.input<Contract[K]['request']>;
export type ParsedReq<K extends ChannelName> = z.output<Contract[K]['request']>;
export type Res<K extends ChannelName> = NonNullable<Contract[K]['response']>;
export const channelNames = Object.keys(contract) as ChannelName[];

export type { Page } from './define';
export type { EngineEvent, JobKind, JobProgress } from './events';
export type { Reply, ReplyError } from '../errors';
