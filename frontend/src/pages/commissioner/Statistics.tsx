import { Card, Col, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/States';
import CoverageChart from './CoverageChart';
import { COUNTIES, commissionerApi, type Target } from './api';

function TargetCard({ title, target, testId }: { title: string; target: Target; testId: string }) {
  const { t } = useTranslation();
  const percent = target.target === 0 ? 100 : Math.min(100, Math.round((target.actual / target.target) * 1000) / 10);
  return (
    <Card data-testid={testId}>
      <Statistic title={title} value={target.actual} suffix={`/ ${target.target}`} />
      <Progress percent={percent} status={target.met ? 'success' : 'active'} />
      <Typography.Text type="secondary">{t('commissioner.statistics.target')} ≥ {target.target}</Typography.Text>
    </Card>
  );
}

/** Public commissioner statistics against the city's targets, with village coverage by county. */
export default function Statistics() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ['commissioner', 'statistics'], queryFn: commissionerApi.statistics });
  const villages = useQuery({ queryKey: ['commissioner', 'villages'], queryFn: commissionerApi.villages });
  const chart = useMemo(() => {
    const counties = stats.data?.counties.filter((c) => c.regionCode !== '620800') ?? [];
    return {
      categories: counties.map((c) => c.name),
      series: [
        { name: t('commissioner.statistics.villages'), values: counties.map((c) => c.villages) },
        { name: t('commissioner.statistics.covered'), values: counties.map((c) => c.villagesCovered) },
        { name: t('commissioner.statistics.poor'), values: counties.map((c) => c.poorVillages) },
        { name: t('commissioner.statistics.poorCovered'), values: counties.map((c) => c.poorVillagesCovered) },
      ],
    };
  }, [stats.data, t]);
  if (stats.isPending) return <Loading />;
  if (stats.error) return <ErrorState error={stats.error} retry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.statistics.title')}</h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}><TargetCard testId="target-total" title={t('commissioner.statistics.active')} target={s.totalTarget} /></Col>
        <Col xs={24} md={8}><TargetCard testId="target-new" title={t('commissioner.statistics.newThisYear')} target={s.newPerYearTarget} /></Col>
        <Col xs={24} md={8}><TargetCard testId="target-poor" title={t('commissioner.statistics.poorVillages')} target={s.poorVillageTarget} /></Col>
        <Col xs={24} md={8}><TargetCard testId="target-teams" title={t('commissioner.statistics.teams')} target={s.teamsTarget} /></Col>
        <Col xs={24} md={8}><TargetCard testId="target-bases" title={t('commissioner.statistics.bases')} target={s.demonstrationBasesTarget} /></Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('commissioner.statistics.talents')} value={s.threeRegionsTalents} />
            {Object.entries(s.byType).map(([type, n]) => <Tag key={type}>{t(`commissioner.type.${type}`)} {n}</Tag>)}
          </Card>
        </Col>
      </Row>
      <Card title={t('commissioner.statistics.coverage')} style={{ marginTop: 16 }}>
        <CoverageChart categories={chart.categories} series={chart.series} label={t('commissioner.statistics.coverage')} />
      </Card>
      <Card title={t('commissioner.statistics.villageList')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('commissioner.statistics.demoNote')}</Typography.Paragraph>
        {villages.data && (
          <Table rowKey="code" size="small" dataSource={villages.data} pagination={{ pageSize: 30 }} columns={[
            { title: t('commissioner.field.region'), dataIndex: 'countyCode', render: (v: string) => COUNTIES[v] ?? v },
            { title: '乡镇 / Township', dataIndex: 'township' },
            { title: t('commissioner.statistics.villages'), dataIndex: 'name', render: (v: string, row) => <>{v} {row.poor && <Tag color="orange">{t('commissioner.statistics.poor')}</Tag>}</> },
            { title: t('commissioner.statistics.active'), dataIndex: 'activeCommissioners', render: (n: number) => <Tag color={n > 0 ? 'green' : 'red'}>{n}</Tag> },
          ]} />
        )}
      </Card>
    </>
  );
}
