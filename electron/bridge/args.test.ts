import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './args';

describe('parseServeArgs', () => {
  it('reads --port N and --port=N, defaulting to 0', () => {
    expect(parseServeArgs([])).toEqual({ ok: true, args: { port: 0 } });
    expect(parseServeArgs(['--port', '8123'])).toEqual({
      ok: true,
      args: { port: 8123 },
    });
    expect(parseServeArgs(['--port=8124'])).toEqual({
      ok: true,
      args: { port: 8124 },
    });
  });

  it('collects --allow folders, and refuses a relative one', () => {
    expect(parseServeArgs(['--allow', '/srv/a', '--allow=/srv/b'])).toEqual({
      ok: true,
      args: { port: 0, allow: ['/srv/a', '/srv/b'] },
    });
    expect(parseServeArgs(['--allow', 'src'])).toEqual({
      ok: false,
      message: '--allow needs an absolute folder path, not "src".',
    });
  });

  it('refuses bad ports and unknown options with a sentence', () => {
    for (const argv of [['--port'], ['--port', 'x'], ['--port=70000'], ['--port', '-1'], ['--verbose']]) {
      const parsed = parseServeArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/\.$/);
    }
  });
});
