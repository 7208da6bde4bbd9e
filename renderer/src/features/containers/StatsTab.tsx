import type { ContainerOverview, StatsSample } from '../../../../shared/dto/containers';
import { formatBytes } from '../../ui/format-bytes';
import { ratesOf, sparklinePoints } from './sparkline';
import { useStatsSamples, useStatsStream } from './use-stats';

const W = 220;
const H = 40;

function Chart({
  label,
  value,
  series,
  max,
}: {
  label: string;
  value: string;
  series: readonly number[];
  max?: number;
}) {
  return (
    <figure className="ctr-chart">
      <figcaption>
        <span className="muted">{label}</span> <strong>{value}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${label}: ${value}`}>
        <polyline className="ctr-chart-line" fill="none" points={sparklinePoints(series, W, H, max)} />
      </svg>
    </figure>
  );
}

const rate = (samples: readonly StatsSample[], pick: (s: StatsSample) => number) =>
  ratesOf(
    samples.map(pick),
    samples.map((s) => s.time),
  );

/** Live CPU, memory, network and disk use, one small chart each, for the last minute. */
export function StatsTab({ container }: { container: ContainerOverview }) {
  const running = container.state === 'running';
  useStatsStream(running ? [container.id] : []);
  const samples = useStatsSamples(container.id);
  if (!running) return <p className="muted">Stats are measured while the container runs; it uses nothing now.</p>;
  const last = samples.at(-1);
  if (last === undefined) return <p aria-busy="true">Measuring…</p>;
  const rx = rate(samples, (s) => s.networkRx);
  const tx = rate(samples, (s) => s.networkTx);
  const read = rate(samples, (s) => s.blockRead);
  const write = rate(samples, (s) => s.blockWrite);
  return (
    <div className="ctr-charts">
      <Chart
        label="CPU"
        value={last.cpuPercent === null ? '…' : `${last.cpuPercent.toFixed(1)}%`}
        series={samples.map((s) => s.cpuPercent ?? 0)}
        max={100}
      />
      <Chart
        label="Memory"
        value={`${formatBytes(last.memoryUsed)} of ${formatBytes(last.memoryLimit)}`}
        series={samples.map((s) => s.memoryUsed)}
      />
      <Chart label="Network in" value={`${formatBytes(rx.at(-1) ?? 0)}/s`} series={rx} />
      <Chart label="Network out" value={`${formatBytes(tx.at(-1) ?? 0)}/s`} series={tx} />
      <Chart label="Disk read" value={`${formatBytes(read.at(-1) ?? 0)}/s`} series={read} />
      <Chart label="Disk write" value={`${formatBytes(write.at(-1) ?? 0)}/s`} series={write} />
      <p className="muted ctr-chart-note">
        {last.pids} {last.pids === 1 ? 'process' : 'processes'}; the same numbers as <code>docker stats</code>.
      </p>
    </div>
  );
}
