import { useTranslation } from 'react-i18next';
import { formatMoney, type Money } from '../lib/money';

/** Enum values and money in the current language. Unknown values show as they are. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const label = (group: string, value: string | null | undefined) =>
    value ? t(`${group}.${value}`, { defaultValue: value }) : '';
  return {
    t,
    i18n,
    language,
    field: (value?: string | null) => label('field', value),
    maturity: (value?: string | null) => label('maturity', value),
    transfer: (value?: string | null) => label('transfer', value),
    region: (value?: string | null) => label('region', value),
    status: (value?: string | null) => label('status', value),
    money: (money: Money | null | undefined, compact = false) => formatMoney(money, language, compact),
    date: (iso?: string | null) =>
      iso ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium' }).format(new Date(iso)) : '',
  };
}
