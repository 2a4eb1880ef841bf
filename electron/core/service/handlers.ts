/**
 * Handlers implement the contract. Each domain declares its slice with defineHandlers;
 * the service merges them and refuses a channel registered twice.
 */
import type { ChannelName, ParsedReq, Res } from '../../../shared/contract/index';
import type { Session } from './session';

export type Handler<K extends ChannelName> = (req: ParsedReq<K>, session: Session) => Res<K> | Promise<Res<K>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

export const defineHandlers = <K extends ChannelName>(h: { [P in K]: Handler<P> }) => h;

export function mergeHandlers(...domains: Partial<Handlers>[]): Partial<Handlers> {
  const out: Record<string, unknown> = {};
  for (const d of domains) {
    for (const [k, v] of Object.entries(d)) {
      if (k in out) throw new Error(`handler registered twice: ${k}`);
      out[k] = v;
    }
  }
  return out as Partial<Handlers>;
}
