import { describe, expect, it } from 'vitest';
import { plainRunSpec, runAction } from '../../../../shared/cli/containers.cli';
import { explainCommand } from '../../../../shared/explain/explain';
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

/** Pasted lines whose every part the form holds: the form's own `docker run` twin must say the same, modulo order. */
const LINES = [
  'docker run -d -p 8080:80 -v data:/var/lib/x --restart unless-stopped --name web nginx',
  'docker run -d --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword postgres',
  'docker run -d --name some-redis redis redis-server --save 60 1 --loglevel warning',
  'docker run -d -p 127.0.0.1:8080:80 -p 53:53/udp -p 9000 busybox',
  'docker run -d -it --rm -w /app -u 1000:1000 node npm start',
  'docker run -d -l env=prod --label team=web --network mynet --network-alias db --network-alias data postgres',
  'docker run -d --cpus 1.5 -m 512m --restart on-failure:5 busybox',
  'docker run -d --entrypoint /bin/sh busybox -c \'echo "a b" && sleep 1\'',
  'docker run -d -v /srv/www:/usr/share/nginx/html:ro -e "GREETING=hello world" nginx:1.27',
];

describe('a pasted command opened in the run form', () => {
  it.each(LINES)('%s', (line) => {
    const outcome = explainCommand(line);
    if (!outcome.ok || !outcome.value.run) throw new Error('did not parse');
    const { spec, notInForm } = outcome.value.run;
    expect(notInForm).toEqual([]);
    const form = formFromSpec(spec);
    const read = readRunForm(form, { takenNames: new Set(), localImages: new Set([spec.image]) });
    expect(read.errors).toEqual({});
    expect(read.spec).toEqual(spec);
    // The form's own `docker run` twin, read back, asks the engine for exactly what the pasted line asks.
    const twin = explainCommand(runAction(read.spec).command);
    if (!twin.ok || !twin.value.run) throw new Error('the twin did not parse');
    expect(twin.value.run.spec).toEqual(spec);
    expect(twin.value.run.notInForm).toEqual([]);
  });
});
