import { describe, expect, it } from 'vitest';
import { plainRunSpec } from '../cli/containers.cli';
import { parseMountSpec } from '../cli/containers.parse';
import { runSpec } from './containers.contract';

const base = plainRunSpec('busybox:1');

const withMount = (mount: object) => runSpec.safeParse({ ...base, mounts: [mount] }).success;

describe('containers:run input', () => {
  it('accepts the mounts the run form produces, a bind of / included (the command shows it)', () => {
    for (const text of ['/:/host:ro', '/srv/data:/data', 'cache:/var/cache:rw']) {
      const parsed = parseMountSpec(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(withMount(parsed.value)).toBe(true);
    }
  });

  it('refuses a ":" that would smuggle bind options (relabel, propagation) or a second path into Binds', () => {
    expect(withMount({ type: 'bind', source: '/home', target: '/data:Z', readOnly: false })).toBe(false);
    expect(withMount({ type: 'bind', source: '/', target: '/host:rshared', readOnly: false })).toBe(false);
    expect(withMount({ type: 'bind', source: '/etc:/x', target: '/y', readOnly: false })).toBe(false);
  });

  it('refuses a mount whose type does not match its source', () => {
    expect(withMount({ type: 'volume', source: '/etc', target: '/x', readOnly: true })).toBe(false);
    expect(withMount({ type: 'bind', source: 'relative/dir', target: '/x', readOnly: true })).toBe(false);
    expect(withMount({ type: 'volume', source: 'a,b', target: '/x', readOnly: true })).toBe(false);
  });

  it('bounds the number of labels', () => {
    const labels = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, 'v']));
    expect(runSpec.safeParse({ ...base, labels }).success).toBe(false);
    expect(runSpec.safeParse({ ...base, labels: { 'berth.test': '1' } }).success).toBe(true);
  });
});
