import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  colour: string;
  values: number[];
}

/**
 * A horizontal (stacked when there are several series) bar chart with chart.js on a canvas. Animations are off:
 * results should appear at once, and screenshots should show final values.
 */
export function BarChart({ labels, series, title, locale, testId }: { labels: string[]; series: BarSeries[]; title: string; locale: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.colour, borderWidth: 0, barPercentage: 0.8 })) },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale,
        plugins: {
          legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${Number(c.raw).toLocaleString(locale, { maximumFractionDigits: 2 })}` } },
        },
        scales: {
          x: { stacked: true, ticks: { font: { size: 10 }, callback: (v) => Number(v).toLocaleString(locale) }, grid: { color: '#eceee9' } },
          y: { stacked: true, ticks: { font: { size: 11 } }, grid: { display: false } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, locale]);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart-box" style={{ height: Math.max(120, labels.length * 26 + (series.length > 1 ? 40 : 16)) }}>
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}
