import { useEffect, useRef } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api/client';
import { formatMoney } from '../../lib/money';
import { ErrorState, Loading } from '../../components/States';
import { countyName, type Statistics } from './api';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: 320 }} />;
}

/** /statistics/vouchers — public: budget use, issued / redeemed / reimbursed by county and month. */
export default function VoucherStatisticsPage() {
  const { t, i18n } = useTranslation();
  const stats = useQuery({ queryKey: ['voucher-statistics'], queryFn: () => api<Statistics>('/api/voucher-statistics') });
  if (stats.isPending) return <Loading />;
  if (stats.error) return <ErrorState error={stats.error} retry={() => void stats.refetch()} />;
  const s = stats.data;
  const yuan = (fen: number) => fen / 100;
  const series = (rows: Statistics['byCounty'], type: 'bar' | 'line') => [
    { name: t('voucher.statistics.issued'), type, data: rows.map((r) => yuan(r.issued.amountFen)) },
    { name: t('voucher.statistics.redeemed'), type, data: rows.map((r) => yuan(r.redeemed.amountFen)) },
    { name: t('voucher.statistics.reimbursed'), type, data: rows.map((r) => yuan(r.reimbursed.amountFen)) },
  ];
  const chart = (rows: Statistics['byCounty'], names: string[], type: 'bar' | 'line') => ({
    tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 80, right: 20 },
    xAxis: { type: 'category', data: names }, yAxis: { type: 'value', name: '元' }, series: series(rows, type),
  });
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
        <Chart label={t('voucher.statistics.byCounty')} option={chart(s.byCounty, s.byCounty.map((r) => countyName(r.key, i18n.language)), 'bar')} />
      </Card>
      <Card title={t('voucher.statistics.byMonth')} style={{ marginTop: 12 }}>
        <Chart label={t('voucher.statistics.byMonth')} option={chart(s.byMonth, s.byMonth.map((r) => r.key), 'line')} />
      </Card>
    </>
  );
}
