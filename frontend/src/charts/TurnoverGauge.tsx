import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { GaugeChart } from 'echarts/charts';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GaugeChart, CanvasRenderer]);

/** Turnover against the yearly target as a gauge. Loaded on demand: echarts is not in the first bundle. */
export default function TurnoverGauge({ value, target }: { value: number | null; target: number }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    const percent = value === null ? 0 : Math.min(100, (value / target) * 100);
    chart.setOption({
      series: [{
        type: 'gauge',
        min: 0,
        max: 100,
        progress: { show: true, width: 12 },
        axisLine: { lineStyle: { width: 12 } },
        axisLabel: { show: false },
        splitLine: { show: false },
        axisTick: { show: false },
        pointer: { show: false },
        detail: { formatter: value === null ? '—' : '{value}%', fontSize: 22, offsetCenter: [0, '10%'] },
        data: [{ value: Math.round(percent * 10) / 10 }],
      }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [value, target]);
  return <div ref={element} role="img" aria-label={t('home.turnover')} style={{ width: '100%', height: '100%' }} />;
}
