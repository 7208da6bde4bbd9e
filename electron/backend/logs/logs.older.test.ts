import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutputStream } from './logs.demux';
import { readOlder, SLACK_NS, type OlderReaders, type WindowReader } from './logs.older';
import { nsToTimestamp, SECOND_NS, timestampToNs } from './logs.time';

interface Entry {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly text: string;
}

const BASE = timestampToNs('2026-01-01T00:00:00Z');

type Sink = Parameters<WindowReader>[2];
type Strategy = 'tail' | 'windows';

/**
 * The engine's since/until/tail over a log kept in its own order, as measured against `docker logs` on Engine
 * 20.10: `since` skips each line stamped earlier, `until` ends the answer at the first line stamped later, `tail`
 * starts that many lines before the end. With 'windows' the tail finds nothing, as if the cursor were too far back.
 */
function engine(log: readonly Entry[], strategy: Strategy = 'tail') {
  const probe = { windows: 0, tails: 0, delivered: 0 };
  const replay = async (from: number, sinceNs: bigint, untilNs: bigint, sink: Sink, signal: AbortSignal) => {
    await Promise.resolve();
    for (const line of log.slice(from)) {
      if (signal.aborted) return;
      const ns = timestampToNs(line.ts);
      if (ns < sinceNs) continue;
      if (ns > untilNs) return;
      probe.delivered += 1;
      sink(line.stream, line.ts, Buffer.from(line.text));
    }
  };
  const readers: OlderReaders = {
    window: (sinceNs, untilNs, sink, signal) => {
      probe.windows += 1;
      return replay(0, sinceNs, untilNs, sink, signal);
    },
    tail: (tail, untilNs, sink, signal) => {
      probe.tails += 1;
      return strategy === 'tail'
        ? replay(Math.max(0, log.length - tail), 0n, untilNs, sink, signal)
        : Promise.resolve();
    },
  };
  return { readers, probe };
}

/** Pages back from a view holding the newest `shown` lines until the start; returns everything the view holds. */
async function pageBack(log: readonly Entry[], shown: number, limit: number, strategy: Strategy): Promise<Entry[]> {
  const { readers } = engine(log, strategy);
  const startNs = timestampToNs(log[0]?.ts ?? nsToTimestamp(BASE)) - SECOND_NS;
  let view = log.slice(-shown);
  for (let pages = 0; pages <= log.length; pages++) {
    const oldest = view[0];
    if (oldest === undefined) break;
    const held = view.filter((l) => l.ts === oldest.ts).length;
    const page = await readOlder(readers, { ts: oldest.ts, held, after: view.length }, startNs, limit);
    view = [...page.lines.map((l) => ({ stream: l.stream, ts: l.ts, text: l.text.toString() })), ...view];
    if (page.atStart) return view;
  }
  throw new Error('never reached the start');
}

const at = (ns: bigint) => nsToTimestamp(BASE + ns);

const texts = (page: { lines: readonly { text: Buffer }[] }) => page.lines.map((l) => l.text.toString());

describe.each(['tail', 'windows'] as const)('readOlder, reading %s', (strategy) => {
  it('finds a cursor stamped earlier than the lines written before it, and loses none of them', async () => {
    // What a loaded engine wrote: "e 9" was stamped before "n 6".."n 9" but appended after them.
    const log: Entry[] = Array.from({ length: 10 }, (_, i) => ({
      stream: 'stdout' as const,
      ts: at(BigInt(i) * 1000n),
      text: `n ${i}`,
    }));
    log.splice(10, 0, { stream: 'stderr', ts: at(5500n), text: 'e 9' });
    log.push({ stream: 'stdout', ts: at(11_000n), text: 'n 10' });
    // The view holds "e 9" and after: until=e 9's time would end the answer at "n 6".
    const { readers, probe } = engine(log, strategy);
    const page = await readOlder(readers, { ts: at(5500n), held: 1, after: 2 }, BASE - SECOND_NS, 100);
    expect(texts(page)).toEqual(log.slice(0, 10).map((l) => l.text));
    expect(page.atStart).toBe(true);
    if (strategy === 'tail') expect(probe.windows).toBe(0);
  });

  it('pages a log with gaps of minutes back to its start', async () => {
    const log: Entry[] = [];
    let ns = 0n;
    for (let i = 0; i < 300; i++) {
      ns += i % 50 === 0 ? 200n * SECOND_NS : 1_000_000n;
      log.push({ stream: 'stdout', ts: at(ns), text: `line ${i}` });
    }
    expect(await pageBack(log, 40, 70, strategy)).toEqual(log);
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
    const { readers } = engine(log, strategy);
    const older = async (held: number) => texts(await readOlder(readers, { ts: same, held }, BASE - SECOND_NS, 10));
    expect(await older(1)).toEqual(['a', 'b', 'c']);
    expect(await older(3)).toEqual(['a']);
    expect(await older(0)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps no line from where a window start may have skipped a neighbour stamped a little earlier', async () => {
    // "l2" was stamped before the window of the first read starts, but sits between lines inside it.
    const log: Entry[] = [9_000n, 10_200n, 9_900n, 10_500n, 11_000n, 20_000n].map((ms, i) => ({
      stream: 'stdout',
      ts: at(ms * 1_000_000n),
      text: `l${i}`,
    }));
    const { readers } = engine(log, strategy);
    const page = await readOlder(readers, { ts: log[5]!.ts, held: 1 }, BASE - SECOND_NS, 3);
    expect(texts(page)).toEqual(['l2', 'l3', 'l4']);
    expect(await pageBack(log, 1, 3, strategy)).toEqual(log);
  });

  it('falls back to the lines stamped before the cursor when the cursor is gone from the log', async () => {
    const log: Entry[] = [0n, 1000n, 2000n, 4000n].map((n, i) => ({ stream: 'stdout', ts: at(n), text: `l${i}` }));
    const { readers } = engine(log, strategy);
    expect(texts(await readOlder(readers, { ts: at(3000n), held: 1 }, BASE - SECOND_NS, 10))).toEqual([
      'l0',
      'l1',
      'l2',
    ]);
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
          expect(await pageBack(log, Math.min(shown, log.length), limit, strategy)).toEqual(log);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('readOlder, what it reads', () => {
  const flood: Entry[] = Array.from({ length: 40_000 }, (_, i) => ({
    stream: 'stdout',
    ts: at(BigInt(i) * 1000n),
    text: `l${i}`,
  }));
  const expected = flood.slice(4900, 5000).map((l) => l.text);

  it('reads from the end when told how many lines the view holds: one read, no window of time', async () => {
    const { readers, probe } = engine(flood);
    const page = await readOlder(readers, { ts: flood[5000]!.ts, held: 1, after: 35_000 }, BASE - SECOND_NS, 100);
    expect(texts(page)).toEqual(expected);
    expect(probe).toMatchObject({ tails: 1, windows: 0 });
  });

  it('finds the cursor from the end without being told, growing the tail', async () => {
    const { readers, probe } = engine(flood);
    const page = await readOlder(readers, { ts: flood[5000]!.ts, held: 1 }, BASE - SECOND_NS, 100);
    expect(texts(page)).toEqual(expected);
    expect(probe.tails).toBeGreaterThan(1);
    expect(probe.windows).toBe(0);
  });

  it('gives up on the end at once when the cursor is gone from the log, and pages by time', async () => {
    const sparse: Entry[] = Array.from({ length: 20_000 }, (_, i) => ({
      stream: 'stdout',
      ts: at(BigInt(i) * 1_000_000n),
      text: `l${i}`,
    }));
    const gone = at(15_000n * 1_000_000n + 500n);
    const { readers, probe } = engine(sparse);
    const page = await readOlder(readers, { ts: gone, held: 1, after: 3000 }, BASE - SECOND_NS, 100);
    expect(texts(page)).toEqual(sparse.slice(14_901, 15_001).map((l) => l.text));
    // The second, longer tail starts well before the cursor's time: no need to read on to MAX_TAIL.
    expect(probe.tails).toBe(2);
    expect(probe.windows).toBeGreaterThan(0);
  });

  it('stops reading a window soon after the cursor instead of reading the whole slack', async () => {
    const { readers, probe } = engine(flood, 'windows');
    const page = await readOlder(readers, { ts: flood[5000]!.ts, held: 1 }, BASE - SECOND_NS, 100);
    expect(texts(page)).toEqual(expected);
    expect(probe.delivered).toBeLessThan(5000 + 10_000 + 10);
  });
});
