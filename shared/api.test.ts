import { describe, expect, it } from 'vitest';
import { buildBerthApi, type Transport } from './api';
import { REQUEST_CHANNELS, STREAM_CHANNELS } from './contract';
import { ok } from './result';

function recordingTransport() {
  const calls: { kind: 'request' | 'subscribe'; channel: string; input: unknown }[] = [];
  const transport: Transport = {
    request: (channel, input) => {
      calls.push({ kind: 'request', channel, input });
      return Promise.resolve(ok(channel));
    },
    subscribe: (channel, input) => {
      calls.push({ kind: 'subscribe', channel, input });
      return () => undefined;
    },
  };
  return { transport, calls };
}

describe('the contract', () => {
  it('names every channel <domain>:<verb> and never uses one name twice', () => {
    const all = [...REQUEST_CHANNELS, ...STREAM_CHANNELS];
    for (const name of all) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('buildBerthApi', () => {
  it('turns every request channel into berth.<domain>.<verb>() that calls the transport', async () => {
    const { transport, calls } = recordingTransport();
    const api = buildBerthApi(transport) as unknown as Record<string, Record<string, (input?: unknown) => unknown>>;
    for (const channel of REQUEST_CHANNELS) {
      const [domain, verb] = channel.split(':') as [string, string];
      const result = await api[domain]![verb]!({ probe: channel });
      expect(result).toEqual({ ok: true, value: channel });
    }
    expect(calls.map((c) => c.channel)).toEqual(REQUEST_CHANNELS);
    expect(calls.every((c) => c.kind === 'request' && (c.input as { probe: string }).probe === c.channel)).toBe(true);
  });

  it('turns every stream channel into a subscribe that returns an unsubscribe function', () => {
    const { transport, calls } = recordingTransport();
    const api = buildBerthApi(transport) as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;
    for (const channel of STREAM_CHANNELS) {
      const [domain, verb] = channel.split(':') as [string, string];
      expect(typeof api[domain]![verb]!(undefined, () => undefined)).toBe('function');
    }
    expect(calls.filter((c) => c.kind === 'subscribe').map((c) => c.channel)).toEqual(STREAM_CHANNELS);
  });
});
