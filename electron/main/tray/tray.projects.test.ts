import { describe, expect, it } from 'vitest';
import type { EngineStatus, EngineSummary } from '../../../shared/dto/engine';
import type { ContainerState, ContainerSummary } from '../../../shared/dto/lists';
import { buildTrayMenu, type TrayItem } from './tray.menu';
import { projectActions, trayProjects } from './tray.projects';

const endpoint = { kind: 'unix', address: 'unix:///var/run/docker.sock', source: 'default' } as const;
const connected: EngineStatus = {
  state: 'connected',
  endpoint,
  engine: { version: '28.1.1', flavor: 'docker' } as EngineSummary,
  since: 0,
};

const c = (name: string, state: ContainerState, project?: string): ContainerSummary => ({
  id: `${name}-id`,
  name,
  image: 'img:1',
  imageId: 'sha256:x',
  command: '',
  state,
  status: '',
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  created: 1,
  ports: [],
  labels: project ? { 'com.docker.compose.project': project } : {},
});

const labels = (items: readonly TrayItem[]): string[] => items.map((i) => ('label' in i ? i.label : '—'));

describe('compose projects in the tray', () => {
  const containers = [
    c('shop-web-1', 'running', 'shop'),
    c('shop-db-1', 'exited', 'shop'),
    c('blog-app-1', 'running', 'blog'),
    c('loose', 'running'),
  ];

  it('counts each project from its containers', () => {
    expect(trayProjects(containers)).toEqual([
      { name: 'blog', running: 1, total: 1 },
      { name: 'shop', running: 1, total: 2 },
    ]);
  });

  it('offers Start while something is down and Stop while something is up', () => {
    expect(projectActions({ name: 'shop', running: 1, total: 2 }).map((a) => a.action)).toEqual([
      { kind: 'project-start', name: 'shop' },
      { kind: 'project-stop', name: 'shop' },
      { kind: 'project-open', name: 'shop' },
    ]);
    expect(projectActions({ name: 'blog', running: 1, total: 1 }).map((a) => a.label)).toEqual([
      'Stop project',
      'Open in Berth',
    ]);
    expect(projectActions({ name: 'x', running: 0, total: 3 }).map((a) => a.label)).toEqual([
      'Start project',
      'Open in Berth',
    ]);
  });

  it('shows a project as one entry and its containers not one by one', () => {
    const items = buildTrayMenu({ engine: connected, containers, stoppedAt: new Map() });
    const all = labels(items);
    expect(all).toContain('Compose projects (2)');
    expect(all).toContain('shop — project, 1 of 2 running');
    expect(all).toContain('blog — project, 1 of 1 running');
    expect(all).toContain('Running (1)');
    expect(all.some((l) => l.startsWith('shop-web-1') || l.startsWith('shop-db-1'))).toBe(false);
    const shop = items.find((i) => i.type === 'submenu' && i.label.startsWith('shop'));
    expect(shop?.type === 'submenu' && labels(shop.items)).toEqual(['Start project', 'Stop project', 'Open in Berth']);
  });
});
