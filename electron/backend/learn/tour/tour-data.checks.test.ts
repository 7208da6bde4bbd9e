import { describe, expect, it } from 'vitest';
import { DATA_CONTAINERS as C } from '../../../../shared/cli/tour-data.cli';
import { checkDataStep, lastLine, type DataContainerFacts, type DataTourFacts } from './tour-data.checks';

const none = { containers: 0, images: 0, volumes: 0, networks: 0 };
const base: DataTourFacts = {
  image: { id: 'sha256:abc', labelled: true },
  talks: true,
  containers: [],
  notes: {},
  leftovers: none,
};
const box = (name: string, more: Partial<DataContainerFacts> = {}): DataContainerFacts => ({
  name,
  state: 'running',
  mounts: [],
  networks: [],
  ...more,
});
/** The check's verdict and a piece of its sentence. */
function expectCheck(check: { passed: boolean; detail: string }, passed: boolean, words: string): void {
  expect(check.passed, check.detail).toBe(passed);
  expect(check.detail).toContain(words);
}
const volumeAt = (readWrite: boolean) => [{ volume: 'berth-tour-data', destination: '/data', readWrite }];

describe('the data tour’s checks', () => {
  it('lose passes only for a container without the note', () => {
    expect(checkDataStep('lose', { ...base, image: undefined }).passed).toBe(false);
    expect(checkDataStep('lose', base).detail).toContain('no container berth-tour-scratch');
    const kept = { ...base, containers: [box(C.scratch)], notes: { [C.scratch]: 'hi' } };
    expectCheck(checkDataStep('lose', kept), false, 'still has');
    const lost = { ...base, containers: [box(C.scratch)], notes: { [C.scratch]: null } };
    expectCheck(checkDataStep('lose', lost), true, 'went with it');
  });

  it('keep wants the volume, no writer, and the note read through the reader’s mount', () => {
    const volume = { labelled: true };
    expect(checkDataStep('keep', base).detail).toContain('no volume');
    const writer = { ...base, volume, containers: [box(C.writer), box(C.reader)] };
    expect(checkDataStep('keep', writer).detail).toContain('still there');
    const unmounted = { ...base, volume, containers: [box(C.reader)], notes: { [C.reader]: 'hi' } };
    expect(checkDataStep('keep', unmounted).detail).toContain('does not mount');
    const mounted = [box(C.reader, { mounts: volumeAt(true) })];
    expect(checkDataStep('keep', { ...base, volume, containers: mounted, notes: { [C.reader]: null } }).passed).toBe(
      false,
    );
    expect(checkDataStep('keep', { ...base, volume, containers: mounted, notes: { [C.reader]: 'hi' } }).passed).toBe(
      true,
    );
  });

  it('look wants a read-only mount and note.txt in the listing', () => {
    expect(checkDataStep('look', base).passed).toBe(false);
    const writable = { ...base, containers: [box(C.look, { mounts: volumeAt(true) })], listing: ['note.txt'] };
    expect(checkDataStep('look', writable).detail).toContain('writable');
    const empty = { ...base, containers: [box(C.look, { mounts: volumeAt(false) })], listing: [] };
    expect(checkDataStep('look', empty).detail).toContain('holds: nothing');
    const good = { ...empty, listing: ['note.txt'] };
    expectCheck(checkDataStep('look', good), true, '1 entry');
  });

  it('network wants both containers on the network and the answer by name', () => {
    const network = { labelled: true };
    const on = { networks: ['berth-tour-net'] };
    expect(checkDataStep('network', { ...base, talks: false }).detail).toContain('amd64');
    expect(checkDataStep('network', base).detail).toContain('no network');
    const half = { ...base, network, containers: [box(C.web, on), box(C.client)] };
    expect(checkDataStep('network', half).detail).toBe('Not on berth-tour-net yet: berth-tour-client.');
    const both = { ...half, containers: [box(C.web, on), box(C.client, on)] };
    expect(checkDataStep('network', both).detail).toContain('not running');
    const failed = { ...both, ask: { exitCode: 1, output: 'talk: the name x does not resolve here\n' } };
    expect(checkDataStep('network', failed).detail).toContain('(exit code 1): talk: the name x does not resolve here');
    const answered = { ...both, ask: { exitCode: 0, output: 'HTTP/1.0 200 OK\r\n\r\nhello from berth-tour-web\n' } };
    expect(checkDataStep('network', answered).passed).toBe(true);
  });

  it('publish wants a published port that answers on this machine, and says why not', () => {
    const published = { hostIp: '127.0.0.1', hostPort: '32768' };
    expect(checkDataStep('publish', base).passed).toBe(false);
    expect(checkDataStep('publish', { ...base, containers: [box(C.port)] }).detail).toContain('no host port');
    const refused = {
      ...base,
      containers: [box(C.port, { published })],
      reply: { ok: false as const, address: '127.0.0.1:32768', error: 'connect ECONNREFUSED' },
    };
    expectCheck(
      checkDataStep('publish', refused),
      false,
      '127.0.0.1:32768, but Berth could not connect there (connect ECONNREFUSED)',
    );
    const ok = {
      ...refused,
      reply: { ok: true as const, address: '127.0.0.1:32768', text: 'hello from berth-tour-port\n' },
    };
    expect(checkDataStep('publish', ok)).toMatchObject({ passed: true });
  });

  it('cleanup counts every kind of leftover', () => {
    expect(checkDataStep('cleanup', base).passed).toBe(true);
    expect(checkDataStep('cleanup', { ...base, leftovers: { ...none, volumes: 1, networks: 2 } }).detail).toBe(
      'Still labelled berth.tour=1: 0 containers, 0 images, 1 volume and 2 networks.',
    );
  });

  it('reads the last line a program printed', () => {
    expect(lastLine('a\nb\n\n')).toBe('b');
    expect(lastLine('')).toBe('(no output)');
  });
});
