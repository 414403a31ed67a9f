import { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip,
} from 'chart.js';
import type { Series } from './series';

// Only the parts the dashboard draws, so the chunk carries no unused chart types.
ChartJs.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

// Colour-blind-safe (Okabe-Ito), each distinct in lightness too.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

export interface ChartProps {
  kind: 'bar' | 'line';
  series: Series;
  /** The person-readable name of each set, by its key. */
  names: Record<string, string>;
  /** The sets drawn against a second y axis (on the right), by key. */
  right?: string[];
  /** What the chart shows, read out by screen readers (the canvas itself says nothing). */
  label: string;
}

/** A Chart.js chart on a canvas; the page also shows the figures as a table for keyboard and screen-reader users. */
export function Chart({ kind, series, names, right = [], label }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new ChartJs(canvas.current!, {
      type: kind,
      data: {
        labels: series.labels,
        datasets: series.sets.map((set, index) => ({
          label: names[set.key] ?? set.key,
          data: set.values,
          backgroundColor: COLOURS[index % COLOURS.length],
          borderColor: COLOURS[index % COLOURS.length],
          yAxisID: right.includes(set.key) ? 'right' : 'y',
          spanGaps: false,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { beginAtZero: true, position: 'left' },
          ...(right.length ? { right: { beginAtZero: true, position: 'right' as const, grid: { drawOnChartArea: false } } } : {}),
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [kind, series, names, right]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
