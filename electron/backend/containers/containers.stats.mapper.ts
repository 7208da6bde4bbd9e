/** One frame of GET /containers/{id}/stats to a sample with rates, the way `docker stats` computes them. Pure. */
import type { StatsSample } from '../../../shared/dto/containers';

export interface RawStats {
  read?: string;
  cpu_stats?: {
    cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
    system_cpu_usage?: number;
    online_cpus?: number;
  };
  precpu_stats?: {
    cpu_usage?: { total_usage?: number };
    system_cpu_usage?: number;
  };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  pids_stats?: { current?: number };
}

export function cpuPercent(raw: RawStats): number | null {
  const cpu = raw.cpu_stats;
  const pre = raw.precpu_stats;
  const cpuDelta = (cpu?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  const cpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  // The first frame of a stream has no previous reading to compare with.
  if (!pre?.system_cpu_usage) return null;
  if (cpuDelta <= 0 || systemDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** Like the docker CLI: page cache the kernel can drop at will is not counted as used. */
export function memoryUsed(raw: RawStats): number {
  const usage = raw.memory_stats?.usage ?? 0;
  const stats = raw.memory_stats?.stats ?? {};
  const cache = stats.inactive_file ?? stats.total_inactive_file ?? 0;
  return Math.max(0, usage - cache);
}

function blockIo(raw: RawStats, op: 'read' | 'write'): number {
  let sum = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    if (entry.op.toLowerCase() === op) sum += entry.value;
  }
  return sum;
}

export function toStatsSample(id: string, raw: RawStats, now: number): StatsSample {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(raw.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  const read = raw.read ? Date.parse(raw.read) : NaN;
  return {
    id,
    time: Number.isNaN(read) || read <= 0 ? now : read,
    cpuPercent: cpuPercent(raw),
    memoryUsed: memoryUsed(raw),
    memoryLimit: raw.memory_stats?.limit ?? 0,
    networkRx: rx,
    networkTx: tx,
    blockRead: blockIo(raw, 'read'),
    blockWrite: blockIo(raw, 'write'),
    pids: raw.pids_stats?.current ?? 0,
  };
}
