/** The theme setting overrides the OS theme: tokens.css carries the dark values for both, and they must agree. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');

function block(selectorPattern: RegExp): Record<string, string> {
  const match = selectorPattern.exec(css);
  expect(match, String(selectorPattern)).not.toBeNull();
  const body = match?.[1] ?? '';
  const values: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+|color-scheme):\s*([^;]+);/g)) values[m[1] ?? ''] = (m[2] ?? '').trim();
  return values;
}

describe('tokens.css themes', () => {
  const light = block(/^:root \{([^}]*)\}/m);
  const osDark = block(/@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme='light'\]\) \{([^}]*)\}/);
  const forcedDark = block(/^:root\[data-theme='dark'\] \{([^}]*)\}/m);

  it('uses the same dark values for the OS theme and for the dark setting', () => {
    expect(Object.keys(osDark).length).toBeGreaterThan(20);
    expect(forcedDark).toEqual(osDark);
  });

  it('gives every colour the light theme sets a dark value too', () => {
    const colours = Object.keys(light).filter((name) => /^#|^rgb/.test(light[name] ?? ''));
    for (const name of colours) expect(osDark, name).toHaveProperty(name);
  });

  it('keeps the light setting light on a dark OS', () => {
    expect(block(/^:root\[data-theme='light'\] \{([^}]*)\}/m)).toEqual({ 'color-scheme': 'light' });
  });
});
