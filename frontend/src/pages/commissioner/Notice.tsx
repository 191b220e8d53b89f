import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/States';
import { COUNTIES, commissionerApi } from './api';

/** The public notice (公示) of the year's selected commissioners; anyone may read it. */
export default function Notice() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const notice = useQuery({ queryKey: ['commissioner', 'notice', year], queryFn: () => commissionerApi.notice(year) });
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.notice.title')}</h1>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('commissioner.notice.intro')}</Typography.Paragraph>
          <Space>{t('commissioner.notice.year')}
            <Select value={year} onChange={setYear} style={{ width: 120 }}
              options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} />
          </Space>
          {notice.isPending ? <Loading /> : notice.error ? <ErrorState error={notice.error} retry={() => void notice.refetch()} /> : (
            <Table data-testid="notice-table" rowKey="id" dataSource={notice.data} pagination={{ pageSize: 50 }}
              locale={{ emptyText: t('commissioner.notice.empty') }}
              columns={[
                { title: t('commissioner.apply.certificate'), dataIndex: 'certificateNumber' },
                { title: t('commissioner.field.name'), dataIndex: 'name' },
                { title: t('commissioner.field.type'), dataIndex: 'type', render: (v: string) => t(`commissioner.type.${v}`) },
                { title: t('commissioner.field.employer'), dataIndex: 'employerName' },
                { title: t('commissioner.field.expertise'), dataIndex: 'expertise' },
                { title: t('commissioner.field.region'), dataIndex: 'regionCode', render: (v: string) => COUNTIES[v] ?? v },
                { title: t('commissioner.field.talent'), dataIndex: 'threeRegionsTalent', render: (v: boolean) => (v ? <Tag color="gold">✓</Tag> : '') },
              ]} />
          )}
        </Space>
      </Card>
    </>
  );
}
