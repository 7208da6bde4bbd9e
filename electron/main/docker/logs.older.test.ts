import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutputStream } from './logs.demux';
import { readOlder, SLACK_NS, type OlderCursor, type WindowReader } from './logs.older';
import { nsToTimestamp, SECOND_NS, timestampToNs } from './logs.time';

interface Entry {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly text: string;
}

const BASE = timestampToNs('2026-01-01T00:00:00Z');

/**
 * The engine's since/until over a log kept in its own order, as measured against `docker logs` on Engine 20.10:
 * `since` skips each line stamped earlier, `until` ends the answer at the first line stamped later.
 */
function engine(log: readonly Entry[]): { read: WindowReader; reads: number } {
  const probe = {
    reads: 0,
    read: async (sinceNs: bigint, untilNs: bigint, sink: Parameters<WindowReader>[2], signal: AbortSignal) => {
      probe.reads += 1;
      await Promise.resolve();
      for (const line of log) {
        if (signal.aborted) return;
        const ns = timestampToNs(line.ts);
        if (ns < sinceNs) continue;
        if (ns > untilNs) return;
        sink(line.stream, line.ts, Buffer.from(line.text));
      }
    },
  };
  return probe;
}

/** Pages back from a view holding the newest `shown` lines until the start; returns everything the view holds. */
async function pageBack(log: readonly Entry[], shown: number, limit: number): Promise<Entry[]> {
  const { read } = engine(log);
  const startNs = timestampToNs(log[0]?.ts ?? nsToTimestamp(BASE)) - SECOND_NS;
  let view = log.slice(-shown);
  for (let pages = 0; pages <= log.length; pages++) {
    const oldest = view[0];
    if (oldest === undefined) break;
    const cursor: OlderCursor = { ts: oldest.ts, held: view.filter((l) => l.ts === oldest.ts).length };
    const page = await readOlder(read, cursor, startNs, limit);
    view = [...page.lines.map((l) => ({ stream: l.stream, ts: l.ts, text: l.text.toString() })), ...view];
    if (page.atStart) return view;
  }
  throw new Error('never reached the start');
}

const at = (ns: bigint) => nsToTimestamp(BASE + ns);

describe('readOlder', () => {
  it('finds a cursor stamped earlier than the lines written before it, and loses none of them', async () => {
    // What a loaded engine wrote: "e 9" was stamped before "n 6".."n 9" but appended after them.
    const log: Entry[] = [
      ...Array.from({ length: 10 }, (_, i) => ({
        stream: 'stdout' as const,
        ts: at(BigInt(i) * 1000n),
        text: `n ${i}`,
      })),
    ];
    log.splice(10, 0, { stream: 'stderr', ts: at(5500n), text: 'e 9' });
    log.push({ stream: 'stdout', ts: at(11_000n), text: 'n 10' });
    // The view holds "e 9" and after: until=e 9's time would end the answer at "n 6".
    const { read } = engine(log);
    const page = await readOlder(read, { ts: at(5500n), held: 1 }, BASE - SECOND_NS, 100);
    expect(page.lines.map((l) => l.text.toString())).toEqual(log.slice(0, 10).map((l) => l.text));
    expect(page.atStart).toBe(true);
  });

  it('pages a log with gaps of minutes back to its start, window by window', async () => {
    const log: Entry[] = [];
    let ns = 0n;
    for (let i = 0; i < 300; i++) {
      ns += i % 50 === 0 ? 200n * SECOND_NS : 1_000_000n;
      log.push({ stream: 'stdout', ts: at(ns), text: `line ${i}` });
    }
    expect(await pageBack(log, 40, 70)).toEqual(log);
  });

  it('skips exactly the lines the view holds that share the cursor timestamp', async () => {
    const same = at(5000n);
    const log: Entry[] = [
      { stream: 'stdout', ts: at(1000n), text: 'a' },
      { stream: 'stdout', ts: same, text: 'b' },
      { stream: 'stdout', ts: same, text: 'c' },
      { stream: 'stdout', ts: same, text: 'd' },
      { stream: 'stdout', ts: at(9000n), text: 'e' },
    ];
    const { read } = engine(log);
    const texts = async (held: number) =>
      (await readOlder(read, { ts: same, held }, BASE - SECOND_NS, 10)).lines.map((l) => l.text.toString());
    expect(await texts(1)).toEqual(['a', 'b', 'c']);
    expect(await texts(3)).toEqual(['a']);
    expect(await texts(0)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps no line from where the window start may have skipped a neighbour stamped a little earlier', async () => {
    // "l2" was stamped before the window of the first read starts, but sits between lines inside it.
    const log: Entry[] = [9_000n, 10_200n, 9_900n, 10_500n, 11_000n, 20_000n].map((ms, i) => ({
      stream: 'stdout',
      ts: at(ms * 1_000_000n),
      text: `l${i}`,
    }));
    const { read } = engine(log);
    const page = await readOlder(read, { ts: log[5]!.ts, held: 1 }, BASE - SECOND_NS, 3);
    expect(page.lines.map((l) => l.text.toString())).toEqual(['l2', 'l3', 'l4']);
    expect(await pageBack(log, 1, 3)).toEqual(log);
  });

  it('falls back to the lines stamped before the cursor when the cursor is gone from the log', async () => {
    const log: Entry[] = [0n, 1000n, 2000n, 4000n].map((n, i) => ({ stream: 'stdout', ts: at(n), text: `l${i}` }));
    const { read } = engine(log);
    const page = await readOlder(read, { ts: at(3000n), held: 1 }, BASE - SECOND_NS, 10);
    expect(page.lines.map((l) => l.text.toString())).toEqual(['l0', 'l1', 'l2']);
  });

  it('stops reading soon after the cursor instead of reading the whole slack', async () => {
    const log: Entry[] = Array.from({ length: 40_000 }, (_, i) => ({
      stream: 'stdout',
      ts: at(BigInt(i) * 1000n),
      text: `l${i}`,
    }));
    let delivered = 0;
    const { read } = engine(log);
    const counting: WindowReader = (s, u, sink, signal) => read(s, u, (...a) => (delivered++, sink(...a)), signal);
    const page = await readOlder(counting, { ts: log[5000]!.ts, held: 1 }, BASE - SECOND_NS, 100);
    expect(page.lines.map((l) => l.text.toString())).toEqual(log.slice(4900, 5000).map((l) => l.text));
    expect(delivered).toBeLessThan(5000 + 10_000 + 10);
  });

  it('property: paging back reproduces the whole log in its own order, whatever the reordering within the slack', async () => {
    const entries = fc.array(
      fc.record({
        gap: fc.oneof(
          fc.bigInt({ min: 0n, max: 3000n }),
          fc.constantFrom(0n, SECOND_NS / 4n, 3n * SECOND_NS, 9n * SECOND_NS, 40n * SECOND_NS),
        ),
        // A line stamped up to this much before its place in the log, as the engine's copiers do under load.
        late: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: SLACK_NS / 2n })),
        stderr: fc.boolean(),
      }),
      { minLength: 1, maxLength: 160 },
    );
    await fc.assert(
      fc.asyncProperty(
        entries,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 50 }),
        async (raw, shown, limit) => {
          let clock = SECOND_NS;
          const log: Entry[] = raw.map((r, i) => {
            clock += r.gap;
            const ns = clock - r.late < 0n ? 0n : clock - r.late;
            return { stream: r.stderr ? 'stderr' : 'stdout', ts: at(ns), text: `line ${i}` };
          });
          expect(await pageBack(log, Math.min(shown, log.length), limit)).toEqual(log);
        },
      ),
      { numRuns: 300 },
    );
  });
});
