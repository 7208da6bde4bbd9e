/**
 * Compose projects in the tray: one entry per project, with Start and Stop of the whole project, instead of one
 * entry per container. Pure; tray.menu.ts places the entries and tray.ts performs them through projects:*.
 */
import type { ContainerSummary } from '../../../shared/dto/lists';
import { COMPOSE_LABELS } from '../../../shared/dto/projects';

export type ProjectTrayAction = {
  readonly kind: 'project-start' | 'project-stop' | 'project-open';
  readonly name: string;
};

export interface TrayProject {
  readonly name: string;
  readonly running: number;
  readonly total: number;
}

export const projectOf = (c: ContainerSummary): string | undefined => c.labels[COMPOSE_LABELS.project];

const isUp = (c: ContainerSummary) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused';

/** Projects by name, from the containers' labels. */
export function trayProjects(containers: readonly ContainerSummary[]): TrayProject[] {
  const byName = new Map<string, { running: number; total: number }>();
  for (const c of containers) {
    const name = projectOf(c);
    if (name === undefined || name === '') continue;
    const p = byName.get(name) ?? { running: 0, total: 0 };
    byName.set(name, { running: p.running + (isUp(c) ? 1 : 0), total: p.total + 1 });
  }
  return [...byName].map(([name, p]) => ({ name, ...p })).sort((a, b) => a.name.localeCompare(b.name));
}

export function projectLabel(p: TrayProject, shorten: (text: string) => string): string {
  return `${shorten(p.name)} — project, ${p.running} of ${p.total} running`;
}

/** Start while anything is down, Stop while anything is up. */
export function projectActions(p: TrayProject): { label: string; action: ProjectTrayAction }[] {
  const out: { label: string; action: ProjectTrayAction }[] = [];
  if (p.running < p.total) out.push({ label: 'Start project', action: { kind: 'project-start', name: p.name } });
  if (p.running > 0) out.push({ label: 'Stop project', action: { kind: 'project-stop', name: p.name } });
  out.push({ label: 'Open in Berth', action: { kind: 'project-open', name: p.name } });
  return out;
}
