/** A filter-style select whose first choice is "any" (empty value): budget scopes, policy rule scopes. */
import { useI18n } from '../i18n/index';

export interface AnySelectProps {
  value: string;
  options: { value: string | number; label: string }[];
  onChange: (value: string) => void;
  testId?: string;
}

export function AnySelect({ value, options, onChange, testId }: AnySelectProps) {
  const { t } = useI18n();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{t('budgets.any')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
