import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineStatus, EngineSummary } from '../../../shared/dto/engine';
import type { ContainerState, ContainerSummary } from '../../../shared/dto/lists';
import {
  buildTrayMenu,
  imageLabel,
  MAX_LABEL,
  MAX_RUNNING,
  MAX_STOPPED,
  shorten,
  trayIconName,
  trayTooltip,
  type TrayItem,
  type TrayState,
} from './tray.menu';

const endpoint = { kind: 'unix', address: 'unix:///var/run/docker.sock', source: 'default' } as const;
const summary = { version: '28.1.1', flavor: 'docker' } as EngineSummary;
const connected: EngineStatus = { state: 'connected', endpoint, engine: summary, since: 0 };
const unreachable: EngineStatus = {
  state: 'unreachable',
  endpoint,
  reason: 'socket-missing',
  message: 'There is no socket at /var/run/docker.sock: is the Docker Engine installed and started?',
  tried: [],
  attempt: 1,
  nextRetryAt: null,
};

function container(
  n: number,
  state: ContainerState = 'running',
  extra: Partial<ContainerSummary> = {},
): ContainerSummary {
  return {
    id: `id${String(n).padStart(4, '0')}`,
    name: `c${String(n).padStart(4, '0')}`,
    image: 'nginx:1.27',
    imageId: 'sha256:x',
    command: 'nginx',
    state,
    status: '',
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    health: null,
    created: n,
    ports: [],
    labels: {},
    ...extra,
  };
}

const state = (over: Partial<TrayState>): TrayState => ({
  engine: connected,
  containers: [],
  stoppedAt: new Map(),
  ...over,
});

const labels = (items: readonly TrayItem[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));
const submenus = (items: readonly TrayItem[]) =>
  items.filter((i): i is Extract<TrayItem, { type: 'submenu' }> => i.type === 'submenu');

describe('buildTrayMenu', () => {
  it('says so when nothing runs, and still offers Show Berth and Quit', () => {
    expect(labels(buildTrayMenu(state({})))).toEqual([
      'Docker Engine 28.1.1: running',
      '---',
      'No running containers',
      '---',
      'Show Berth',
      'Quit',
    ]);
  });

  it('lists running containers with name and image, each with Stop, Restart and Open logs', () => {
    const items = buildTrayMenu(state({ containers: [container(2), container(1)] }));
    expect(labels(items)).toContain('Running (2)');
    const subs = submenus(items);
    expect(subs.map((s) => s.label)).toEqual(['c0001 — nginx:1.27', 'c0002 — nginx:1.27']);
    expect(subs[0]?.items).toEqual([
      { type: 'action', label: 'Stop', action: { kind: 'stop', id: 'id0001', name: 'c0001' } },
      { type: 'action', label: 'Restart', action: { kind: 'restart', id: 'id0001', name: 'c0001' } },
      { type: 'action', label: 'Open logs', action: { kind: 'logs', id: 'id0001', name: 'c0001' } },
    ]);
  });

  it('offers Start for recently stopped containers, the ones seen stopping first', () => {
    const items = buildTrayMenu(
      state({
        containers: [container(1, 'exited'), container(2, 'exited'), container(3, 'exited'), container(4)],
        stoppedAt: new Map([['id0001', 500]]),
      }),
    );
    const all = labels(items);
    expect(all.indexOf('Recently stopped')).toBeGreaterThan(all.indexOf('Running (1)'));
    const stopped = submenus(items).slice(1);
    expect(stopped.map((s) => s.label.split(' ')[0])).toEqual(['c0001', 'c0003', 'c0002']);
    expect(stopped[0]?.items[0]).toEqual({
      type: 'action',
      label: 'Start',
      action: { kind: 'start', id: 'id0001', name: 'c0001' },
    });
  });

  it(`shows at most ${MAX_RUNNING} of 200 running containers and a More… item for the rest`, () => {
    const containers = Array.from({ length: 200 }, (_, n) => container(n));
    const items = buildTrayMenu(state({ containers }));
    expect(submenus(items)).toHaveLength(MAX_RUNNING);
    expect(items).toContainEqual({
      type: 'action',
      label: `More… (${200 - MAX_RUNNING} more in Berth)`,
      action: { kind: 'containers' },
    });
    expect(labels(items)).toContain('Running (200)');
  });

  it(`keeps at most ${MAX_STOPPED} stopped containers`, () => {
    const containers = Array.from({ length: 30 }, (_, n) => container(n, 'exited'));
    expect(submenus(buildTrayMenu(state({ containers })))).toHaveLength(MAX_STOPPED);
  });

  it('shortens long names in the middle and drops image digests', () => {
    const name = `project-${'x'.repeat(80)}-worker-1`;
    const image = `registry.example.com/team/app@sha256:${'a'.repeat(64)}`;
    const [sub] = submenus(buildTrayMenu(state({ containers: [container(1, 'running', { name, image })] })));
    const [shownName, shownImage] = sub?.label.split(' — ') ?? [];
    expect(shownName).toHaveLength(MAX_LABEL);
    expect(shownName?.startsWith('project-')).toBe(true);
    expect(shownName?.endsWith('-worker-1')).toBe(true);
    expect(shownImage).not.toContain('sha256');
    expect(imageLabel(`sha256:${'b'.repeat(64)}`)).toBe('b'.repeat(12));
  });

  it('shows the engine down with its reason and Try again, and no containers', () => {
    const items = buildTrayMenu(state({ engine: unreachable, containers: [container(1)] }));
    expect(labels(items)).toEqual([
      'Docker Engine: unreachable',
      shorten(unreachable.message, 60),
      'Try again',
      '---',
      'Show Berth',
      'Quit',
    ]);
    expect(items[2]).toMatchObject({ action: { kind: 'retry' } });
  });

  it('shows connecting before the first status and while connecting', () => {
    expect(labels(buildTrayMenu(state({ engine: null })))[0]).toBe('Docker Engine: connecting…');
    const connecting: EngineStatus = { state: 'connecting', endpoint, attempt: 1 };
    expect(labels(buildTrayMenu(state({ engine: connecting })))).toEqual([
      'Docker Engine: connecting…',
      '---',
      'Show Berth',
      'Quit',
    ]);
  });

  it('names Podman when the engine is Podman, and marks paused containers', () => {
    const podman: EngineStatus = {
      ...connected,
      engine: { ...summary, flavor: 'podman', version: '5.2.0' },
    };
    const items = buildTrayMenu(state({ engine: podman, containers: [container(1, 'paused')] }));
    expect(labels(items)[0]).toBe('Podman 5.2.0: running');
    expect(submenus(items)[0]?.label).toMatch(/\(paused\)$/);
  });

  it('holds for any list of containers: bounded, ends with Show Berth and Quit, every label short', () => {
    const states = fc.constantFrom<ContainerState>('running', 'exited', 'paused', 'created', 'restarting', 'dead');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 120 }), states), { maxLength: 300 }), (rows) => {
        const containers = rows.map(([name, s], n) => container(n, s, { name: name || `n${n}` }));
        const items = buildTrayMenu(state({ containers }));
        expect(submenus(items).length).toBeLessThanOrEqual(MAX_RUNNING + MAX_STOPPED);
        expect(labels(items).slice(-2)).toEqual(['Show Berth', 'Quit']);
        for (const sub of submenus(items)) expect(sub.label.split(' — ')[0]?.length).toBeLessThanOrEqual(MAX_LABEL + 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tray tooltip and icon', () => {
  it('counts running containers in the tooltip', () => {
    expect(trayTooltip(state({ containers: [container(1), container(2, 'exited')] }))).toBe(
      'Berth — 1 running container',
    );
    expect(trayTooltip(state({ engine: unreachable }))).toBe('Berth — engine unreachable');
  });

  it('uses template images on macOS and a distinct icon while the engine is unreachable', () => {
    expect(trayIconName(connected, 'darwin')).toBe('trayTemplate');
    expect(trayIconName(unreachable, 'darwin')).toBe('tray-unreachableTemplate');
    expect(trayIconName(connected, 'linux')).toBe('tray');
    expect(trayIconName(unreachable, 'win32')).toBe('tray-unreachable');
    expect(trayIconName(null, 'linux')).toBe('tray');
  });
});
