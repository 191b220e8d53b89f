import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('listing.notFound')} extra={<Link to="/"><Button>{t('nav.home')}</Button></Link>} />;
}
