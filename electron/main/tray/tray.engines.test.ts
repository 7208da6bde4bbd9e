/** The tray's engine switch: the engines listed with the current one checked, and a click asking engine:use. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { EngineChoice, EngineStatus, EngineSummary } from '../../../shared/dto/engine';
import { buildTrayMenu, type TrayAction, type TrayItem } from './tray.menu';
import { trayTemplate } from './tray.template';

const endpoint = { kind: 'unix', address: 'unix:///var/run/docker.sock', source: 'default' } as const;
const connected: EngineStatus = {
  state: 'connected',
  endpoint,
  engine: { version: '28.1.1', flavor: 'docker' } as EngineSummary,
  since: 0,
};
const unreachable: EngineStatus = {
  state: 'unreachable',
  endpoint,
  reason: 'socket-missing',
  message: 'There is no socket at /var/run/docker.sock.',
  tried: [],
  attempt: 1,
  nextRetryAt: null,
};

const choice = (over: Partial<EngineChoice> & Pick<EngineChoice, 'id' | 'name' | 'address'>): EngineChoice => ({
  kind: 'context',
  description: '',
  cliCurrent: false,
  active: false,
  encrypted: false,
  ...over,
});

const ENGINES: readonly EngineChoice[] = [
  choice({ id: 'auto', kind: 'auto', name: 'Automatic', address: '', description: 'DOCKER_HOST, context or socket' }),
  choice({ id: 'context:default', name: 'default', address: 'unix:///var/run/docker.sock', active: true }),
  choice({ id: 'context:remote', name: 'remote', address: 'tcp://10.0.0.5:2376', encrypted: true }),
  choice({ id: 'context:broken', name: 'broken', address: '', error: 'The context "broken" has no endpoint.' }),
];

const switchMenu = (items: readonly TrayItem[]) => {
  const sub = items.find((i) => i.type === 'submenu' && i.label === 'Switch engine');
  return sub?.type === 'submenu' ? sub.items : undefined;
};

describe('tray engine switch', () => {
  it('lists every engine with the current one checked and a broken one disabled, before Show Berth', () => {
    const items = buildTrayMenu({ engine: connected, containers: [], stoppedAt: new Map(), engines: ENGINES });
    expect(switchMenu(items)).toEqual([
      {
        type: 'radio',
        label: 'Automatic — DOCKER_HOST, context or socket',
        checked: false,
        enabled: true,
        action: { kind: 'engine', id: 'auto', name: 'Automatic' },
      },
      {
        type: 'radio',
        label: 'default — unix:///var/run/docker.sock',
        checked: true,
        enabled: true,
        action: { kind: 'engine', id: 'context:default', name: 'default' },
      },
      {
        type: 'radio',
        label: 'remote — tcp://10.0.0.5:2376',
        checked: false,
        enabled: true,
        action: { kind: 'engine', id: 'context:remote', name: 'remote' },
      },
      {
        type: 'radio',
        label: 'broken — cannot be used',
        checked: false,
        enabled: false,
        action: { kind: 'engine', id: 'context:broken', name: 'broken' },
      },
    ]);
    const labels = items.map((i) => (i.type === 'separator' ? '---' : i.label));
    expect(labels.slice(-4)).toEqual(['Switch engine', '---', 'Show Berth', 'Quit']);
  });

  it('is offered while the engine is unreachable too, and not at all with a single engine', () => {
    const down = buildTrayMenu({ engine: unreachable, containers: [], stoppedAt: new Map(), engines: ENGINES });
    expect(switchMenu(down)).toHaveLength(4);
    const one = buildTrayMenu({
      engine: connected,
      containers: [],
      stoppedAt: new Map(),
      engines: ENGINES.slice(1, 2),
    });
    expect(switchMenu(one)).toBeUndefined();
  });

  it('becomes radio items whose click asks for the switch, except on the engine already in use', () => {
    const done: TrayAction[] = [];
    const items = switchMenu(
      buildTrayMenu({ engine: connected, containers: [], stoppedAt: new Map(), engines: ENGINES }),
    )!;
    const template = trayTemplate(items, (a) => done.push(a));
    expect(template.map((t) => [t.type, t.checked, t.enabled])).toEqual([
      ['radio', false, true],
      ['radio', true, true],
      ['radio', false, true],
      ['radio', false, false],
    ]);
    (template[1] as MenuItemConstructorOptions & { click: () => void }).click();
    (template[2] as MenuItemConstructorOptions & { click: () => void }).click();
    expect(done).toEqual([{ kind: 'engine', id: 'context:remote', name: 'remote' }]);
  });
});
