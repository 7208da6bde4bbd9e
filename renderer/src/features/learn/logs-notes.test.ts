import { describe, expect, it } from 'vitest';
import { logsNotes, type LogsExplainInput } from './logs-notes';

const web = { name: 'web', tty: false, driver: 'json-file', atStart: false };
const view = (over: Partial<LogsExplainInput>): LogsExplainInput => ({
  sources: [web],
  lines: 1000,
  stderr: 12,
  cap: 100_000,
  dropped: 0,
  page: 1000,
  ...over,
});

describe('logs notes', () => {
  it('names the container, the docker command, the driver, the stderr lines and what is not loaded yet', () => {
    const notes = logsNotes(view({}));
    expect(notes[0]).toContain('`docker logs web`');
    expect(notes[1]).toContain('log driver json-file');
    expect(notes[1]).toContain('`docker rm` deletes it');
    expect(notes[2]).toContain('12 lines of the 1,000 lines shown went to stderr');
    expect(notes[3]).toContain('`docker logs --tail 1000 --follow`');
  });

  it('says when the whole log is shown, and what the cap let go', () => {
    expect(logsNotes(view({ sources: [{ ...web, atStart: true }] }))).toContain(
      'This is the whole log: its first line is shown.',
    );
    const capped = logsNotes(view({ sources: [{ ...web, atStart: true }], dropped: 2500, cap: 10_000 }));
    expect(capped.at(-1)).toContain('at most 10,000 lines; 2,500 older lines left it');
  });

  it('explains a TTY instead of counting stderr, and a driver that keeps the log elsewhere', () => {
    const notes = logsNotes(view({ sources: [{ ...web, tty: true, driver: 'journald' }], stderr: 0 }));
    expect(notes).toContain(
      'web has a terminal (TTY), which merges stderr into stdout: none of its lines can be marked err.',
    );
    expect(notes.some((n) => n.includes('journald log driver'))).toBe(true);
    expect(notes.some((n) => n.includes('went to stderr'))).toBe(false);
  });

  it('describes several containers interleaved', () => {
    const notes = logsNotes(view({ sources: [web, { ...web, name: 'db' }], stderr: 0 }));
    expect(notes[0]).toContain('2 containers (web, db), interleaved by the time');
    expect(notes).toContain('None of the 1,000 lines shown went to stderr; a line written there would be marked err.');
  });

  it('says nothing without a container', () => {
    expect(logsNotes(view({ sources: [] }))).toEqual([]);
  });
});
