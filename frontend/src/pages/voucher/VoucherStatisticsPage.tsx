import { Card, Col, Progress, Row, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatMoney } from '../../lib/money';
import { ErrorState, Loading } from '../../components/States';
import { countyName, type Statistics } from './api';

// Plain bars instead of ECharts: a second ECharts user splits echarts into a chunk shared with the
// home page's lazy gauge, which the browser test counts against the home page's 300 KB budget.
function Bars({ rows, name }: { rows: Statistics['byCounty']; name: (key: string) => string }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.issued.amountFen));
  const bar = (fen: number) => <Progress percent={Math.round((fen / max) * 100)} showInfo={false} size="small" />;
  return (
    <Table size="small" rowKey="key" pagination={false} dataSource={rows} columns={[
      { dataIndex: 'key', title: '', render: (key: string) => name(key) },
      ...(['issued', 'redeemed', 'reimbursed'] as const).map((k) => ({
        key: k, title: t(`voucher.statistics.${k}`),
        render: (_: unknown, r: Statistics['byCounty'][number]) => <>{formatMoney(r[k], i18n.language)}{bar(r[k].amountFen)}</>,
      })),
    ]} />
  );
}

/** /statistics/vouchers — public: budget use, issued / redeemed / reimbursed by county and month. */
export default function VoucherStatisticsPage() {
  const { t, i18n } = useTranslation();
  const stats = useQuery({ queryKey: ['voucher-statistics'], queryFn: () => api<Statistics>('/api/voucher-statistics') });
  if (stats.isPending) return <Loading />;
  if (stats.error) return <ErrorState error={stats.error} retry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('voucher.statistics.title')} {s.year}</h1>
      <Row gutter={12}>
        {(['budget', 'issued', 'redeemed', 'reimbursed'] as const).map((key) => (
          <Col xs={12} md={6} key={key}><Card><Statistic title={t(`voucher.statistics.${key}`)} value={formatMoney(s[key], i18n.language, true) ?? ''} /></Card></Col>
        ))}
      </Row>
      <Card style={{ marginTop: 12 }}><Statistic title={t('voucher.statistics.budgetUse')} value={Math.round(s.budgetUse * 1000) / 10} suffix="%" data-testid="budget-use" /></Card>
      <Card title={t('voucher.statistics.byCounty')} style={{ marginTop: 12 }}>
        <Bars rows={s.byCounty} name={(key) => countyName(key, i18n.language)} />
      </Card>
      <Card title={t('voucher.statistics.byMonth')} style={{ marginTop: 12 }}>
        <Bars rows={s.byMonth} name={(key) => key} />
      </Card>
    </>
  );
}
