import { Alert, Button, Card, Result, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { ErrorState, Loading, problemWords } from '../../components/States';
import { COUNTIES, commissionerApi } from './api';

/** The bureau's annual evaluation of one county, with the 优秀 quota and served units' feedback. */
export default function Evaluation() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = hasRole(session, 'ADMIN');
  const client = useQueryClient();
  const [region, setRegion] = useState('620826');
  const [year, setYear] = useState(new Date().getFullYear());
  const [error, setError] = useState<string | null>(null);
  const overview = useQuery({ queryKey: ['commissioner', 'evaluation', region, year], queryFn: () => commissionerApi.evaluation(region, year), enabled: admin });
  const grade = useMutation({
    mutationFn: (body: { commissionerId: string; grade: string }) => commissionerApi.grade({ ...body, year }),
    onSuccess: () => { setError(null); void client.invalidateQueries({ queryKey: ['commissioner'] }); },
    onError: (e) => setError(problemWords(e, t).message),
  });
  if (!admin) return <Result status="403" title={t('problem.forbidden')} />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.evaluation.title')}</h1>
      <Space style={{ marginBottom: 12 }}>
        <Select value={region} onChange={setRegion} style={{ width: 140 }} options={Object.entries(COUNTIES).map(([value, label]) => ({ value, label }))} />
        <Select value={year} onChange={setYear} style={{ width: 100 }} options={[0, 1, 2].map((d) => ({ value: new Date().getFullYear() - d, label: String(new Date().getFullYear() - d) }))} />
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {overview.isPending ? <Loading /> : overview.error ? <ErrorState error={overview.error} /> : (
        <Card>
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title={t('commissioner.evaluation.base')} value={overview.data.base} />
            <Statistic title={`${t('commissioner.evaluation.cap')} (${overview.data.quotaPercent}%)`} value={overview.data.excellentCap} />
            <Statistic title={t('commissioner.evaluation.given')} value={overview.data.excellentGiven} />
          </Space>
          <Table rowKey="commissionerId" dataSource={overview.data.items} pagination={false} columns={[
            { title: t('commissioner.field.name'), dataIndex: 'name' },
            { title: t('commissioner.field.type'), dataIndex: 'type', render: (v: string) => t(`commissioner.type.${v}`) },
            { title: t('commissioner.field.employer'), dataIndex: 'employerName' },
            { title: t('commissioner.evaluation.feedback'), dataIndex: 'feedback', render: (f: { organisationName: string; rating: string }[]) => f.map((x) => <Tag key={x.organisationName}>{x.organisationName}: {x.rating}</Tag>) },
            { title: t('commissioner.evaluation.grade'), key: 'grade', render: (_, row) => row.grade ? <Tag color={row.grade === 'INCOMPETENT' ? 'red' : 'green'}>{t(`commissioner.grade.${row.grade}`)}</Tag> : (
              <Space>{['EXCELLENT', 'COMPETENT', 'INCOMPETENT'].map((g) => (
                <Button key={g} size="small" danger={g === 'INCOMPETENT'} onClick={() => grade.mutate({ commissionerId: row.commissionerId, grade: g })}>{t(`commissioner.grade.${g}`)}</Button>
              ))}</Space>
            ) },
          ]} />
        </Card>
      )}
    </>
  );
}
