import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_HISTORY_LIMIT, BUILD_LOG_LINE_LIMIT } from '../../../shared/dto/build';
import { BuildHistory, BuildLogRecorder } from './build.history';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-history-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fields = (n: number) => ({
  startedAt: n,
  durationMs: 10,
  options: { contextPath: '/src/app', buildArgs: { N: String(n) } },
  dockerfile: 'Dockerfile',
  builder: 'buildkit' as const,
  outcome: 'succeeded' as const,
  imageId: `sha256:${n}`,
  steps: 2,
  cachedSteps: 1,
  error: null,
});

describe('BuildHistory', () => {
  it('survives a restart: a new instance reads what the last one wrote, newest first', async () => {
    const file = path.join(dir, 'a', 'build-history.json');
    const first = new BuildHistory(file);
    const recorder = new BuildLogRecorder();
    recorder.add({ type: 'builder', builder: 'buildkit', reason: 'because' });
    recorder.add({
      type: 'vertex',
      vertex: {
        id: 'v',
        name: '[1/1] RUN x',
        line: 2,
        cached: false,
        started: 0,
        completed: 1500,
        error: null,
        inputs: [],
      },
    });
    recorder.add({ type: 'vertex-output', id: 'v', lines: ['hello'] });
    const older = await first.add(fields(1), recorder);
    await first.add(fields(2), new BuildLogRecorder());
    const again = new BuildHistory(file);
    expect((await again.list()).map((e) => e.startedAt)).toEqual([2, 1]);
    expect((await again.log(older.id)).lines).toEqual([
      'Builder: BuildKit. because',
      '#1 [1/1] RUN x (line 2)',
      '#1 DONE 1.5s',
      '#1 hello',
    ]);
    await expect(again.log('00000000-0000-4000-8000-000000000000')).rejects.toThrow('no longer in the history');
  });

  it('keeps at most the newest builds and the last lines of each log', async () => {
    const history = new BuildHistory(null);
    const recorder = new BuildLogRecorder();
    for (let i = 0; i < BUILD_LOG_LINE_LIMIT + 5; i++) recorder.add({ type: 'output', step: 1, text: `line ${i}` });
    for (let i = 0; i < BUILD_HISTORY_LIMIT + 3; i++) await history.add(fields(i), recorder);
    const list = await history.list();
    expect(list).toHaveLength(BUILD_HISTORY_LIMIT);
    expect(list[0]?.startedAt).toBe(BUILD_HISTORY_LIMIT + 2);
    const log = await history.log(list[0]?.id ?? '');
    expect(log.lines).toHaveLength(BUILD_LOG_LINE_LIMIT);
    expect(log.droppedLines).toBe(5);
    expect(log.lines[0]).toBe('line 5');
  });

  it('a damaged file starts an empty history instead of failing', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{not json');
    expect(await new BuildHistory(file).list()).toEqual([]);
  });
});
