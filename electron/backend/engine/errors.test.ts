import { describe, expect, it } from 'vitest';
import { BerthFailure } from '../../../shared/result';
import { classifyUnreachable, engineFailure, toBerthError } from './errors';

/** What docker-modem rejects with when the engine answers an error status. */
function httpError(statusCode: number, message?: string): Error {
  const e = new Error(`(HTTP code ${statusCode}) unexpected - ${message ?? ''} `) as Error & Record<string, unknown>;
  e.statusCode = statusCode;
  e.json = message === undefined ? null : { message };
  return e;
}

function nodeError(code: string, address = '/var/run/docker.sock'): Error {
  const e = new Error(`connect ${code} ${address}`) as Error & Record<string, unknown>;
  e.code = code;
  e.errno = -1;
  e.syscall = 'connect';
  e.address = address;
  return e;
}

describe('toBerthError', () => {
  it('passes a BerthFailure through unchanged', () => {
    const failure = new BerthFailure('NOT_FOUND', 'No such thing.', { id: 'x' });
    expect(toBerthError(failure)).toEqual({ code: 'NOT_FOUND', message: 'No such thing.', details: { id: 'x' } });
  });

  it.each([
    [400, 'INVALID_INPUT', 'invalid reference format', 'That is not a valid image name', 'invalid-reference'],
    [401, 'PERMISSION_DENIED', 'authentication required', 'The engine refused the request.', null],
    [403, 'PERMISSION_DENIED', 'operation not permitted', 'The engine refused the request.', null],
    [404, 'NOT_FOUND', 'No such container: web', 'There is no container web on this engine', 'no-such-container'],
    [
      409,
      'CONFLICT',
      'Conflict. The container name "/web" is already in use by container "abc123". You have to remove (or rename) that container to be able to reuse that name.',
      'Another container is already called web.',
      'name-in-use',
    ],
    [
      500,
      'ENGINE_ERROR',
      'driver failed programming external connectivity',
      'The engine failed (HTTP 500). The engine said: “driver failed programming external connectivity”.',
      null,
    ],
    [503, 'ENGINE_ERROR', 'daemon is shutting down', 'The engine failed (HTTP 503).', null],
  ] as const)(
    'maps HTTP %i to %s with Berth’s sentence and the engine’s words in details',
    (status, code, said, words, entry) => {
      const error = toBerthError(httpError(status, said));
      expect(error.code).toBe(code);
      expect(error.message.startsWith(words)).toBe(true);
      expect(error.details).toMatchObject({ engine: said, statusCode: status, entry });
    },
  );

  it('maps 304 to CONFLICT: already in that state', () => {
    expect(toBerthError(httpError(304))).toEqual({
      code: 'CONFLICT',
      message: 'It is already in that state.',
      details: { statusCode: 304 },
    });
  });

  it('falls back to a sentence of its own when the engine said nothing', () => {
    expect(toBerthError(httpError(404)).message).toBe('The engine has no such object.');
    expect(toBerthError(httpError(502)).message).toBe('The engine failed (HTTP 502).');
  });

  it('reads the engine message from the error text when a streamed request has no parsed body', () => {
    const e = Object.assign(
      new Error('(HTTP code 400) unexpected - dockerfile parse error line 2: unknown instruction: FOO '),
      {
        statusCode: 400,
        json: null,
      },
    );
    expect(toBerthError(e)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The Dockerfile has a mistake on line 2: unknown instruction: FOO. Fix that line, then build again.',
      details: { engine: 'dockerfile parse error line 2: unknown instruction: FOO' },
    });
  });

  it('reads a plain-text body too', () => {
    const e = Object.assign(new Error('x'), { statusCode: 500, json: Buffer.from('page not found\n') });
    expect(toBerthError(e).message).toBe('The engine failed (HTTP 500). The engine said: “page not found”.');
  });

  it('never lets an engine message reach the user without a Berth sentence in front of it', () => {
    const raws = [
      'something entirely new went wrong',
      'Error response from daemon: boom',
      'conflict: unable to do the thing (must force)',
      'x',
      '',
      'no basic auth credentials',
      'No such image: a:b',
    ];
    for (const status of [400, 401, 403, 404, 409, 500, 502]) {
      for (const raw of raws) {
        const error = toBerthError(httpError(status, raw));
        expect(error.message).toMatch(/^(The |There |Another |Host |That |Container |Volume |A |Other |It )/);
        if (raw !== '') expect(error.message.startsWith(raw)).toBe(false);
        expect(error.details).toMatchObject({ engine: raw, statusCode: status });
      }
    }
    const streamed = engineFailure('a brand new streamed failure');
    expect(streamed.error.message).toBe(
      'The engine reported an error. The engine said: “a brand new streamed failure”.',
    );
    expect(streamed.error.details).toMatchObject({ engine: 'a brand new streamed failure', entry: null });
  });

  it.each(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'])('maps %s to ENGINE_UNREACHABLE', (code) => {
    const error = toBerthError(nodeError(code));
    expect(error.code).toBe('ENGINE_UNREACHABLE');
    expect(error.message).toContain('/var/run/docker.sock');
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.details).toMatchObject({ errno: code });
  });

  it('maps EACCES to PERMISSION_DENIED and points at the docker group', () => {
    const error = toBerthError(nodeError('EACCES'));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain('docker group');
  });

  it('maps an aborted request to ENGINE_UNREACHABLE (timeout)', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(toBerthError(abort)).toMatchObject({ code: 'ENGINE_UNREACHABLE', details: { reason: 'timeout' } });
  });

  it('maps anything else to INTERNAL with a sentence and no stack', () => {
    const e = new TypeError("cannot read properties of undefined (reading 'x')\n    at foo (bar.js:1:1)");
    expect(toBerthError(e)).toEqual({
      code: 'INTERNAL',
      message: "Something went wrong inside Berth. Cannot read properties of undefined (reading 'x').",
    });
    expect(toBerthError(42)).toEqual({ code: 'INTERNAL', message: 'Something went wrong inside Berth.' });
  });
});

describe('a stream the engine cut in the middle', () => {
  it('is the engine going away, in words, not "aborted" or "read ECONNRESET"', () => {
    for (const cut of [
      Object.assign(new Error('aborted'), { code: 'ECONNRESET' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104 }),
    ]) {
      const error = toBerthError(cut);
      expect(error.code).toBe('ENGINE_UNREACHABLE');
      expect(error.message).toBe('The engine closed the connection before the action finished. Is it stopping?');
    }
  });
});

describe('classifyUnreachable', () => {
  const at = 'unix:///var/run/docker.sock';
  it.each([
    ['ENOENT', 'socket-missing', 'Is Docker running?'],
    ['EACCES', 'permission-denied', 'Add your user to the docker group'],
    ['ECONNREFUSED', 'refused', 'Nothing is listening at unix:///var/run/docker.sock'],
    ['ECONNRESET', 'refused', 'closed the connection'],
    ['ETIMEDOUT', 'timeout', 'did not answer in time'],
    ['ENOTFOUND', 'bad-endpoint', 'could not be found'],
    ['EWHATEVER', 'unknown', 'Berth could not talk to'],
  ] as const)('%s -> %s', (code, reason, words) => {
    const c = classifyUnreachable(nodeError(code), at);
    expect(c.reason).toBe(reason);
    expect(c.message).toContain(words);
    expect(c.message).toContain(at);
  });

  it('calls an HTTP answer to /_ping not-an-engine', () => {
    expect(classifyUnreachable(httpError(404, 'page not found'), 'tcp://h:80')).toEqual({
      reason: 'not-an-engine',
      message: 'tcp://h:80 answered, but not like a Docker Engine (HTTP 404).',
    });
  });

  it('names the address from the error when none is given', () => {
    expect(classifyUnreachable(nodeError('ENOENT', '/tmp/x.sock')).message).toContain('/tmp/x.sock');
  });
});
