import { describe, expect, it } from 'vitest';
import { SHORTCUT_SECTIONS } from '../../../shared/dto/app';
import { SECTIONS } from './sections';
import { shortcutCommand } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutCommand', () => {
  it('maps Ctrl+1..5, Ctrl+F, Ctrl+R and Ctrl+, off macOS', () => {
    expect(shortcutCommand(key('1', { ctrlKey: true }), false)).toEqual({ kind: 'navigate', section: 'containers' });
    expect(shortcutCommand(key('2', { ctrlKey: true }), false)).toEqual({ kind: 'navigate', section: 'images' });
    expect(shortcutCommand(key('3', { ctrlKey: true }), false)).toEqual({ kind: 'navigate', section: 'build' });
    expect(shortcutCommand(key('5', { ctrlKey: true }), false)).toEqual({ kind: 'navigate', section: 'learn' });
    expect(shortcutCommand(key('9', { ctrlKey: true }), false)).toEqual({ kind: 'navigate', section: 'projects' });
    expect(shortcutCommand(key('f', { ctrlKey: true }), false)).toEqual({ kind: 'search' });
    expect(shortcutCommand(key('R', { ctrlKey: true }), false)).toEqual({ kind: 'refresh' });
    expect(shortcutCommand(key(',', { ctrlKey: true }), false)).toEqual({ kind: 'navigate', section: 'settings' });
  });

  it('uses Cmd on macOS and leaves Ctrl alone there', () => {
    expect(shortcutCommand(key('1', { metaKey: true }), true)).toEqual({ kind: 'navigate', section: 'containers' });
    expect(shortcutCommand(key('1', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutCommand(key('1', { metaKey: true }), false)).toBeNull();
  });

  it('ignores other keys, bare keys and extra modifiers', () => {
    expect(shortcutCommand(key('0', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutCommand(key('f', {}), false)).toBeNull();
    expect(shortcutCommand(key('f', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutCommand(key('r', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});

describe('SHORTCUT_SECTIONS', () => {
  it('names real sections, in sidebar order', () => {
    const positions = SHORTCUT_SECTIONS.map((s) => SECTIONS.findIndex((section) => section.id === s.section));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('numbers the sections 1, 2, ... without a gap, as the desktop menu gives item n CmdOrCtrl+n', () => {
    const keys = SECTIONS.map((s) => s.key).filter((k) => /^[1-9]$/.test(k));
    expect(keys).toEqual(keys.map((_, i) => String(i + 1)));
    expect(SHORTCUT_SECTIONS.map((s) => s.section)).toEqual([
      'containers',
      'images',
      'build',
      'logs',
      'learn',
      'volumes',
      'networks',
      'disk',
      'projects',
    ]);
  });
});

describe('the section registry', () => {
  it('gives every section a distinct id, title and key, an icon and a view', () => {
    for (const field of ['id', 'title', 'key'] as const) {
      expect(new Set(SECTIONS.map((s) => s[field])).size).toBe(SECTIONS.length);
    }
    for (const section of SECTIONS) {
      expect(typeof section.icon).toBe('function');
      expect(typeof section.view).toBe('function');
    }
  });
});
