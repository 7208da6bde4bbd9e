/**
 * The theme setting overrides the OS theme: tokens.css gives each colour as light-dark(light, dark) and the
 * setting only picks color-scheme, so both ways to dark must resolve to the same values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../styles/tokens.css', import.meta.url), 'utf8');

function block(selectorPattern: RegExp): Record<string, string> {
  const match = selectorPattern.exec(css);
  expect(match, String(selectorPattern)).not.toBeNull();
  const body = match?.[1] ?? '';
  const values: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+|color-scheme):\s*([^;]+);/g)) values[m[1] ?? ''] = (m[2] ?? '').trim();
  return values;
}

/** The half of each light-dark(light, dark) value; tokens given without light-dark() are left out. */
function half(values: Record<string, string>, which: 0 | 1): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const parts = /^light-dark\(\s*([^,]+?)\s*,\s*(.+?)\s*\)$/.exec(value);
    if (parts) picked[name] = parts[which + 1] ?? '';
  }
  return picked;
}

/** What a theme block sets besides color-scheme, which only picks the half. */
function overrides(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'color-scheme'));
}

describe('tokens.css themes', () => {
  const root = block(/^:root \{([^}]*)\}/m);
  const light = { ...root, ...half(root, 0) };
  // The OS theme resolves the dark half; the dark setting does too, plus anything its own block sets.
  const osDark = half(root, 1);
  const darkSetting = block(/^:root\[data-theme='dark'\] \{([^}]*)\}/m);
  const forcedDark = { ...osDark, ...overrides(darkSetting) };

  it('lets the OS choose unless the setting picks a scheme', () => {
    expect(root['color-scheme']).toBe('light dark');
    expect(darkSetting['color-scheme']).toBe('dark');
  });

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
