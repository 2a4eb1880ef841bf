/**
 * A channel is a request schema (zod: every payload is validated before the core sees it)
 * and a response type. Channel names are `domain.verb`; every request is one object.
 */
import type { z } from 'zod';

export interface Channel<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: carries the response type, never read at run time. */
  response?: Res;
}

/** `channel<Response>()(requestSchema)`: the two-step call lets the request type be inferred. */
export const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): Channel<Req, Res> => ({ request });

/** Keyset paging: `after` is the opaque cursor of the last row seen. */
export interface Page<Row> {
  rows: Row[];
  next: string | null;
}
