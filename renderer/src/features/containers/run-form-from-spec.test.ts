import { describe, expect, it } from 'vitest';
import { runAction } from '../../../../shared/cli/containers.cli';
import { explainCommand } from '../../../../shared/explain/explain';
import { readRunForm } from './run-form';
import { formFromSpec } from './run-form-from-spec';

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
