import { lazy, Suspense, useMemo, useState } from 'react';
import { Card, Col, Row, Segmented, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Bucket, StatisticsReport, TargetProgress } from '../../api/deals';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { chartRows, monthRows, type ChartRow } from './logic';

const DealChart = lazy(() => import('../../charts/DealCharts'));
const TurnoverGauge = lazy(() => import('../../charts/TurnoverGauge'));

function ChartCard({ title, rows, kind, testId }: { title: string; rows: ChartRow[]; kind: 'bar' | 'pie'; testId: string }) {
  const { t } = useLabels();
  const labels = useMemo(() => ({ count: t('deals.stats.count'), total: t('deals.stats.total'), technical: t('deals.stats.technical') }), [t]);
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 15 }}>{title}</h2>} data-testid={testId}>
      {rows.length === 0 ? <EmptyState text={t('deals.stats.empty')} /> : (
        <>
          <Suspense fallback={<Loading rows={5} />}>
            <DealChart rows={rows} labels={labels} kind={kind} title={t('deals.stats.chartOf', { title })} />
          </Suspense>
          <details>
            <summary>{t('deals.stats.table')}</summary>
            <Table<ChartRow> size="small" rowKey="key" pagination={false} dataSource={rows} scroll={{ x: true }}
              columns={[
                { title, dataIndex: 'label' },
                { title: t('deals.stats.count'), dataIndex: 'count', align: 'right' },
                { title: `${t('deals.stats.total')}（${t('deals.common.wan')}）`, dataIndex: 'totalWan', align: 'right' },
                { title: `${t('deals.stats.technical')}（${t('deals.common.wan')}）`, dataIndex: 'technicalWan', align: 'right' },
              ]} />
          </details>
        </>
      )}
    </Card>
  );
}

function ContractStatistics() {
  const l = useLabels();
  const { t } = l;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [side, setSide] = useState<'SELLER' | 'BUYER'>('SELLER');
  const report = useQuery({ queryKey: ['statistics', year, side], queryFn: () => api<StatisticsReport>(`/api/contract-statistics?year=${year}&side=${side}`) });
  const target = useQuery({ queryKey: ['statistics', 'target', year], queryFn: () => api<TargetProgress>(`/api/contract-statistics/target?year=${year}`) });
  const label = (group: string) => (bucket: Bucket) => {
    if (bucket.key === 'UNSPECIFIED') return t('deals.stats.unspecified');
    switch (group) {
      case 'region': return l.region(bucket.key) || bucket.label || bucket.key;
      case 'type': return t(`deals.contractType.${bucket.key}`, { defaultValue: bucket.label ?? bucket.key });
      case 'field': return l.field(bucket.key) || bucket.label || bucket.key;
      default: return bucket.key.split(':').map((part) => t(`deals.legal.${part}`, { defaultValue: part })).join(' · ');
    }
  };
  const r = report.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="stats-year">{t('deals.stats.year')}</label>
        <Select id="stats-year" value={year} onChange={setYear} style={{ width: 110 }}
          options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((value) => ({ value, label: String(value) }))} />
        <span>{t('deals.stats.side')}</span>
        <Segmented value={side} onChange={(value) => setSide(value as 'SELLER' | 'BUYER')}
          options={[{ value: 'SELLER', label: t('deals.stats.sideSeller') }, { value: 'BUYER', label: t('deals.stats.sideBuyer') }]} />
      </Space>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.stats.target')}</h2>} data-testid="stats-target">
        {target.isPending ? <Loading rows={3} /> : target.error ? <ErrorState error={target.error} retry={() => void target.refetch()} /> : (
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} md={8}>
              <div style={{ height: 200 }}>
                <Suspense fallback={<Loading rows={3} />}>
                  <TurnoverGauge value={target.data.achieved.amountFen} target={target.data.target.amountFen} />
                </Suspense>
              </div>
            </Col>
            <Col xs={24} md={16}>
              <Space direction="vertical">
                <Typography.Text data-testid="stats-target-text">
                  {t('deals.stats.targetText', {
                    achieved: l.money(target.data.achieved, true), target: l.money(target.data.target, true),
                    percent: target.data.progressPercent, remaining: l.money(target.data.remaining, true),
                  })}
                </Typography.Text>
                <Space wrap size="large">
                  <Statistic title={t('deals.stats.count')} value={target.data.contractCount} />
                  <Statistic title={t('deals.stats.total')} value={l.money(target.data.achieved) ?? ''} />
                  <Statistic title={t('deals.stats.technical')} value={l.money(target.data.technicalTransactionAmount) ?? ''} />
                </Space>
              </Space>
            </Col>
          </Row>
        )}
      </Card>
      {report.isPending ? <Loading rows={8} /> : report.error ? <ErrorState error={report.error} retry={() => void report.refetch()} /> : r && (
        <>
          <Typography.Text type="secondary">{t('deals.stats.unit')}</Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24}>
              <ChartCard title={t('deals.stats.byMonth')} testId="stats-by-month" kind="bar" rows={monthRows(r.year, r.byMonth, (month) => t('deals.stats.month', { month }))} />
            </Col>
            <Col xs={24} lg={12}><ChartCard title={t('deals.stats.byRegion')} testId="stats-by-region" kind="bar" rows={chartRows(r.byRegion, label('region'))} /></Col>
            <Col xs={24} lg={12}><ChartCard title={t('deals.stats.byContractType')} testId="stats-by-type" kind="pie" rows={chartRows(r.byContractType, label('type'))} /></Col>
            <Col xs={24} lg={12}><ChartCard title={t('deals.stats.byTechnologyField')} testId="stats-by-field" kind="bar" rows={chartRows(r.byTechnologyField, label('field'))} /></Col>
            <Col xs={24} lg={12}><ChartCard title={t('deals.stats.byPartyType')} testId="stats-by-party" kind="pie" rows={chartRows(r.byPartyType, label('party'))} /></Col>
          </Row>
        </>
      )}
    </Space>
  );
}

/** 统计分析: technology contracts (this page) with tabs leading to the commissioners' and vouchers' statistics. */
export default function Statistics() {
  const { t } = useLabels();
  const navigate = useNavigate();
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('deals.stats.title')}</h1>
      <Tabs activeKey="contracts" onChange={(key) => { if (key !== 'contracts') navigate(`/statistics/${key}`); }}
        items={[
          { key: 'contracts', label: t('deals.stats.tabs.contracts'), children: <ContractStatistics /> },
          { key: 'commissioners', label: t('deals.stats.tabs.commissioners') },
          { key: 'vouchers', label: t('deals.stats.tabs.vouchers') },
        ]} />
    </>
  );
}
