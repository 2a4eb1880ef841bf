/**
 * The acting user in the top bar: always visible, switchable. A user with a password is
 * asked for it inline (Electron has no window.prompt). The list is a query (a user added on
 * the users page arrives as book.changed); a switch makes every cached answer stale (what a
 * user may see and approve differs) and is told to other screens through the
 * `client-ledger-user` window event.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { UserRow } from '../../../shared/contract/users';
import { useApi, useApiMutation } from '../api/queries';
import { useI18n } from '../i18n/index';

/** After a switch: other screens are told, and every cached answer is stale (what the user may see differs). */
export function switchedTo(client: QueryClient, name: string): void {
  window.dispatchEvent(new CustomEvent('client-ledger-user', { detail: name }));
  void client.invalidateQueries();
}

export function UserSwitch({ user, onChange }: { user: string; onChange: (name: string) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const users = useApi('users.list', {}).data?.users ?? [];
  const [target, setTarget] = useState<UserRow | null>(null);
  const [password, setPassword] = useState('');
  const logging = useApiMutation('users.login');
  useEffect(() => {
    const on = (e: Event) => onChange((e as CustomEvent<string>).detail);
    window.addEventListener('client-ledger-user', on);
    return () => window.removeEventListener('client-ledger-user', on);
  }, [onChange]);

  const login = (u: UserRow, pw?: string) =>
    logging.mutate(
      { name: u.name, ...(pw ? { password: pw } : {}) },
      {
        onSuccess: (r) => {
          setTarget(null);
          setPassword('');
          switchedTo(client, r.user);
        },
      },
    );

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
            else login(u);
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
            login(target, password);
          }}
        >
          <input type="password" autoFocus placeholder={t('users.passwordFor', { name: target.name })} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-password" />
          <button type="submit" disabled={logging.isPending}>{t('users.switch')}</button>
          <button type="button" onClick={() => setTarget(null)}>
            ✕
          </button>
        </form>
      )}
    </span>
  );
}
