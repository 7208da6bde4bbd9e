/**
 * A sample of pasted command lines, run two ways against the real engine: by the docker CLI itself, and by Berth
 * from what the explainer read (the run form's spec through containers:run). Both containers' `docker inspect`
 * must agree on everything the line asked for.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../result';
import { createBackend, type Backend } from '../../electron/backend/index';
import { explainCommand } from './explain';
import { splitWords } from '../cli/containers.parse';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `xp-${process.pid}-${Date.now().toString(36)}`;
const NETWORK = `${RUN}-net`;
let serial = 0;

const cli = (...args: string[]): string => execFileSync('docker', ['-H', HOST, ...args], { encoding: 'utf8' }).trim();

let backend: Backend;

beforeAll(async () => {
  expect(HOST, 'TEST_DOCKER_HOST must name the engine').not.toBe('');
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: '/nonexistent' });
  for (let i = 0; i < 100 && backend.engine.status().state !== 'connected'; i++)
    await new Promise((r) => setTimeout(r, 50));
  cli('network', 'create', '--label', 'berth.test=1', NETWORK);
});

afterAll(async () => {
  await backend?.dispose();
  const left = cli('ps', '-aq', '--filter', `name=${RUN}`).split('\n').filter(Boolean);
  if (left.length > 0) cli('rm', '-f', '-v', ...left);
  cli('network', 'rm', NETWORK);
  const volumes = cli('volume', 'ls', '-q', '--filter', `name=${RUN}`).split('\n').filter(Boolean);
  if (volumes.length > 0) cli('volume', 'rm', ...volumes);
}, 30_000);

/** `{N}` is the container's name, `{V}` a volume name and `{NET}` a network, all unique to this run. */
const LINES = [
  `docker run -d --name {N} --label berth.test=1 ${FIXTURE} sleep 600`,
  `docker run -dit --name {N} --label berth.test=1 -e "GREETING=hello world" -e A=1 -w /tmp -u 65534:65534 ${FIXTURE} sh`,
  `docker run -d --name={N} -l berth.test=1 -l tier=front --restart on-failure:3 -p 127.0.0.1:18181:80 -p 53/udp ${FIXTURE} sleep 600`,
  `docker run -d --name {N} --label berth.test=1 -v {V}:/data -v /tmp:/host:ro --cpus 0.5 -m 64m ${FIXTURE} sleep 600`,
  `docker run -d --name {N} --label berth.test=1 --network {NET} --network-alias web --network-alias www --restart=unless-stopped ${FIXTURE} sleep 600`,
  `docker run -d --name {N} --label berth.test=1 --entrypoint sh ${FIXTURE} -c 'echo "a b"; sleep 600'`,
  `docker create --name {N} --label berth.test=1 -t ${FIXTURE}`,
];

interface Inspected {
  Config: {
    Image: string;
    Env: string[];
    Cmd: string[] | null;
    Entrypoint: string[] | null;
    WorkingDir: string;
    User: string;
    Labels: Record<string, string>;
    Tty: boolean;
    OpenStdin: boolean;
    ExposedPorts?: Record<string, unknown>;
  };
  HostConfig: {
    RestartPolicy: unknown;
    PortBindings: unknown;
    Binds: string[] | null;
    NanoCpus: number;
    Memory: number;
    NetworkMode: string;
    AutoRemove: boolean;
  };
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
}

/** What both containers must share: everything the line asked for, without names and ids. */
function comparable(c: Inspected, name: string) {
  const aliases = Object.fromEntries(
    Object.entries(c.NetworkSettings.Networks).map(([net, e]) => [
      net,
      // The engine adds the container's own short id as an alias; the names asked for are what matter.
      [...(e.Aliases ?? [])].filter((a) => !/^[0-9a-f]{12}$/.test(a) && a !== name).sort(),
    ]),
  );
  return {
    image: c.Config.Image,
    // Order carries no meaning in Env, and newer docker CLIs send it in an order of their own.
    env: [...(c.Config.Env ?? [])].sort(),
    cmd: c.Config.Cmd,
    entrypoint: c.Config.Entrypoint,
    workingDir: c.Config.WorkingDir,
    user: c.Config.User,
    labels: c.Config.Labels,
    tty: c.Config.Tty,
    openStdin: c.Config.OpenStdin,
    exposed: Object.keys(c.Config.ExposedPorts ?? {}).sort(),
    restart: c.HostConfig.RestartPolicy,
    ports: c.HostConfig.PortBindings,
    binds: c.HostConfig.Binds ?? [],
    cpus: c.HostConfig.NanoCpus,
    memory: c.HostConfig.Memory,
    networkMode: c.HostConfig.NetworkMode,
    autoRemove: c.HostConfig.AutoRemove,
    aliases,
  };
}

describe('a pasted command makes, through Berth, the container the docker CLI makes', () => {
  it.each(LINES)('%s', async (template) => {
    const n = ++serial;
    const fill = (who: string) =>
      template
        .replaceAll('{N}', `${RUN}-${who}-${n}`)
        .replaceAll('{V}', `${RUN}-vol-${n}`)
        .replaceAll('{NET}', NETWORK);
    const byCli = fill('cli');
    const byBerth = fill('berth');
    const words = splitWords(byCli);
    if (!words.ok) throw new Error(words.error);
    cli(...words.value.slice(1));

    const outcome = explainCommand(byBerth);
    if (!outcome.ok || !outcome.value.run) throw new Error(`did not parse: ${byBerth}`);
    expect(outcome.value.run.notInForm).toEqual([]);
    const result = (await backend.dispatcher.request('containers:run', outcome.value.run.spec)) as Result<{
      id: string;
    }>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    // `docker create` only creates; Berth's run form also starts. Compare the settings, not the state.
    const [cliSide] = JSON.parse(cli('inspect', `${RUN}-cli-${n}`)) as Inspected[];
    const [berthSide] = JSON.parse(cli('inspect', result.value.id)) as Inspected[];
    if (!cliSide || !berthSide) throw new Error('inspect returned nothing');
    expect(comparable(berthSide, `${RUN}-berth-${n}`)).toEqual(comparable(cliSide, `${RUN}-cli-${n}`));
  });
});
