/** TLS failures in words, and the contract's rule that TLS files go with a tcp:// address. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineUseSchema } from '../../../shared/contracts/engine.contract';
import { PathGuard } from '../core/paths';
import { tlsCheck } from './engine.tls';
import { classifyUnreachable } from './errors';

const where = 'tcp://build-host:2376';
const failure = (code: string, message = '') => Object.assign(new Error(message), { code });

describe('TLS failures', () => {
  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /the chosen CA did not sign/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /the chosen CA did not sign/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /not made out for the host/],
    ['CERT_HAS_EXPIRED', /has expired/],
  ])('%s is said in words', (code, words) => {
    const said = classifyUnreachable(failure(code), where);
    expect(said.reason).toBe('bad-endpoint');
    expect(said.message).toMatch(words);
    expect(said.message).toContain(where);
  });

  it('tells a plain engine from a TLS one, and a refused client certificate from a stopping engine', () => {
    const plain = failure('ERR_SSL_WRONG_VERSION_NUMBER', 'ssl3_get_record:wrong version number');
    expect(classifyUnreachable(plain, where).message).toMatch(/does not speak TLS/);
    const alert = failure('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'tlsv1 alert unknown ca');
    expect(classifyUnreachable(alert, where).message).toMatch(/refused Berth's client certificate/);
    expect(classifyUnreachable(failure('ECONNRESET'), where, true).message).toMatch(/client certificate/);
    expect(classifyUnreachable(failure('ECONNRESET'), where).message).toMatch(/Is it stopping/);
  });
});

describe('engine:use input', () => {
  const tls = { ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem' };
  it('takes TLS files with a tcp:// address only, as absolute paths', () => {
    expect(engineUseSchema.safeParse({ address: 'tcp://h:2376', tls }).success).toBe(true);
    expect(engineUseSchema.safeParse({ address: 'ssh://me@h', tls }).success).toBe(false);
    expect(engineUseSchema.safeParse({ id: 'auto', tls }).success).toBe(false);
    expect(engineUseSchema.safeParse({ address: 'tcp://h:2376', tls: { ...tls, key: 'key.pem' } }).success).toBe(false);
  });
});

describe('TLS files in the desktop app', () => {
  it('are taken only when main handed them out from its dialog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-tls-grant-'));
    const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
    for (const f of Object.values(files)) writeFileSync(f, 'not a certificate');
    const guard = new PathGuard({ kind: 'grants' });
    const check = tlsCheck(guard);
    await expect(check(files)).rejects.toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
    for (const f of Object.values(files)) guard.grant(f);
    // Past the guard, the files themselves are checked: these are no PEM files.
    await expect(check(files)).rejects.toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a PEM file/) as unknown },
    });
  });
});
