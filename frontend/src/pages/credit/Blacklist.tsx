import { Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorState, Loading } from '../../components/States';

interface Entry { subjectType: string; organisationId: string | null; name: string | null; reason: string; imposedAt: string }

/** The public integrity blacklist: names and reasons of the bans in force. */
export default function Blacklist() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['blacklist'], queryFn: () => api<Entry[]>('/api/blacklist') });
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('credit.blacklist')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.blacklistIntro')}</Typography.Paragraph>
      <Table rowKey={(e) => `${e.organisationId ?? e.name}-${e.imposedAt}`} dataSource={query.data} pagination={false}
        columns={[
          { title: t('credit.name'), dataIndex: 'name' },
          { title: '', dataIndex: 'subjectType', render: (v: string) => <Tag>{t(`credit.type.${v}`)}</Tag> },
          { title: t('credit.reason'), dataIndex: 'reason' },
          { title: t('credit.since'), dataIndex: 'imposedAt', render: (v: string) => new Date(v).toLocaleDateString() },
        ]} />
    </>
  );
}
