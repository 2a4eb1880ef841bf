/**
 * 导出报销单模板 on the import page: the 费用报销单 workbook to send to account managers (one
 * form per employee, or the chosen one's), saved where the user says; it imports back as filled.
 */
import { useState } from 'react';
import { notifyError } from '../api/notify';
import { api, files } from '../api/platform';
import { useApi } from '../api/queries';
import { useI18n } from '../i18n/index';

const ALL = '';

export function ClaimTemplateExport() {
  const { t } = useI18n();
  const employees = useApi('masters.lookup', { kind: 'employee', q: '', limit: 100 }).data ?? [];
  const [employee, setEmployee] = useState(ALL);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const who = employees.find((e) => e.code === employee);
    const path = await files.savePath({ defaultName: `${t('import.template.file')}${who ? `-${who.name}` : ''}.xlsx` });
    if (!path) return;
    setBusy(true);
    try {
      const r = await api('import.claimTemplate', { path, ...(employee ? { employee } : {}) });
      await files.reveal(r.path);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="import-template" data-testid="import-template">
      <select value={employee} onChange={(e) => setEmployee(e.target.value)} aria-label={t('import.template.employee')} data-testid="import-template-employee">
        <option value={ALL}>{t('import.template.all')}</option>
        {employees.map((e) => (
          <option key={e.code} value={e.code}>
            {e.name} {e.code}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void save()} disabled={busy} data-testid="import-template-export">
        {t('import.template.export')}
      </button>
    </span>
  );
}
