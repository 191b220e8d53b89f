import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartRow } from '../pages/deals/logic';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartLabels {
  count: string;
  total: string;
  technical: string;
}

/** Bar chart of amounts (万元) per row with the contract count on a second axis; `pie` draws the totals as a ring. */
export default function DealChart({ rows, labels, kind, title, testId }: { rows: ChartRow[]; labels: ChartLabels; kind: 'bar' | 'pie'; title: string; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(kind === 'pie' ? {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: rows.map((row) => ({ name: row.label, value: row.totalWan })), label: { formatter: '{b}' } }],
    } : {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((row) => row.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      series: [
        { type: 'bar', name: labels.total, data: rows.map((row) => row.totalWan) },
        { type: 'bar', name: labels.technical, data: rows.map((row) => row.technicalWan) },
        { type: 'bar', name: labels.count, yAxisIndex: 1, data: rows.map((row) => row.count), barMaxWidth: 8 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, labels, kind]);
  return <div ref={element} role="img" aria-label={title} data-testid={testId} style={{ width: '100%', height: 300 }} />;
}
