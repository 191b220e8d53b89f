import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export default function ComingSoon({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={`${t(titleKey)} · ${t('app.comingSoon')}`} subTitle={t('app.comingSoonText')} />;
}
