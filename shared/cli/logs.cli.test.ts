import { describe, expect, it } from 'vitest';
import { logFilename, saveLogAction } from './logs.cli';

describe('log commands', () => {
  it('names the file after the containers, with nothing unsafe in it', () => {
    expect(logFilename(['web'])).toBe('web.log');
    expect(logFilename(['web', 'db'])).toBe('web+db.log');
    expect(logFilename(['../etc/passwd'])).toBe('_etc_passwd.log');
    expect(logFilename([])).toBe('logs.log');
    expect(logFilename(['a'.repeat(300)])).toBe(`${'a'.repeat(100)}.log`);
  });

  it('one container is one docker logs; several are sorted by timestamp', () => {
    expect(saveLogAction(['web'], '/home/me/my logs/web.log')).toEqual({
      title: 'Save the whole log of web',
      command: "docker logs --timestamps web > '/home/me/my logs/web.log' 2>&1",
      api: 'GET /containers/web/logs?stdout=1&stderr=1&timestamps=1',
    });
    const both = saveLogAction(['web', 'db'], 'web+db.log');
    expect(both.command).toBe(
      '(docker logs --timestamps web 2>&1; docker logs --timestamps db 2>&1) | sort -s -k1,1 > web+db.log',
    );
    expect(both.title).toBe('Save the whole logs of web, db');
  });
});
