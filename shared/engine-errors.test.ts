import { describe, expect, it } from 'vitest';
import { ENGINE_ERRORS, explainEngineError, registryOf } from './engine-errors';

const ID = '55482f5cc90970f05b82efaed31dcf83cc2bea869af39c0286b30a732916e015';

/**
 * Texts as dockerd 20.10 sends them (collected from a real engine; the integration test triggers each again), and
 * Podman 4.3's where it words them differently.
 */
const SAID: readonly [string, string, number][] = [
  ['Head "http://127.0.0.1:5055/v2/accept/private/manifests/1": no basic auth credentials', 'registry-auth', 500],
  [
    "pull access denied for nosuch/img, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    'pull-access-denied',
    404,
  ],
  ['manifest for 127.0.0.1:5055/x/y:2 not found: manifest unknown: manifest unknown', 'manifest-unknown', 404],
  [
    'Get "http://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused',
    'registry-unreachable',
    500,
  ],
  [
    `Conflict. The container name "/dup" is already in use by container "${ID}". You have to remove (or rename) that container to be able to reuse that name.`,
    'name-in-use',
    409,
  ],
  [
    'driver failed programming external connectivity on endpoint p2 (1c90): Bind for 0.0.0.0:18080 failed: port is already allocated',
    'port-allocated',
    500,
  ],
  [
    'driver failed programming external connectivity on endpoint p3 (a78a): Error starting userland proxy: listen tcp4 127.0.0.1:18090: bind: address already in use',
    'port-allocated',
    500,
  ],
  ['Error processing tar file(exit status 1): write /t/big: no space left on device', 'no-space', 500],
  [
    'conflict: unable to remove repository reference "berth-fixture/busybox:1" (must force) - container 55482f5cc909 is using its referenced image 10a931c25652',
    'image-in-use',
    409,
  ],
  [
    `You cannot remove a running container ${ID}. Stop the container before attempting removal or force remove`,
    'running-container-remove',
    409,
  ],
  [`Container ${ID} is not running`, 'not-running', 409],
  [`Container ${ID} is not paused`, 'not-paused', 409],
  ['No such image: nosuch:img', 'no-such-image', 404],
  ['No such container: nosuch', 'no-such-container', 404],
  [`remove v1: volume is in use - [${ID}]`, 'volume-in-use', 409],
  ['error while removing network: network n1 id cfe5308518 has active endpoints', 'network-active-endpoints', 403],
  ['none is a pre-defined network and cannot be removed', 'network-predefined', 403],
  ['Pool overlaps with other one on this address space', 'subnet-overlap', 403],
  ['network with name n1 already exists', 'name-exists', 409],
  [
    'OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown',
    'executable-not-found',
    400,
  ],
  ['Invalid container name (t), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed', 'invalid-name', 400],
  [
    'create bad name: "bad name" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    'invalid-name',
    400,
  ],
  ['dockerfile parse error line 2: unknown instruction: FOO', 'dockerfile-parse', 400],
  [
    `container create: creating container storage: the container name "dup" is already in use by ${ID}. You have to remove that container to be able to reuse that name: that name is already in use`,
    'name-in-use',
    500,
  ],
  [
    'error parsing HTTP 400 response body: invalid character \'C\' looking for beginning of value: "Client sent an HTTP request to an HTTPS server.\n"',
    'registry-https-refused',
    500,
  ],
];

describe('explainEngineError', () => {
  it.each(SAID)('%s -> %s', (raw, entry, status) => {
    const explained = explainEngineError(raw, status);
    expect(explained.entry).toBe(entry);
    // Berth's own sentence: none of the engine's words verbatim, a capital first and a full stop.
    expect(explained.message).not.toContain(raw);
    expect(explained.message).toMatch(/^[A-Z0-9].*\.$/);
  });

  it('names the registry and offers a login for an auth failure', () => {
    const explained = explainEngineError(SAID[0]![0], 500);
    expect(explained).toMatchObject({ code: 'PERMISSION_DENIED', next: { kind: 'login', registry: '127.0.0.1:5055' } });
    expect(explained.message).toContain('Log in to 127.0.0.1:5055');
  });

  it('points at the container in the way of a name and an image', () => {
    expect(explainEngineError(SAID[4]![0], 409).next).toEqual({ kind: 'open-container', container: ID });
    expect(explainEngineError(SAID[8]![0], 409)).toMatchObject({
      code: 'CONFLICT',
      next: { kind: 'open-container', container: '55482f5cc909' },
    });
  });

  it('says which host port is taken and offers to free space when the disk is full', () => {
    expect(explainEngineError(SAID[5]![0]).message).toContain('Host port 18080 is already taken');
    expect(explainEngineError(SAID[6]![0]).message).toContain('Host port 18090 is already taken');
    expect(explainEngineError(SAID[7]![0]).next).toEqual({ kind: 'free-space' });
  });

  it('puts a sentence of its own before any text no entry knows', () => {
    for (const [status, start] of [
      [400, 'The engine refused the request as invalid.'],
      [404, 'The engine has no such object.'],
      [409, 'The request conflicts'],
      [500, 'The engine failed (HTTP 500).'],
      [undefined, 'The engine reported an error.'],
    ] as const) {
      const explained = explainEngineError('something brand new happened.\nsecond line', status);
      expect(explained.entry).toBeNull();
      expect(explained.message.startsWith(start)).toBe(true);
      expect(explained.message).toContain('The engine said: “something brand new happened”.');
      expect(explained.message).not.toContain('second line');
    }
    expect(explainEngineError('', 404).message).toBe('The engine has no such object.');
  });

  it('bounds the quoted text', () => {
    expect(explainEngineError('x'.repeat(5000), 500).message.length).toBeLessThan(400);
  });

  it('keeps every entry reachable: no earlier pattern swallows a later sample', () => {
    const covered = new Set(SAID.map(([, entry]) => entry));
    for (const entry of ENGINE_ERRORS) {
      if (!covered.has(entry.id)) continue;
      const sample = SAID.find(([, e]) => e === entry.id)![0];
      expect(explainEngineError(sample).entry).toBe(entry.id);
    }
  });
});

describe('registryOf', () => {
  it('reads the host from the URL the engine names, and calls Docker Hub docker.io', () => {
    expect(registryOf('Head "https://registry-1.docker.io/v2/library/x/manifests/1": unauthorized')).toBe('docker.io');
    expect(registryOf('Get "https://reg.example.com:5000/v2/": x509: certificate')).toBe('reg.example.com:5000');
    expect(registryOf('denied: requested access to the resource is denied')).toBe('docker.io');
    expect(registryOf('pull access denied for localhost:5000/x, repository does not exist')).toBe('localhost:5000');
  });
});

describe('the registry an action was for', () => {
  it('names it in the login error when the engine does not', () => {
    const explained = explainEngineError('unauthorized: authentication required', 500, '127.0.0.1:5443');
    expect(explained).toMatchObject({ entry: 'registry-auth', next: { kind: 'login', registry: '127.0.0.1:5443' } });
    expect(explained.message).toContain('Log in to 127.0.0.1:5443');
    const fallback = explainEngineError(SAID.at(-1)![0], 500, '127.0.0.1:5443');
    expect(fallback).toMatchObject({ code: 'PERMISSION_DENIED', next: { kind: 'login', registry: '127.0.0.1:5443' } });
  });
});
