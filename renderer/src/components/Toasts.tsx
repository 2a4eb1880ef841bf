/** The toast area: the one place errors and engine notices show (api/notify.ts). */
import { dismiss, useToasts } from '../api/notify';
import { useI18n } from '../i18n/index';

export function Toasts() {
  const { t } = useI18n();
  const toasts = useToasts();
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span className={toast.kind === 'error' ? 'error' : undefined}>{toast.text}</span>
          <button type="button" aria-label={t('app.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
