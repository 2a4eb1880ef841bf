/**
 * 用户: who works in this book, with roles, optional passwords and the employee they are.
 * The list (and who acts now) is a query: book.changed refreshes it after a write, and a
 * switch of user makes every answer stale (UserSwitch.switchedTo). The create form says its
 * refusal inline; a refused edit goes to the toast area.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Option } from '../../../shared/contract/claims';
import type { UserRole, UserRow } from '../../../shared/contract/users';
import { errorText } from '../api/platform';
import { useApi, useApiMutation } from '../api/queries';
import { useI18n } from '../i18n/index';
import { AnySelect } from '../components/AnySelect';
import { switchedTo } from '../components/UserSwitch';

const ROLES: UserRole[] = ['accountant', 'approver', 'manager', 'admin'];

export function UsersPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const listed = useApi('users.list', {}).data;
  const users: UserRow[] = listed?.users ?? [];
  const current: UserRow | null = listed?.current ?? null;
  const employees: Option[] = useApi('claims.options', {}).data?.employees ?? [];
  const employeeOptions = employees.map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }));
  const [form, setForm] = useState({ name: '', displayName: '', role: 'manager' as UserRole, employeeId: '', password: '' });
  const [error, setError] = useState('');
  const [note, setNote] = useState('');

  const creating = useApiMutation('users.create', { ownErrors: true });
  const updating = useApiMutation('users.update');
  const logging = useApiMutation('users.login');
  const login = (name: string) => logging.mutate({ name }, { onSuccess: (r) => switchedTo(client, r.user) });

  const create = async () => {
    setError('');
    setNote('');
    try {
      const u = await creating.mutateAsync({
        name: form.name,
        displayName: form.displayName,
        role: form.role,
        employeeId: form.employeeId ? Number(form.employeeId) : null,
        ...(form.password ? { password: form.password } : {}),
      });
      setNote(t('users.created', { name: u.name }));
      setForm({ name: '', displayName: '', role: 'manager', employeeId: '', password: '' });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="page users-page">
      <header className="page-head">
        <h1>{t('users.title')}</h1>
        {current && (
          <span>
            {t('users.current')}: <strong data-testid="users-current">{current.displayName || current.name}</strong> ({t(`userrole.${current.role}`)})
          </span>
        )}
      </header>
      <p className="muted">{t('users.rolesHint')}</p>
      {error && <div className="error">{error}</div>}
      {note && <div className="ok-note">{note}</div>}
      <table className="plain" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.employee')}</th>
            <th>{t('users.hasPassword')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={current?.id === u.id ? 'selected' : ''}>
              <td className="mono">{u.name}</td>
              <td>{u.displayName}</td>
              <td>
                <select value={u.role} onChange={(e) => updating.mutate({ id: u.id, role: e.target.value as UserRole })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`userrole.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <AnySelect value={String(u.employeeId ?? '')} options={employeeOptions} empty="" onChange={(v) => updating.mutate({ id: u.id, employeeId: v ? Number(v) : null })} />
              </td>
              <td>
                {u.hasPassword ? '✓ ' : ''}
                <PasswordSetter onSet={(password) => updating.mutate({ id: u.id, password })} />
              </td>
              <td>
                {current?.id !== u.id && !u.hasPassword && (
                  <button type="button" className="small" onClick={() => login(u.name)}>
                    {t('users.switch')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card">
        <h2>{t('users.create')}</h2>
        <div className="report-filters">
          <label>
            {t('users.name')}
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="user-name" />
          </label>
          <label>
            {t('users.displayName')}
            <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </label>
          <label>
            {t('users.role')}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as UserRole })} data-testid="user-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`userrole.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('users.employee')}
            <AnySelect value={form.employeeId} options={employeeOptions} empty="" onChange={(v) => setForm({ ...form, employeeId: v })} testId="user-employee" />
          </label>
          <label>
            {t('users.password')}
            <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
          </label>
          <button type="button" className="primary" onClick={() => void create()} data-testid="user-create">
            {t('users.create')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** Sets (or, left empty, removes) a user's password. */
function PasswordSetter({ onSet }: { onSet: (password: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [pw, setPw] = useState('');
  if (!open)
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {t('users.setPassword')}
      </button>
    );
  return (
    <form
      className="user-password"
      onSubmit={(e) => {
        e.preventDefault();
        onSet(pw);
        setPw('');
        setOpen(false);
      }}
    >
      <input type="password" autoFocus value={pw} onChange={(e) => setPw(e.target.value)} placeholder={t('users.password')} />
      <button type="submit" className="small">
        {t('policy.saveRow')}
      </button>
    </form>
  );
}
