/**
 * A Kysely query built and compiled once, run many times with new values. Building and
 * compiling a small select through Kysely costs tens of µs (09e3b30 measured 72 µs for
 * accountFacts' query), more than SQLite takes to run it from the statement cache
 * (db/query.ts), and the demo book runs a few such queries per claim and voucher: a
 * profile of createBook + fillDemo put ~14 % of its CPU in Kysely's builders and compiler.
 *
 * `precompiled(build)` calls build once with a placeholder per argument, compiles, and
 * remembers which of the compiled parameters each placeholder became; each call then only
 * puts the values in those places (the SQL text, and so the cached statement, is the same).
 * Only for queries whose shape does not depend on the values: build must use each argument
 * as a plain value (`where(col, '=', arg)`, `values({ col: arg })`), never branch on it,
 * never spread it into an IN list. Each placeholder must appear among the parameters
 * (once or more), which is checked when the module loads.
 */
import type { Compilable, CompiledQuery } from 'kysely';

/** A placeholder no caller's value can be: a fresh object, compared by identity. */
class Placeholder {
  constructor(readonly index: number) {}
}

export function precompiled<A extends unknown[], O>(build: (...args: A) => Compilable<O>, arity: A['length']): (...args: A) => Compilable<O> {
  const holes = Array.from({ length: arity }, (_, i) => new Placeholder(i));
  const compiled = build(...(holes as unknown as A)).compile();
  // Where each argument goes among the parameters; the others are the query's constants.
  const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? p.index : -1));
  for (const h of holes) {
    if (!slots.includes(h.index)) throw new Error(`precompiled: argument ${h.index} is not one parameter of ${compiled.sql}`);
  }
  return (...args: A) => {
    const parameters = compiled.parameters.map((p, i) => (slots[i]! >= 0 ? args[slots[i]!] : p));
    const query: CompiledQuery<O> = { ...compiled, parameters };
    return { compile: () => query };
  };
}
