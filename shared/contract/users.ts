/** The book's users (who acts: recorded on every audit record and voucher) and their roles. */
import { z } from 'zod';
import { channel } from './define';
import { id, ref } from './primitives';

export const userRoleSchema = z.enum(['accountant', 'approver', 'manager', 'admin']);
export type UserRole = z.infer<typeof userRoleSchema>;

export interface UserRow {
  id: number;
  name: string;
  displayName: string;
  role: UserRole;
  employeeId: number | null;
  employeeName: string | null;
  hasPassword: boolean;
  active: boolean;
}

export const usersChannels = {
  'users.list': channel<{ current: UserRow | null; users: UserRow[] }>()(z.object({})),
  'users.create': channel<UserRow>()(
    z.object({
      name: z.string().trim().min(1).max(60),
      displayName: z.string().max(100).optional(),
      role: userRoleSchema,
      employeeId: ref,
      password: z.string().max(200).optional(),
    }),
  ),
  'users.update': channel<UserRow>()(
    z.object({ id, role: userRoleSchema.optional(), employeeId: ref, displayName: z.string().max(100).optional(), password: z.string().max(200).optional(), active: z.boolean().optional() }),
  ),
  'users.login': channel<{ user: string }>()(z.object({ name: z.string().min(1).max(60), password: z.string().max(200).optional() })),
};
