/**
 * The people who act in a book, with roles (accountant, approver, manager, admin) and
 * optional passwords (scrypt, salted). The session's user name is recorded on every
 * audit record, voucher and claim step; approval rights come from the role here.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { UserError } from '../../../shared/errors';
import type { UserRole, UserRow } from '../../../shared/contract/users';
import { sql } from 'kysely';
import type { Book } from '../book/book';
import { builder, type Row } from '../db/query';
import { precompiled } from '../db/precompiled';

const usersFrom = (q: Book['q']) =>
  q
    .selectFrom('app_user as u')
    .leftJoin('employee as e', 'e.id', 'u.employee_id')
    .select(['u.id', 'u.name', 'u.display_name', 'u.role', 'u.employee_id', 'u.password_hash', 'u.active', 'e.name as employee_name']);
const selectUsers = (book: Book) => usersFrom(book.q);

type UserRecord = Row<ReturnType<typeof selectUsers>>;

const toRow = (u: UserRecord): UserRow => ({
  id: u.id,
  name: u.name,
  displayName: u.display_name,
  role: u.role,
  employeeId: u.employee_id,
  employeeName: u.employee_name,
  hasPassword: u.password_hash !== null,
  active: u.active === 1,
});

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const got = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(expected, got);
}

export const listUsers = (book: Book): UserRow[] => book.db.all(selectUsers(book).orderBy('u.id')).map(toRow);

/**
 * Compiled once (db/precompiled.ts): every claim step and voucher workflow action looks up the
 * acting user (actingUser, findUser), and building the join per call showed in book.demo's profile.
 */
const recordByName = precompiled((name: string) => usersFrom(builder).where(sql<boolean>`u.name = ${name} COLLATE NOCASE`), 1);

function record(book: Book, name: string): UserRecord | undefined {
  return book.db.first(recordByName(name));
}

export function findUser(book: Book, name: string): UserRow | null {
  const u = record(book, name);
  return u && u.active === 1 ? toRow(u) : null;
}

/** The acting user (book.user) as a row; refused when the book does not know them. */
export function actingUser(book: Book): UserRow {
  const u = findUser(book, book.user);
  if (!u) throw new UserError('users.unknown', { name: book.user });
  return u;
}

/** Checks a login; returns the canonical user name. */
export function verifyLogin(book: Book, name: string, password?: string): string {
  const u = record(book, name.trim());
  if (!u || u.active !== 1) throw new UserError('users.unknown', { name });
  if (u.password_hash !== null && !checkPassword(password ?? '', u.password_hash)) throw new UserError('users.badPassword');
  return u.name;
}

const passwordHash = (password: string | undefined): string | null => {
  if (!password) return null;
  if (password.length < 6) throw new UserError('users.passwordTooShort');
  return hashPassword(password);
};

export interface UserInput {
  name: string;
  displayName?: string | undefined;
  role: UserRole;
  employeeId?: number | null | undefined;
  password?: string | undefined;
}

export function createUser(book: Book, input: UserInput): UserRow {
  const name = input.name.trim();
  if (record(book, name)) throw new UserError('users.exists', { name });
  const id = book.db.run(
    book.q.insertInto('app_user').values({
      name,
      display_name: input.displayName ?? '',
      role: input.role,
      employee_id: input.employeeId ?? null,
      password_hash: passwordHash(input.password),
      created_at: new Date().toISOString(),
    }),
  ).lastInsertRowid;
  book.audit({ action: 'user.create', entity: 'user', entityId: id, after: { name, role: input.role, employeeId: input.employeeId ?? null, password: input.password ? 'set' : 'none' } });
  return toRow(record(book, name)!);
}

export interface UserUpdate {
  id: number;
  role?: UserRole | undefined;
  employeeId?: number | null | undefined;
  displayName?: string | undefined;
  password?: string | undefined;
  active?: boolean | undefined;
}

export function updateUser(book: Book, u: UserUpdate): UserRow {
  const before = book.db.first(selectUsers(book).where('u.id', '=', u.id));
  if (!before) throw new UserError('users.unknown', { name: `#${u.id}` });
  const next = {
    role: u.role ?? before.role,
    employee_id: u.employeeId === undefined ? before.employee_id : u.employeeId,
    display_name: u.displayName ?? before.display_name,
    // An empty password removes it; undefined keeps it.
    password_hash: u.password === undefined ? before.password_hash : passwordHash(u.password),
    active: u.active === undefined ? before.active : u.active ? 1 : 0,
  };
  book.db.run(book.q.updateTable('app_user').set(next).where('id', '=', u.id));
  book.audit({
    action: 'user.update',
    entity: 'user',
    entityId: u.id,
    before: { role: before.role, employeeId: before.employee_id, active: before.active },
    after: { role: next.role, employeeId: next.employee_id, active: next.active, password: u.password === undefined ? 'kept' : u.password ? 'changed' : 'removed' },
  });
  return toRow(record(book, before.name)!);
}
