import { describe, expect, it } from 'vitest';
import type { BerthApi } from '../../../../shared/api';
import type { LogsChunk } from '../../../../shared/dto/logs';
import { packBatch } from '../../../../shared/log-batch';
import type { StreamMessage } from '../../../../shared/stream';
import { LogBuffer } from './log-buffer';
import { interleave, LogSource } from './log-source';

const line = (ts: number, text: string) => ({ ts: `2024-05-01T10:00:${String(ts).padStart(2, '0')}.000000000Z`, text });
const texts = (lines: readonly { text: string }[]) => lines.map((l) => l.text);

describe('interleave', () => {
  it('leaves one container page in its own order, even where its timestamps go back', () => {
    expect(texts(interleave([[line(1, 'a'), line(3, 'b'), line(2, 'c')]]))).toEqual(['a', 'b', 'c']);
  });

  it('interleaves several pages by timestamp without reordering any page', () => {
    const a = [line(1, 'a1'), line(5, 'a2'), line(4, 'a3')];
    const b = [line(2, 'b1'), line(3, 'b2'), line(6, 'b3')];
    expect(texts(interleave([a, b]))).toEqual(['a1', 'b1', 'b2', 'a2', 'a3', 'b3']);
    expect(interleave([a, [], b])).toHaveLength(6);
  });
});

describe('LogSource and the start of the log', () => {
  type Listener = (message: StreamMessage<LogsChunk>) => void;
  function rig(cap: number) {
    let listener: Listener = () => undefined;
    const api = {
      logs: {
        follow: (_input: unknown, l: Listener) => {
          listener = l;
          return () => undefined;
        },
      },
    } as unknown as BerthApi;
    const buffer = new LogBuffer(cap);
    const source = new LogSource(api, buffer, ['c1'], 10);
    source.start();
    const send = (...items: LogsChunk[]) => listener({ type: 'data', items });
    const lines = (from: number, count: number): LogsChunk => ({
      kind: 'lines',
      container: 'c1',
      ...packBatch(
        Array.from({ length: count }, (_, i) => ({ ts: stamp(from + i), text: `l${from + i}`, stderr: false })),
      ),
    });
    return { source, buffer, send, lines };
  }
  const stamp = (n: number) =>
    `2024-05-01T10:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000000000Z`;

  it('is at the start when main says the lines begin with the first one', () => {
    const { source, send, lines } = rig(100);
    send(lines(0, 5));
    expect(source.atStart).toBe(false);
    send({ kind: 'beginning', container: 'c1' });
    expect(source.atStart).toBe(true);
  });

  it('is no longer at the start once the cap lets the first lines go', () => {
    const { source, buffer, send, lines } = rig(20);
    send(lines(0, 5), { kind: 'beginning', container: 'c1' });
    expect(source.atStart).toBe(true);
    send(lines(5, 30));
    expect(buffer.dropped).toBeGreaterThan(0);
    expect(source.atStart).toBe(false);
  });

  it('ignores the hint when the cap dropped lines before it came', () => {
    const { source, send, lines } = rig(20);
    send(lines(0, 40), { kind: 'beginning', container: 'c1' });
    expect(source.atStart).toBe(false);
  });
});
