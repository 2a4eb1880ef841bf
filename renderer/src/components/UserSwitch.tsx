/**
 * The acting user in the top bar: always visible, switchable. A user with a password is
 * asked for it inline (Electron has no window.prompt). Other screens hear about a switch
 * through the `client-ledger-user` window event and reload what depends on the user.
 */
import { useEffect, useState } from 'react';
import type { UserRow } from '../../../shared/contract/users';
import { api, errorText } from '../api/platform';
import { useI18n } from '../i18n/index';

/** Tells the top bar the list of users changed. */
export const announceUsers = () => window.dispatchEvent(new Event('client-ledger-users'));

export const announceUser = (name: string) => window.dispatchEvent(new CustomEvent('client-ledger-user', { detail: name }));

export function UserSwitch({ user, onChange }: { user: string; onChange: (name: string) => void }) {
  const { t } = useI18n();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [target, setTarget] = useState<UserRow | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    const load = () => void api('users.list', {}).then((r) => setUsers(r.users), () => setUsers([]));
    load();
    // The users screen announces additions and changes.
    window.addEventListener('client-ledger-users', load);
    return () => window.removeEventListener('client-ledger-users', load);
  }, [user]);
  useEffect(() => {
    const on = (e: Event) => onChange((e as CustomEvent<string>).detail);
    window.addEventListener('client-ledger-user', on);
    return () => window.removeEventListener('client-ledger-user', on);
  }, [onChange]);

  const login = async (u: UserRow, pw?: string) => {
    setError('');
    try {
      const r = await api('users.login', { name: u.name, ...(pw ? { password: pw } : {}) });
      setTarget(null);
      setPassword('');
      announceUser(r.user);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <span className="user-switch">
      <label>
        {t('users.current')}{' '}
        <select
          value={user}
          data-testid="user-switch"
          onChange={(e) => {
            const u = users.find((x) => x.name === e.target.value);
            if (!u) return;
            if (u.hasPassword) setTarget(u);
            else void login(u);
          }}
        >
          {!users.some((u) => u.name === user) && <option value={user}>{user}</option>}
          {users
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.name}>
                {u.displayName ? `${u.displayName} (${u.name})` : u.name} · {t(`userrole.${u.role}`)}
              </option>
            ))}
        </select>
      </label>
      {target && (
        <form
          className="user-password"
          onSubmit={(e) => {
            e.preventDefault();
            void login(target, password);
          }}
        >
          <input type="password" autoFocus placeholder={t('users.passwordFor', { name: target.name })} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-password" />
          <button type="submit">{t('users.switch')}</button>
          <button type="button" onClick={() => setTarget(null)}>
            ✕
          </button>
        </form>
      )}
      {error && <span className="error inline">{error}</span>}
    </span>
  );
}
