import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { TrayAction } from './tray.menu';
import { trayTemplate } from './tray.template';

describe('trayTemplate', () => {
  it('turns labels into disabled items, actions into clicks and submenus into submenus', () => {
    const done: TrayAction[] = [];
    const template = trayTemplate(
      [
        { type: 'label', label: 'Docker Engine 28.1.1: running' },
        { type: 'separator' },
        {
          type: 'submenu',
          label: 'web — nginx',
          items: [{ type: 'action', label: 'Stop', action: { kind: 'stop', id: 'a', name: 'web' } }],
        },
        { type: 'action', label: 'Quit', action: { kind: 'quit' } },
      ],
      (action) => done.push(action),
    );
    expect(template[0]).toEqual({ label: 'Docker Engine 28.1.1: running', enabled: false });
    expect(template[1]).toEqual({ type: 'separator' });
    const stop = (template[2]?.submenu as MenuItemConstructorOptions[])[0];
    expect(stop?.label).toBe('Stop');
    (stop?.click as () => void)();
    (template[3]?.click as () => void)();
    expect(done).toEqual([{ kind: 'stop', id: 'a', name: 'web' }, { kind: 'quit' }]);
  });
});
