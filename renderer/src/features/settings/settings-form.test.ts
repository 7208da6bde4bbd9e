import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LOG_LINE_CAP } from '../../../../shared/dto/settings';
import { checkDraft, toDraft } from './settings-form';

const draft = toDraft(DEFAULT_SETTINGS);

describe('checkDraft', () => {
  it('sends only what changed', () => {
    expect(checkDraft({ ...draft, logLineCap: '250000', theme: 'dark' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      patch: { logLineCap: 250_000, theme: 'dark' },
    });
    expect(checkDraft(draft, DEFAULT_SETTINGS)).toEqual({ ok: true, patch: {} });
  });

  it('reads thousands separators in the cap', () => {
    expect(checkDraft({ ...draft, logLineCap: '20,000' }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      patch: { logLineCap: 20_000 },
    });
  });

  it.each(['', 'many', '1.5', String(LOG_LINE_CAP.min - 1), String(LOG_LINE_CAP.max + 1)])(
    'refuses a cap of %j',
    (cap) => {
      expect(checkDraft({ ...draft, logLineCap: cap }, DEFAULT_SETTINGS)).toMatchObject({
        ok: false,
        field: 'logLineCap',
      });
    },
  );

  it('turns an empty address into "no override" and refuses one without a scheme', () => {
    const saved = { ...DEFAULT_SETTINGS, engineEndpoint: 'tcp://10.0.0.2:2375' };
    expect(checkDraft({ ...toDraft(saved), engineEndpoint: '  ' }, saved)).toEqual({
      ok: true,
      patch: { engineEndpoint: null },
    });
    expect(checkDraft({ ...draft, engineEndpoint: '/var/run/docker.sock' }, DEFAULT_SETTINGS)).toMatchObject({
      ok: false,
      field: 'engineEndpoint',
    });
  });
});

describe('checkDraft with TLS files', () => {
  const tcp = { ...draft, engineEndpoint: 'tcp://build-host:2376' };
  const files = { tlsCa: '/certs/ca.pem', tlsCert: '/certs/cert.pem', tlsKey: '/certs/key.pem' };

  it('sends the three files with a tcp:// address', () => {
    expect(checkDraft({ ...tcp, ...files }, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      patch: {
        engineEndpoint: 'tcp://build-host:2376',
        engineTls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' },
      },
    });
  });

  it('wants all three or none, as absolute paths, and ignores them for other addresses', () => {
    const partial = checkDraft({ ...tcp, tlsCa: '/certs/ca.pem' }, DEFAULT_SETTINGS);
    expect(partial).toMatchObject({ ok: false, field: 'engineTls' });
    expect(!partial.ok && partial.message).toMatch(/all three/);
    const relative = checkDraft({ ...tcp, ...files, tlsKey: 'key.pem' }, DEFAULT_SETTINGS);
    expect(!relative.ok && relative.message).toMatch(/absolute/);
    const unix = { ...draft, ...files, engineEndpoint: 'unix:///run/docker.sock' };
    expect(checkDraft(unix, DEFAULT_SETTINGS)).toEqual({
      ok: true,
      patch: { engineEndpoint: 'unix:///run/docker.sock' },
    });
  });
});
