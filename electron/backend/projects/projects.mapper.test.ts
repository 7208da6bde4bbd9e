import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { dependencyOrder, parseDependsOn, projectState, toProjects } from './projects.mapper';

const container = (name: string, service: string, state: string, labels: Record<string, string> = {}) =>
  ({
    Id: `${name}-id`,
    Names: [`/${name}`],
    Image: 'img',
    State: state,
    Status: state,
    Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, ...labels },
  }) as unknown as Dockerode.ContainerInfo;

describe('depends_on', () => {
  it('reads the v2 label, with or without conditions', () => {
    expect(parseDependsOn('db:service_started:false,cache:service_healthy:true')).toEqual(['db', 'cache']);
    expect(parseDependsOn('db')).toEqual(['db']);
    expect(parseDependsOn(undefined)).toEqual([]);
  });

  it('orders dependencies first, survives cycles and unknown names', () => {
    const s = (name: string, dependsOn: string[] = []) => ({ name, dependsOn });
    expect(
      dependencyOrder([s('web', ['api']), s('api', ['db', 'cache']), s('db'), s('cache')]).map((x) => x.name),
    ).toEqual(['cache', 'db', 'api', 'web']);
    expect(dependencyOrder([s('a', ['b']), s('b', ['a']), s('c', ['gone'])]).map((x) => x.name)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });
});

describe('toProjects', () => {
  it('groups by project and service, with working dir, config files, networks and volumes', () => {
    const projects = toProjects(
      [
        container('shop-web-1', 'web', 'running', {
          'com.docker.compose.depends_on': 'db:service_started:false',
          'com.docker.compose.project.working_dir': '/srv/shop',
          'com.docker.compose.project.config_files': '/srv/shop/compose.yaml,/srv/shop/compose.override.yaml',
        }),
        container('shop-db-1', 'db', 'exited'),
        container('shop-run-1', 'web', 'exited', { 'com.docker.compose.oneoff': 'True' }),
      ],
      [{ Id: 'n1', Name: 'shop_default', Labels: { 'com.docker.compose.project': 'shop' } }] as never,
      [{ Name: 'shop_data', Labels: { 'com.docker.compose.project': 'shop' } }] as never,
    );
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({
      name: 'shop',
      state: 'partial',
      running: 1,
      total: 2,
      workingDir: '/srv/shop',
      configFiles: ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml'],
      networks: [{ id: 'n1', name: 'shop_default' }],
      volumes: [{ name: 'shop_data' }],
    });
    expect(projects[0]?.services.map((s) => [s.name, s.dependsOn, s.containers.length])).toEqual([
      ['db', [], 1],
      ['web', ['db'], 1],
    ]);
  });

  it('words the state of the whole project', () => {
    expect(projectState([{ state: 'running' }, { state: 'running' }])).toBe('running');
    expect(projectState([{ state: 'paused' }, { state: 'exited' }])).toBe('paused');
    expect(projectState([{ state: 'exited' }])).toBe('stopped');
    expect(projectState([{ state: 'running' }, { state: 'exited' }])).toBe('partial');
  });
});
