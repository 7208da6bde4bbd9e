import type { PortMapping } from '../../../../shared/dto/lists';

/**
 * "0.0.0.0:8080→80/tcp" per published port, "80/tcp" per exposed one. The engine lists a published port once
 * per address family (0.0.0.0 and ::); one entry per host port is what a user wants to read.
 */
export function formatPorts(ports: readonly PortMapping[]): string[] {
  const seen = new Set<string>();
  const sorted = [...ports].sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0));
  const out: string[] = [];
  for (const port of sorted) {
    const target = `${port.privatePort}/${port.type}`;
    const text = port.publicPort === undefined ? target : `${hostOf(port.ip)}:${port.publicPort}→${target}`;
    const key = port.publicPort === undefined ? target : `${port.publicPort}→${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

function hostOf(ip: string | undefined): string {
  if (ip === undefined || ip === '' || ip === '::') return '0.0.0.0';
  return ip.includes(':') ? `[${ip}]` : ip;
}
