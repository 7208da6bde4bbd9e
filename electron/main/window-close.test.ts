import { describe, expect, it } from 'vitest';
import { decideClose } from './window-close';

describe('decideClose', () => {
  it.each([
    [true, true, false, 'hide'],
    [false, true, false, 'close'],
    [true, false, false, 'close'],
    [true, true, true, 'close'],
    [false, false, true, 'close'],
  ] as const)('closeToTray %s, tray %s, quitting %s: %s', (closeToTray, trayShown, quitting, expected) => {
    expect(decideClose({ closeToTray, trayShown, quitting })).toBe(expected);
  });
});
