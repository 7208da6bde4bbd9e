import { describe, expect, it } from 'vitest';
import { decideFrame, encodeFrame } from './socket';

describe('decideFrame', () => {
  it('passes well-formed frames on', () => {
    expect(decideFrame('{"t":"req","id":3,"channel":"engine:status"}')).toEqual({
      kind: 'req',
      id: 3,
      channel: 'engine:status',
      input: undefined,
    });
    expect(decideFrame('{"t":"sub","id":"s1","channel":"engine:watch","input":null}')).toEqual({
      kind: 'sub',
      id: 's1',
      channel: 'engine:watch',
      input: null,
    });
    expect(decideFrame('{"t":"unsub","id":"s1"}')).toEqual({
      kind: 'unsub',
      id: 's1',
    });
  });

  it('answers text that is not JSON with a protocol error', () => {
    expect(decideFrame('{nope')).toMatchObject({
      kind: 'reply',
      frame: { t: 'error', error: { code: 'INVALID_INPUT' } },
    });
  });

  it('answers a malformed request on its id, so the caller is not left waiting', () => {
    expect(decideFrame('{"t":"req","id":9,"channel":42}')).toMatchObject({
      kind: 'reply',
      frame: {
        t: 'res',
        id: 9,
        result: { ok: false, error: { code: 'INVALID_INPUT' } },
      },
    });
    expect(decideFrame('{"t":"sub","id":"s2","channel":"engine:watch","extra":1}')).toMatchObject({
      kind: 'reply',
      frame: {
        t: 'stream',
        id: 's2',
        message: { type: 'error', error: { code: 'INVALID_INPUT' } },
      },
    });
  });

  it('answers frames without a usable id with a protocol error', () => {
    for (const text of [
      'null',
      '[]',
      '42',
      '{"t":"req","id":-1,"channel":"x"}',
      '{"t":"req","id":1.5,"channel":"x"}',
      '{"t":"boom"}',
      `{"t":"sub","id":"${'x'.repeat(65)}","channel":"x"}`,
    ]) {
      expect(decideFrame(text)).toMatchObject({
        kind: 'reply',
        frame: { t: 'error' },
      });
    }
  });
});

describe('encodeFrame', () => {
  it('turns an answer that cannot be encoded into an error on the same id', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const text = encodeFrame({
      t: 'res',
      id: 5,
      result: { ok: true, value: cyclic },
    });
    expect(JSON.parse(text)).toEqual({
      t: 'res',
      id: 5,
      result: {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Berth could not encode its answer.',
        },
      },
    });
    expect(
      JSON.parse(
        encodeFrame({
          t: 'stream',
          id: 's1',
          message: { type: 'data', items: [10n] },
        }),
      ),
    ).toMatchObject({
      t: 'stream',
      id: 's1',
      message: { type: 'error', error: { code: 'INTERNAL' } },
    });
  });
});
