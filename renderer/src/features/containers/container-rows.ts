/** The list's rows: filtered, searched and grouped by compose project. Pure. */
import type { ContainerSummary } from '../../../../shared/dto/lists';
import type { ContainerFilter } from './containers.slice';

export const COMPOSE_PROJECT = 'com.docker.compose.project';

export type ListRow =
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly project: string;
      readonly count: number;
      readonly running: number;
    }
  | { readonly kind: 'container'; readonly key: string; readonly container: ContainerSummary };

function matches(c: ContainerSummary, filter: ContainerFilter, words: readonly string[]): boolean {
  if (filter === 'running' && c.state !== 'running') return false;
  if (filter === 'exited' && c.state !== 'exited' && c.state !== 'dead' && c.state !== 'created') return false;
  const haystack = `${c.name} ${c.image} ${c.id.slice(0, 12)} ${c.labels[COMPOSE_PROJECT] ?? ''}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** Compose projects first (alphabetically, each under a header row), then containers of no project. */
export function containerRows(
  containers: readonly ContainerSummary[],
  filter: ContainerFilter,
  search: string,
): ListRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = containers.filter((c) => matches(c, filter, words)).sort((a, b) => a.name.localeCompare(b.name));
  const projects = new Map<string, ContainerSummary[]>();
  const loose: ContainerSummary[] = [];
  for (const c of shown) {
    const project = c.labels[COMPOSE_PROJECT];
    if (project) projects.set(project, [...(projects.get(project) ?? []), c]);
    else loose.push(c);
  }
  const rows: ListRow[] = [];
  for (const project of [...projects.keys()].sort()) {
    const members = projects.get(project) ?? [];
    const running = members.filter((c) => c.state === 'running').length;
    rows.push({ kind: 'group', key: `group:${project}`, project, count: members.length, running });
    for (const c of members) rows.push({ kind: 'container', key: c.id, container: c });
  }
  for (const c of loose) rows.push({ kind: 'container', key: c.id, container: c });
  return rows;
}
