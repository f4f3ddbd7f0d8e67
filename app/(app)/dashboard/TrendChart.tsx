'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

export interface TrendSeries {
  name: string;
  /** Percent per month, oldest first; null where the month has nothing to count. */
  points: (number | null)[];
}

/**
 * The trend as a line chart (ECharts, loaded on this page only). The table below it holds the
 * same figures, for screen readers and for anyone who wants the counts; a tap on a month
 * opens that month, as the table's links do.
 */
export function TrendChart({ periods, hrefs, series, label }: { periods: string[]; hrefs: string[]; series: TrendSeries[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    let chart: ReturnType<(typeof import('./echarts'))['init']> | null = null;
    let gone = false;
    const resize = () => chart?.resize();
    void import('./echarts').then(({ init }) => {
      if (gone || !box.current) return;
      chart = init(box.current, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        grid: { left: 40, right: 16, top: 48, bottom: 28 },
        legend: { top: 0, type: 'scroll' },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
        xAxis: { type: 'category', data: periods.map((m) => m.slice(2)), axisTick: { alignWithLabel: true } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: series.map((s) => ({ type: 'line', name: s.name, data: s.points, connectNulls: false, symbolSize: 8 })),
      });
      chart.on('click', (event) => {
        const href = typeof event.dataIndex === 'number' ? hrefs[event.dataIndex] : undefined;
        if (href) router.push(href);
      });
      window.addEventListener('resize', resize);
    });
    return () => {
      gone = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [periods, hrefs, series, router]);
  return <div ref={box} role="img" aria-label={label} className="h-64 w-full rounded-md border border-slate-200 bg-white" />;
}
