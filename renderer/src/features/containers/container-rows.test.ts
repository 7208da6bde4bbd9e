import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import { containerRows } from './container-rows';

const c = (name: string, state: ContainerSummary['state'], project?: string): ContainerSummary => ({
  id: `${name}-id`,
  name,
  image: name.startsWith('db') ? 'postgres:16' : 'nginx:1.27',
  imageId: 'sha256:x',
  command: '',
  state,
  status: '',
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  created: 0,
  ports: [],
  labels: project ? { 'com.docker.compose.project': project } : {},
});

const list = [c('web', 'running', 'shop'), c('db', 'exited', 'shop'), c('solo', 'running'), c('old', 'exited')];
const names = (rows: ReturnType<typeof containerRows>) =>
  rows.map((r) => (r.kind === 'group' ? `[${r.project} ${r.running}/${r.count}]` : r.container.name));

describe('containerRows', () => {
  it('groups compose projects under a header, then the rest', () => {
    expect(names(containerRows(list, 'all', ''))).toEqual(['[shop 1/2]', 'db', 'web', 'old', 'solo']);
  });

  it('filters by state', () => {
    expect(names(containerRows(list, 'running', ''))).toEqual(['[shop 1/1]', 'web', 'solo']);
    expect(names(containerRows(list, 'exited', ''))).toEqual(['[shop 0/1]', 'db', 'old']);
  });

  it('searches name, image and project, every word', () => {
    expect(names(containerRows(list, 'all', 'postgres'))).toEqual(['[shop 0/1]', 'db']);
    expect(names(containerRows(list, 'all', 'SHOP web'))).toEqual(['[shop 1/1]', 'web']);
    expect(names(containerRows(list, 'all', 'nothing-like-this'))).toEqual([]);
  });
});
