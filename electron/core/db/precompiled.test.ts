import { describe, expect, it } from 'vitest';
import { builder } from './query';
import { precompiled } from './precompiled';

describe('precompiled', () => {
  it('compiles once and puts each call’s values where the arguments were', () => {
    const q = precompiled((id: number, name: string) => builder.selectFrom('employee').select('id').where('id', '=', id).where('name', '<>', name).limit(3), 2);
    const built = builder.selectFrom('employee').select('id').where('id', '=', 7).where('name', '<>', 'x').limit(3).compile();
    const a = q(7, 'x').compile();
    expect(a.sql).toBe(built.sql);
    expect(a.parameters).toEqual(built.parameters);
    expect(q(8, 'y').compile().parameters).toEqual([8, 'y', 3]);
    // The first call's values are not kept.
    expect(a.parameters).toEqual([7, 'x', 3]);
  });

  it('refuses a build that does not use an argument as a value', () => {
    expect(() => precompiled((id: number) => builder.selectFrom('employee').select('id').where('id', 'in', [id, id].slice(0, 0)), 1)).toThrow(/argument 0/);
  });
});
