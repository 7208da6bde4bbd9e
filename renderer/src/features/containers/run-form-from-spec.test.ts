import { describe, expect, it } from 'vitest';
import { plainRunSpec } from '../../../../shared/cli/containers.cli';
import type { RunSpec } from '../../../../shared/dto/containers';
import { readRunForm } from './run-form';
import { formFromSpec, quoteWord, specChanges } from './run-form-from-spec';

const full: RunSpec = {
  ...plainRunSpec('berth-fixture:latest'),
  name: 'web',
  command: ['sh', '-c', "echo 'hi there' && sleep 3600"],
  entrypoint: '/bin/env',
  env: ['GREETING=hello', 'EMPTY='],
  ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
  mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
  restart: 'on-failure',
  maxRetries: 3,
  workingDir: '/srv',
  user: '1000:1000',
  labels: { team: 'ops' },
  network: 'appnet',
  networkAliases: ['api'],
  cpus: 0.5,
  memory: 64 * 1024 * 1024,
};
const context = { takenNames: new Set<string>(), localImages: new Set(['berth-fixture:latest']) };

describe('formFromSpec', () => {
  it('reads back into the same spec through the run form', () => {
    const { spec, errors } = readRunForm(formFromSpec(full), context);
    expect(errors).toEqual({});
    expect(spec).toEqual(full);
  });

  it('quotes only the words that need it', () => {
    expect(quoteWord('sleep')).toBe('sleep');
    expect(quoteWord('')).toBe("''");
    expect(quoteWord("it's")).toBe(`'it'\\''s'`);
  });
});

describe('specChanges', () => {
  it('is empty when nothing changed', () => {
    expect(specChanges(full, full)).toEqual([]);
  });

  it('names each change with its old and new value', () => {
    const after: RunSpec = {
      ...full,
      env: ['GREETING=bonjour', 'NEW=1'],
      ports: [],
      restart: 'always',
      memory: undefined,
    };
    expect(specChanges(full, after)).toEqual([
      'env GREETING: hello → bonjour',
      'env NEW: added (1)',
      'env EMPTY: removed',
      'port 127.0.0.1:8080:80: removed',
      'restart: on-failure:3 → always',
      'memory: 64m → (none)',
    ]);
  });
});
