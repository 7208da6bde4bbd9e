import { describe, expect, it } from 'vitest';
import type { ContextEntry } from '../build.context';
import { decideBuilder } from './builder.choice';
import { statusCodec } from './buildkit.wire';
import { goFileMode, selectEntries } from './filesync';
import { TraceReader } from './trace.reader';

describe('decideBuilder', () => {
  it('follows the engine header first, then Linux with API 1.39+', () => {
    expect(decideBuilder('2', 'windows', '1.30').builder).toBe('buildkit');
    expect(decideBuilder('1', 'linux', '1.45')).toMatchObject({ builder: 'classic' });
    expect(decideBuilder(undefined, 'linux', '1.41')).toMatchObject({ builder: 'buildkit' });
    expect(decideBuilder(undefined, 'linux', '1.38').builder).toBe('classic');
    expect(decideBuilder(undefined, 'windows', '1.44').reason).toContain('windows');
  });
});

describe('file sync selection', () => {
  const entries: ContextEntry[] = [
    { path: 'Dockerfile', kind: 'file', size: 10 },
    { path: 'secret/public.txt', kind: 'file', size: 1 },
    { path: 'src', kind: 'dir', size: 0 },
    { path: 'src/a.js', kind: 'file', size: 2 },
    { path: 'src/b.log', kind: 'file', size: 2 },
  ];

  it('adds the parents the plan skipped, in walk order', () => {
    expect(selectEntries(entries, { includes: [], excludes: [] }).map((e) => e.path)).toEqual([
      'Dockerfile',
      'secret',
      'secret/public.txt',
      'src',
      'src/a.js',
      'src/b.log',
    ]);
  });

  it('narrows to what the frontend asks for', () => {
    expect(selectEntries(entries, { includes: ['Dockerfile', 'dockerfile'], excludes: [] }).map((e) => e.path)).toEqual(
      ['Dockerfile'],
    );
    expect(selectEntries(entries, { includes: [], excludes: ['**/*.log', 'Dockerfile'] }).map((e) => e.path)).toEqual([
      'secret',
      'secret/public.txt',
      'src',
      'src/a.js',
    ]);
  });

  it('speaks Go file modes', () => {
    expect(goFileMode(0o40755, 'dir')).toBe(0x8000_01ed);
    expect(goFileMode(0o100644, 'file')).toBe(0o644);
    expect(goFileMode(0o120777, 'symlink')).toBe(0x0800_01ff);
    expect(goFileMode(0o104755, 'file')).toBe(0x0080_01ed);
  });
});

describe('TraceReader', () => {
  const trace = (status: object) => ({
    id: 'moby.buildkit.trace',
    aux: statusCodec.encode(status as never).toString('base64'),
  });

  it('turns vertexes and logs into step events with lines, output split at newlines', () => {
    const reader = new TraceReader('FROM x\nRUN echo hi\n');
    const events = reader.read(
      trace({
        vertexes: [{ digest: 'd1', name: '[2/2] RUN echo hi', started: { seconds: 10, nanos: 5e6 } }],
        logs: [{ vertex: 'd1', msg: Buffer.from('hel') }],
      }),
    );
    expect(events).toEqual([
      {
        type: 'vertex',
        vertex: {
          id: 'd1',
          name: '[2/2] RUN echo hi',
          line: 2,
          cached: false,
          started: 10_005,
          completed: null,
          error: null,
          inputs: [],
        },
      },
    ]);
    expect(reader.read(trace({ logs: [{ vertex: 'd1', msg: Buffer.from('lo\nworld\n') }] }))).toEqual([
      { type: 'vertex-output', id: 'd1', lines: ['hello', 'world'] },
    ]);
  });

  it('keeps the failing step and its last lines, and the image id', () => {
    const reader = new TraceReader('FROM x\nRUN false\n');
    reader.read(trace({ logs: [{ vertex: 'd2', msg: Buffer.from('oops\n') }] }));
    reader.read(trace({ vertexes: [{ digest: 'd2', name: '[2/2] RUN false', error: 'exit code: 1' }] }));
    reader.read({ errorDetail: { message: 'executor failed' }, error: 'executor failed' });
    expect(reader.failure).toMatchObject({ message: 'executor failed', lastLines: ['oops'], vertex: { line: 2 } });
    reader.read({ id: 'moby.image.id', aux: { ID: 'sha256:abc' } });
    expect(reader.imageId).toBe('sha256:abc');
  });
});
