import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKGROUND, MIN_HEIGHT, MIN_WIDTH, windowOptions } from './window';

const bounds = { x: 10, y: 20, width: 1200, height: 800 };
const light = { shouldUseDarkColors: false };
const dark = { shouldUseDarkColors: true };

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs', bounds, light);
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (flag, value) => {
    expect(prefs[flag]).toBe(value);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until ready-to-show, titled Berth, at the given bounds', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Berth');
    expect(options).toMatchObject(bounds);
  });

  it('has a minimum size a table and a sidebar fit into', () => {
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
    expect(MIN_WIDTH).toBeGreaterThanOrEqual(800);
    expect(MIN_HEIGHT).toBeGreaterThanOrEqual(500);
  });

  it('paints the background of the OS theme', () => {
    expect(options.backgroundColor).toBe(BACKGROUND.light);
    expect(windowOptions('/p', bounds, dark).backgroundColor).toBe(BACKGROUND.dark);
    expect(BACKGROUND.light).not.toBe(BACKGROUND.dark);
  });

  it('uses the renderer’s own page backgrounds, so there is no flash of another colour', () => {
    const tokens = readFileSync(new URL('../../renderer/src/styles/tokens.css', import.meta.url), 'utf8');
    // --bg: light-dark(LIGHT, DARK);
    const backgrounds = [...tokens.matchAll(/--bg:\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)]
      .flatMap((m) => [m[1], m[2]])
      .map((colour) => colour?.toLowerCase());
    expect([...new Set(backgrounds)]).toEqual([BACKGROUND.light, BACKGROUND.dark]);
  });
});
