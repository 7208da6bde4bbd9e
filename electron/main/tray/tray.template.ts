/** The tray menu data as an Electron menu template. Pure, apart from the click handlers it is given. */
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayItem } from './tray.menu';

export function trayTemplate(
  items: readonly TrayItem[],
  perform: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'action':
        return { label: item.label, click: () => perform(item.action) };
      case 'radio':
        return {
          type: 'radio',
          label: item.label,
          checked: item.checked,
          enabled: item.enabled,
          // Electron ticks a radio item as soon as it is clicked; the menu is rebuilt from the engine's answer.
          click: () => {
            if (!item.checked) perform(item.action);
          },
        };
      case 'submenu':
        return { label: item.label, submenu: trayTemplate(item.items, perform) };
      default:
        return assertNever(item);
    }
  });
}

function assertNever(value: never): never {
  throw new Error(`Unexpected tray item: ${JSON.stringify(value)}`);
}
