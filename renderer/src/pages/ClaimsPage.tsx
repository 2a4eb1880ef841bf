/** 报销审批: claims by status on the left, the selected claim (editor, actions, budgets, history) on the right. */
import { useCallback, useEffect, useState } from 'react';
import type { ClaimDetail, ClaimListRow, ClaimStatus, Option } from '../../../shared/contract/claims';
import type { UserRow } from '../../../shared/contract/users';
import { formatFen } from '../../../shared/money';
import { api, errorText } from '../api/platform';
import { useApi } from '../api/queries';
import { useI18n, type StringKey } from '../i18n/index';
import { ClaimEditor } from './claims/ClaimEditor';

const STATUSES: (ClaimStatus | 'all' | 'mine')[] = ['mine', 'all', 'draft', 'submitted', 'approved', 'paid'];

export function ClaimsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ClaimStatus | 'all' | 'mine'>('all');
  const [rows, setRows] = useState<ClaimListRow[]>([]);
  const categories: Option[] = useApi('claims.options', {}).data?.categories ?? [];
  const [selected, setSelected] = useState<ClaimDetail | null>(null);
  const [creating, setCreating] = useState(false);
  // Remount the editor when another claim is opened, so its fields start from the core's copy.
  const [version, setVersion] = useState(0);
  const [error, setError] = useState('');
  // Who is acting: an empty 待我审批 says whose approvals it lists and why none are there.
  const [me, setMe] = useState<UserRow | null>(null);

  const reload = useCallback(() => {
    void api('claims.list', status === 'all' ? {} : status === 'mine' ? { awaitingMe: true } : { status }).then(setRows, () => setRows([]));
    void api('users.list', {}).then((u) => setMe(u.current), () => setMe(null));
  }, [status]);

  useEffect(reload, [reload]);
  // Another user sees the open claim with their own buttons (who may approve it, and why not).
  const selectedId = selected?.id;
  useEffect(() => {
    const onUser = () => {
      reload();
      if (selectedId) void api('claims.get', { id: selectedId }).then(setSelected, () => {});
    };
    window.addEventListener('client-ledger-user', onUser);
    return () => window.removeEventListener('client-ledger-user', onUser);
  }, [reload, selectedId]);

  const open = (id: number) => {
    setCreating(false);
    setError('');
    void api('claims.get', { id }).then(
      (d) => {
        setSelected(d);
        setVersion((v) => v + 1);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  const onSaved = (d: ClaimDetail) => {
    setCreating(false);
    setSelected(d);
    reload();
  };

  return (
    <section className="page claims-page">
      <header className="page-head">
        <h1>{t('nav.claims')}</h1>
        <div className="tabs" role="tablist">
          {STATUSES.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'active' : ''} onClick={() => setStatus(s)} data-testid={`claims-tab-${s}`}>
              {s === 'all' ? t('claims.all') : s === 'mine' ? t('claims.awaitingMe') : t(`status.${s}` as StringKey)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="primary"
          data-testid="claim-new"
          onClick={() => {
            setSelected(null);
            setCreating(true);
            setVersion((v) => v + 1);
          }}
        >
          {t('claims.new')}
        </button>
      </header>
      {error && <div className="error">{error}</div>}
      <div className="claims-split">
        <div className="claims-list">
          <table className="plain" data-testid="claims-list">
            <thead>
              <tr>
                <th>{t('claims.id')}</th>
                <th>{t('claims.employee')}</th>
                <th className="num">{t('claims.total')}</th>
                <th>{t('claims.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={selected?.id === r.id ? 'selected' : ''} onClick={() => open(r.id)} data-testid={`claim-row-${r.id}`}>
                  <td className="mono">#{r.id}</td>
                  <td>
                    {r.employeeName}
                    {r.title && <div className="muted small-text">{r.title}</div>}
                  </td>
                  <td className="num">{formatFen(r.totalFen)}</td>
                  <td>
                    <span className={`status status-${r.status}`}>{t(`status.${r.status}`)}</span>
                    {r.pendingRole && <div className="muted small-text">{t(`role.${r.pendingRole}` as StringKey)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {status === 'mine' && rows.length === 0 && (
            <div className="empty-state" data-testid="claims-mine-empty">
              <p>{t('approval.noneMine')}</p>
              {me && <p className="muted small-text">{t('approval.noneMineWhy', { user: me.displayName || me.name, role: t(`userrole.${me.role}` as StringKey) })}</p>}
            </div>
          )}
        </div>
        <div className="claims-detail">
          {selected || creating ? (
            <ClaimEditor
              key={version}
              detail={selected}
              categories={categories}
              onSaved={onSaved}
              onDeleted={() => {
                setSelected(null);
                reload();
              }}
            />
          ) : (
            <p className="muted">{t('claims.none')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
