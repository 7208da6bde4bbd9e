import { describe, expect, it } from 'vitest';
import { explainCommand, type Explanation } from './explain';
import { editDistance, nearest, parseDockerCommand } from './parse';

function explained(line: string): Explanation {
  const outcome = explainCommand(line);
  if (!outcome.ok) throw new Error(`expected "${line}" to parse: ${outcome.error}`);
  return outcome.value;
}

/**
 * Real-world `docker run` / `docker create` lines, from the Docker docs and popular images' READMEs, with what the
 * docker CLI would ask the engine for (the parts Berth's run form holds).
 */
const RUNS: ReadonlyArray<readonly [string, Record<string, unknown>, { notInForm?: string[]; detach?: boolean }?]> = [
  ['docker run hello-world', { image: 'hello-world' }, { detach: false }],
  [
    'docker run -d -p 8080:80 nginx',
    { image: 'nginx', ports: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }] },
    { detach: true },
  ],
  [
    'docker run -d -p 8080:80 -v data:/var/lib/x --restart unless-stopped --name web nginx',
    {
      image: 'nginx',
      name: 'web',
      restart: 'unless-stopped',
      mounts: [{ type: 'volume', source: 'data', target: '/var/lib/x', readOnly: false }],
    },
  ],
  ['docker run -it ubuntu bash', { image: 'ubuntu', interactive: true, tty: true, command: ['bash'] }],
  [
    'docker run -it --rm alpine sh',
    { image: 'alpine', interactive: true, tty: true, autoRemove: true, command: ['sh'] },
  ],
  [
    'docker run -dit --name box busybox',
    { image: 'busybox', name: 'box', interactive: true, tty: true },
    { detach: true },
  ],
  [
    'docker run --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -d postgres',
    { image: 'postgres', name: 'some-postgres', env: ['POSTGRES_PASSWORD=mysecretpassword'] },
  ],
  [
    'docker run -d --name some-mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw mysql:8.0',
    { image: 'mysql:8.0', env: ['MYSQL_ROOT_PASSWORD=my-secret-pw'] },
  ],
  [
    'docker run --name some-redis -d redis redis-server --save 60 1 --loglevel warning',
    {
      image: 'redis',
      command: ['redis-server', '--save', '60', '1', '--loglevel', 'warning'],
    },
  ],
  [
    'docker run -d -p 27017:27017 --name mongo mongo:7',
    { image: 'mongo:7', ports: [{ hostPort: 27017, containerPort: 27017 }] },
  ],
  ['docker run -p 127.0.0.1:8080:80 nginx', { ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80 }] }],
  ['docker run -p 53:53/udp dns', { ports: [{ hostPort: 53, containerPort: 53, protocol: 'udp' }] }],
  ['docker run -p 80 nginx', { ports: [{ containerPort: 80, protocol: 'tcp' }] }],
  ['docker run -p8080:80 nginx', { ports: [{ hostPort: 8080, containerPort: 80 }] }],
  [
    'docker run -dp 3000:3000 getting-started',
    { image: 'getting-started', ports: [{ hostPort: 3000, containerPort: 3000 }] },
    { detach: true },
  ],
  [
    'docker run --publish=5000:5000 registry:2',
    { image: 'registry:2', ports: [{ hostPort: 5000, containerPort: 5000 }] },
  ],
  [
    'docker run -v /srv/www:/usr/share/nginx/html:ro -d nginx',
    {
      mounts: [{ type: 'bind', source: '/srv/www', target: '/usr/share/nginx/html', readOnly: true }],
    },
  ],
  [
    'docker run --volume=pgdata:/var/lib/postgresql/data postgres',
    {
      mounts: [{ type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data' }],
    },
  ],
  ['docker run -v /data busybox', { mounts: [] }, { notInForm: ['-v /data'] }],
  ['docker run -v "$(pwd)":/app node', { mounts: [] }, { notInForm: ['-v $(pwd):/app'] }],
  [
    'docker run -v ./site:/usr/share/nginx/html nginx',
    { mounts: [] },
    { notInForm: ['-v ./site:/usr/share/nginx/html'] },
  ],
  [
    'docker run -e A=1 -e B=2 -e "GREETING=hello world" busybox env',
    { env: ['A=1', 'B=2', 'GREETING=hello world'], command: ['env'] },
  ],
  ['docker run --env=KEY=value busybox', { env: ['KEY=value'] }],
  ['docker run -e HOME busybox', { env: [] }, { notInForm: ['-e HOME'] }],
  ['docker run --restart=always -d nginx', { restart: 'always' }],
  ['docker run --restart on-failure:5 app', { restart: 'on-failure', maxRetries: 5 }],
  [
    'docker run -w /app -u 1000:1000 node npm start',
    { workingDir: '/app', user: '1000:1000', command: ['npm', 'start'] },
  ],
  ['docker run --workdir=/src --user node node', { workingDir: '/src', user: 'node' }],
  ['docker run -l env=prod --label team=web busybox', { labels: { env: 'prod', team: 'web' } }],
  ['docker run --label com.example.flag busybox', { labels: { 'com.example.flag': '' } }],
  ['docker run --network mynet --network-alias db postgres', { network: 'mynet', networkAliases: ['db'] }],
  ['docker run --net=host nginx', { network: 'host' }],
  ['docker run --network none busybox', { network: 'none' }],
  ['docker run --cpus 1.5 -m 512m busybox', { cpus: 1.5, memory: 512 * 1024 ** 2 }],
  ['docker run --memory=1g busybox', { memory: 1024 ** 3 }],
  ['docker run --entrypoint /bin/sh busybox -c "echo hi"', { entrypoint: '/bin/sh', command: ['-c', 'echo hi'] }],
  ['docker run busybox sh -c \'echo "a b" && sleep 1\'', { command: ['sh', '-c', 'echo "a b" && sleep 1'] }],
  ['docker run --rm busybox ls -la /', { autoRemove: true, command: ['ls', '-la', '/'] }],
  ['docker run busybox -- echo', { command: ['--', 'echo'] }],
  ['docker run -- busybox echo', { image: 'busybox', command: ['echo'] }],
  ['docker run --rm=false busybox', { autoRemove: false }],
  ['docker container run -d --name c1 busybox sleep 100', { name: 'c1', command: ['sleep', '100'] }],
  ['docker create --name data busybox', { name: 'data', image: 'busybox' }],
  ['docker container create -t busybox', { tty: true }],
  ['sudo docker run -d nginx', { image: 'nginx' }],
  ['$ docker run -d nginx', { image: 'nginx' }],
  [
    'docker run -d \\\n  -p 9000:9000 \\\n  --name minio \\\n  minio/minio server /data',
    {
      image: 'minio/minio',
      name: 'minio',
      command: ['server', '/data'],
      ports: [{ hostPort: 9000, containerPort: 9000 }],
    },
  ],
  ['docker -H unix:///var/run/docker.sock run busybox', { image: 'busybox' }],
  ['docker run --privileged -d docker:dind', { image: 'docker:dind' }, { notInForm: ['--privileged'] }],
  [
    'docker run -d --add-host host.docker.internal:host-gateway app',
    { image: 'app' },
    { notInForm: ['--add-host host.docker.internal:host-gateway'] },
  ],
  [
    'docker run --gpus all nvidia/cuda nvidia-smi',
    { image: 'nvidia/cuda', command: ['nvidia-smi'] },
    { notInForm: ['--gpus all'] },
  ],
  ['docker run -d -P nginx', { image: 'nginx' }, { notInForm: ['-P'] }],
  [
    'docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock docker docker ps',
    {
      mounts: [{ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' }],
      command: ['docker', 'ps'],
    },
  ],
  ['docker run -d --name grafana -p 3000:3000 grafana/grafana-oss', { name: 'grafana', image: 'grafana/grafana-oss' }],
  [
    'docker run -d -p 9090:9090 -v /etc/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml prom/prometheus',
    {
      mounts: [{ type: 'bind', source: '/etc/prometheus/prometheus.yml', target: '/etc/prometheus/prometheus.yml' }],
    },
  ],
  [
    'docker run -d --name rabbit -p 5672:5672 -p 15672:15672 rabbitmq:3-management',
    {
      ports: [
        { hostPort: 5672, containerPort: 5672 },
        { hostPort: 15672, containerPort: 15672 },
      ],
    },
  ],
  [
    'docker run --rm -e "ACCEPT_EULA=Y" -e "MSSQL_SA_PASSWORD=yourStrong(!)Password" -p 1433:1433 mcr.microsoft.com/mssql/server:2022-latest',
    {
      env: ['ACCEPT_EULA=Y', 'MSSQL_SA_PASSWORD=yourStrong(!)Password'],
      image: 'mcr.microsoft.com/mssql/server:2022-latest',
    },
  ],
  [
    'docker run -d --restart unless-stopped -p 127.0.0.1:5432:5432 -v pg:/var/lib/postgresql/data postgres:16-alpine',
    {
      restart: 'unless-stopped',
      ports: [{ hostIp: '127.0.0.1', hostPort: 5432, containerPort: 5432 }],
    },
  ],
  [
    'docker run -it --rm --name my-running-script -v "$PWD":/usr/src/myapp -w /usr/src/myapp python:3 python your-daemon-or-script.py',
    {
      workingDir: '/usr/src/myapp',
      command: ['python', 'your-daemon-or-script.py'],
    },
    { notInForm: ['-v $PWD:/usr/src/myapp'] },
  ],
  [
    'docker run -d --name jenkins -p 8080:8080 -p 50000:50000 -v jenkins_home:/var/jenkins_home jenkins/jenkins:lts',
    {
      mounts: [{ type: 'volume', source: 'jenkins_home', target: '/var/jenkins_home' }],
    },
  ],
  [
    'docker run --rm curlimages/curl -fsSL https://example.com',
    { image: 'curlimages/curl', command: ['-fsSL', 'https://example.com'] },
  ],
  [
    'docker run -d --name wp --network wpnet -e WORDPRESS_DB_HOST=db wordpress',
    { network: 'wpnet', env: ['WORDPRESS_DB_HOST=db'] },
  ],
  ['docker run --rm -it --entrypoint sh busybox', { entrypoint: 'sh', interactive: true, tty: true }],
  ['docker run -d --read-only --tmpfs /tmp nginx', {}, { notInForm: ['--read-only', '--tmpfs /tmp'] }],
];

describe('docker run and docker create lines read like the CLI', () => {
  it.each(RUNS.map(([line, spec, options]) => ({ line, spec, options })))('$line', ({ line, spec, options }) => {
    const e = explained(line);
    expect(e.run, line).toBeDefined();
    expect(e.run?.spec).toMatchObject(spec);
    if (options?.detach !== undefined) expect(e.run?.detach).toBe(options.detach);
    expect([...(e.run?.notInForm ?? [])]).toEqual(options?.notInForm ?? []);
  });

  it('has at least 60 real-world lines in all', () => {
    expect(RUNS.length + OTHERS.length).toBeGreaterThanOrEqual(60);
  });
});

const OTHERS: ReadonlyArray<readonly [string, Explanation['kind']]> = [
  ['docker build -t myapp .', 'build'],
  ['docker build -t myapp:1.0 -f docker/Dockerfile.prod --build-arg NODE_ENV=production .', 'build'],
  ['docker build --target builder --no-cache --pull -t app .', 'build'],
  ['DOCKER_BUILDKIT=1 docker build .', 'build'],
  ['docker buildx build --platform linux/amd64 -t app --load .', 'build'],
  ['docker image build -t x ./ctx', 'build'],
  ['docker exec -it web sh', 'exec'],
  ['docker exec -u root -w /app web ls -la', 'exec'],
  ['docker container exec -e DEBUG=1 db psql -U postgres', 'exec'],
  ['docker volume create data', 'volume create'],
  ['docker volume create --driver local --opt type=tmpfs --opt device=tmpfs --opt o=size=100m cache', 'volume create'],
  ['docker network create mynet', 'network create'],
  ['docker network create --driver bridge --subnet 172.28.0.0/16 --gateway 172.28.0.1 backend', 'network create'],
  ['docker network create --internal isolated', 'network create'],
  ['docker compose up -d', 'compose up'],
  ['docker compose -f compose.prod.yaml -p shop up -d --build web', 'compose up'],
  ['docker-compose up', 'compose up'],
  ['docker-compose -f docker-compose.yml up -d --remove-orphans', 'compose up'],
];

describe('other commands', () => {
  it.each(OTHERS)('%s is read as %s', (line, kind) => {
    const outcome = explainCommand(line);
    expect(outcome.ok && outcome.value.kind).toBe(kind);
  });

  it('reads a build line into the build form', () => {
    const e = explained(
      'docker build -t myapp:1.0 -t myapp:latest -f docker/Dockerfile.prod --build-arg NODE_ENV=production --target run --no-cache --pull .',
    );
    expect(e.build).toMatchObject({
      context: '.',
      dockerfile: 'docker/Dockerfile.prod',
      tags: ['myapp:1.0', 'myapp:latest'],
      buildArgs: { NODE_ENV: 'production' },
      target: 'run',
      noCache: true,
      pull: true,
    });
    expect(e.summary).toBe(
      'Builds an image from the Dockerfile in the current folder and names it myapp:1.0, myapp:latest.',
    );
  });

  it('flags a remote build context as not for the form', () => {
    const e = explained('docker build https://github.com/docker/rootfs.git#container:docker');
    expect(e.build?.notInForm).toEqual(['https://github.com/docker/rootfs.git#container:docker']);
  });

  it('reads build flags written after the context (build takes flags anywhere)', () => {
    expect(explained('docker build . -t late').build?.tags).toEqual(['late']);
  });

  it('explains exec parts: container, then the command', () => {
    const e = explained('docker exec -it web sh -c "ls /"');
    expect(e.parts.map((p) => [p.role, p.text])).toEqual([
      ['program', 'docker'],
      ['command', 'exec'],
      ['flag', '-i'],
      ['flag', '-t'],
      ['argument', 'web'],
      ['container-command', 'sh -c ls /'],
    ]);
    expect(e.summary).toContain('inside the running container web');
  });

  it('names compose globals and services', () => {
    const e = explained('docker compose -p shop up -d web');
    expect(e.parts.find((p) => p.text === '-p shop')?.says).toBe(
      "Names the project shop (by default, the folder's name).",
    );
    expect(e.parts.at(-1)).toMatchObject({ text: 'web', role: 'argument' });
    expect(e.summary).toContain('in the background');
  });
});

describe('sentences', () => {
  it('says what a port mapping means, with the address to open', () => {
    const e = explained('docker run -d -p 8080:80 nginx');
    expect(e.parts.find((p) => p.text === '-p 8080:80')?.says).toBe(
      "Publishes the container's port 80 as port 8080 on every network address of your machine. For a web server, open http://localhost:8080.",
    );
    expect(e.parts.find((p) => p.text === '-p 8080:80')?.engine).toContain('PortBindings');
  });

  it('tells a named volume from a bind mount and an anonymous volume', () => {
    const e = explained('docker run -v data:/d -v /srv:/s:ro -v /anon busybox');
    const says = (t: string) => e.parts.find((p) => p.text === t)?.says ?? '';
    expect(says('-v data:/d')).toMatch(/named volume data .* outlives the container/);
    expect(says('-v /srv:/s:ro')).toMatch(/your machine's folder \/srv at \/s, read-only/);
    expect(says('-v /anon')).toMatch(/anonymous volume/);
  });

  it('says run without -d keeps the terminal attached', () => {
    expect(explained('docker run nginx').summary).toMatch(/terminal attached .*add -d/);
    expect(explained('docker run -d nginx').summary).toBe(
      'Creates a container from nginx and starts it in the background.',
    );
    expect(explained('docker create nginx').summary).toMatch(/without starting it/);
  });

  it('gives the default tag of an untagged image', () => {
    expect(explained('docker run nginx').parts.find((p) => p.role === 'image')?.says).toContain('nginx:latest');
    expect(explained('docker run nginx:1.27').parts.find((p) => p.role === 'image')?.says).not.toContain('latest');
  });

  it('explains each restart policy', () => {
    expect(
      explained('docker run --restart unless-stopped x').parts.find((p) => p.text.startsWith('--restart'))?.says,
    ).toMatch(/unless you stopped it yourself/);
    expect(
      explained('docker run --restart on-failure:3 x').parts.find((p) => p.text.startsWith('--restart'))?.says,
    ).toMatch(/after 3 tries/);
  });

  it('warns about --privileged', () => {
    expect(explained('docker run --privileged x').parts.find((p) => p.text === '--privileged')?.says).toMatch(/root/);
  });
});

describe('mistakes are named', () => {
  it('names a misspelled long flag with the nearest real one', () => {
    const e = explained('docker run --restrat always nginx');
    expect(e.problems).toContain('--restrat: --restrat is not a flag of this command. Did you mean --restart?');
  });

  it('suggests --publish for --pubish and --detach for --detatch', () => {
    expect(explained('docker run --pubish 80:80 nginx').problems.join(' ')).toContain('Did you mean --publish?');
    expect(explained('docker run --detatch nginx').problems.join(' ')).toContain('Did you mean --detach?');
  });

  it('names an unknown shorthand', () => {
    expect(explained('docker run -x nginx').problems).toContain('-x: -x is not a flag of this command.');
  });

  it('says a flag that needs a value has none', () => {
    expect(explained('docker run --name').problems.join(' ')).toContain('--name needs a value after it.');
  });

  it('refuses a bad port, restart policy, memory and name in words', () => {
    const e = explained('docker run -p 99999:80 --restart sometimes -m lots --name "a b" x');
    expect(e.problems.join('\n')).toMatch(/outside 1–65535/);
    expect(e.problems.join('\n')).toMatch(/not a restart policy/);
    expect(e.problems.join('\n')).toMatch(/not a memory size/);
    expect(e.problems.join('\n')).toMatch(/A name starts with a letter or digit/);
  });

  it('says when no image is given', () => {
    expect(explained('docker run -d').problems).toContain(
      'The command names no image: the image comes after the flags, e.g. docker run -d nginx.',
    );
  });

  it('a switch given a value that is not true/false', () => {
    expect(explained('docker run --rm=yes x').problems.join(' ')).toContain('--rm is a switch');
  });

  it('refuses what is not a docker command, with a suggestion', () => {
    expect(explainCommand('dokcer run nginx')).toEqual({
      ok: false,
      error: 'This is not a docker command: it starts with "dokcer". Did you mean docker?',
      suggestion: 'docker',
    });
    expect(explainCommand('docker rnu nginx')).toMatchObject({ ok: false, suggestion: 'run' });
    expect(explainCommand('')).toMatchObject({ ok: false });
    expect(explainCommand('docker run "unclosed')).toEqual({ ok: false, error: 'A double quote is not closed.' });
  });

  it('says what a command it does not explain does', () => {
    const outcome = explainCommand('docker ps -a');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toContain('docker ps lists running containers');
  });

  it('says a variable in front is for the CLI', () => {
    expect(explained('DOCKER_BUILDKIT=1 docker build .').notes).toEqual([
      'DOCKER_BUILDKIT=1 sets a variable for the CLI itself, not for the container.',
    ]);
  });

  it('explains only the first of several commands', () => {
    const e = explained('docker run -d nginx && docker ps');
    expect(e.notes[0]).toContain('Only the first command is explained');
    expect(e.run?.spec.command).toBeUndefined();
  });

  it('docker create has no --detach', () => {
    expect(explained('docker create -d nginx').problems.join(' ')).toContain('-d is not a flag of this command');
  });
});

describe('parser details', () => {
  it('keeps flags after the image for the container (run does not intersperse)', () => {
    const parsed = parseDockerCommand('docker run busybox ls -l --color');
    expect(parsed.ok && parsed.value.args).toEqual(['busybox', 'ls', '-l', '--color']);
  });

  it('reads -e=VALUE shorthand with = like pflag', () => {
    expect(explained('docker run -e=A=1 x').run?.spec.env).toEqual(['A=1']);
  });

  it('reads repeated flags in order', () => {
    expect(explained('docker run -p 1:1 -p 2:2 -p 3:3 x').run?.spec.ports.map((p) => p.hostPort)).toEqual([1, 2, 3]);
  });

  it('edit distance and nearest', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('rnu', 'run')).toBe(1);
    expect(nearest('netwrok', ['network', 'name'])).toBe('network');
    expect(nearest('zzzzzz', ['network', 'name'])).toBeUndefined();
  });
});
