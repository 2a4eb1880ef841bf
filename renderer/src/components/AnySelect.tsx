/** A select of masters whose first choice is the empty value: "(any)" for budget and policy scopes, blank for "none". */
import { useI18n } from '../i18n/index';

export interface AnySelectProps {
  value: string;
  options: { value: string | number; label: string }[];
  onChange: (value: string) => void;
  testId?: string;
  /** The empty choice's label; "(any)" unless given. */
  empty?: string;
}

export function AnySelect({ value, options, onChange, testId, empty }: AnySelectProps) {
  const { t } = useI18n();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{empty ?? t('budgets.any')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
