/**
 * 报销审批: claims by status on the left, the selected claim (editor, actions, budgets, history) on the right.
 * The list, the open claim and who acts are queries: book.changed refreshes them after a
 * write, a switch of user makes them stale (the buttons follow who may approve).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClaimDetail, ClaimListRow, ClaimStatus, Option } from '../../../shared/contract/claims';
import type { UserRow } from '../../../shared/contract/users';
import { formatFen } from '../../../shared/money';
import { queryKey, useApi } from '../api/queries';
import { useI18n, type StringKey } from '../i18n/index';
import { ClaimEditor } from './claims/ClaimEditor';

const STATUSES: (ClaimStatus | 'all' | 'mine')[] = ['mine', 'all', 'draft', 'submitted', 'approved', 'paid'];

export function ClaimsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ClaimStatus | 'all' | 'mine'>('all');
  const client = useQueryClient();
  const rows: ClaimListRow[] = useApi('claims.list', status === 'all' ? {} : status === 'mine' ? { awaitingMe: true } : { status }).data ?? [];
  const categories: Option[] = useApi('claims.options', {}).data?.categories ?? [];
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const got = useApi('claims.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null });
  // Not the previous claim's answer while another one loads.
  const selected: ClaimDetail | null = selectedId !== null && !got.isPlaceholderData ? (got.data ?? null) : null;
  const [creating, setCreating] = useState(false);
  // The editor's identity: a new one (its fields from the core's copy) per claim opened or new claim begun, not per refresh.
  const [editorKey, setEditorKey] = useState(0);
  // Who is acting: an empty 待我审批 says whose approvals it lists and why none are there.
  const me: UserRow | null = useApi('users.list', {}).data?.current ?? null;

  const open = (id: number) => {
    setCreating(false);
    setSelectedId(id);
    setEditorKey((k) => k + 1);
  };

  const onSaved = (d: ClaimDetail) => {
    // The answer is the claim as stored now: shown at once (book.changed refreshes it too), in the same editor.
    client.setQueryData(queryKey('claims.get', { id: d.id }), d);
    setCreating(false);
    setSelectedId(d.id);
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
            setSelectedId(null);
            setCreating(true);
            setEditorKey((k) => k + 1);
          }}
        >
          {t('claims.new')}
        </button>
      </header>
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
              key={editorKey}
              detail={selected}
              categories={categories}
              onSaved={onSaved}
              onDeleted={() => setSelectedId(null)}
            />
          ) : (
            <p className="muted">{t('claims.none')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
