// Runs per time bucket, stacked by final state (Chart.js, only the parts a bar chart needs).
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip,
} from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const SERIES = [
  { key: "COMPLETED", label: "Completed", color: "#2e9d5b" },
  { key: "FAILED", label: "Failed", color: "#d64545" },
  { key: "CRASHED", label: "Crashed", color: "#a33" },
  { key: "CANCELLED", label: "Cancelled", color: "#8a8f98" },
];

export interface Bucketed {
  labels: string[];
  counts: Record<string, number[]>;
}

export function bucketRuns(
  runs: { end_time?: string | null; state_type?: string | null }[],
  since: number, until: number, buckets: number,
): Bucketed {
  const width = (until - since) / buckets;
  const counts: Record<string, number[]> = {};
  for (const s of SERIES) counts[s.key] = new Array<number>(buckets).fill(0);
  for (const run of runs) {
    if (!run.end_time || !run.state_type || !(run.state_type in counts)) continue;
    const index = Math.floor((new Date(run.end_time).getTime() - since) / width);
    if (index >= 0 && index < buckets) counts[run.state_type][index] += 1;
  }
  const short = until - since <= 86_400_000;
  const format = new Intl.DateTimeFormat(undefined, short
    ? { hour: "2-digit", minute: "2-digit" } : { month: "short", day: "numeric", hour: "2-digit" });
  const labels = Array.from({ length: buckets }, (_, i) => format.format(new Date(since + i * width)));
  return { labels, counts };
}

export function HistoryChart({ data, summary }: { data: Bucketed; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const text = getComputedStyle(document.documentElement).getPropertyValue("--muted").trim();
    chart.current = new Chart(canvas.current, {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: text || "#666",
        scales: {
          x: { stacked: true, ticks: { color: text, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: text, precision: 0 } },
        },
        plugins: { legend: { position: "bottom", labels: { color: text, boxWidth: 12 } } },
      },
    });
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.labels = data.labels;
    current.data.datasets = SERIES.map((s) => ({
      label: s.label, data: data.counts[s.key], backgroundColor: s.color, borderWidth: 0,
    }));
    current.update();
  }, [data]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
