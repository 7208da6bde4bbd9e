import { describe, expect, it } from 'vitest';
import { applyComposeEvents, OUTPUT_KEEP, type ComposeRun } from './projects.slice';

const RUN: ComposeRun = {
  verb: 'up',
  status: 'running',
  command: null,
  output: '',
  truncated: false,
  problems: [],
  error: null,
};

describe('applyComposeEvents', () => {
  it('records the command, appends output, collects problems and the exit', () => {
    const next = applyComposeEvents(RUN, [
      { type: 'started', command: 'docker-compose -f /a/compose.yaml up -d', cli: 'v1' },
      { type: 'output', text: 'Creating a_db_1 ... \n' },
      { type: 'output', text: 'done\n' },
      { type: 'exit', code: 1, truncated: true },
      { type: 'problem', problem: { line: 4, message: 'bad key' } },
    ]);
    expect(next).toMatchObject({
      command: 'docker-compose -f /a/compose.yaml up -d',
      output: 'Creating a_db_1 ... \ndone\n',
      truncated: true,
      problems: [{ line: 4, message: 'bad key' }],
    });
  });

  it('keeps only the latest output past its bound', () => {
    const big = 'x'.repeat(OUTPUT_KEEP);
    const next = applyComposeEvents(RUN, [
      { type: 'output', text: big },
      { type: 'output', text: 'tail' },
    ]);
    expect(next.output).toHaveLength(OUTPUT_KEEP);
    expect(next.output.endsWith('tail')).toBe(true);
    expect(next.truncated).toBe(true);
  });
});
