import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpackBatch } from '../../../shared/log-batch';
import { PackedLines } from './logs.batch';
import { LogDecoder, PARTIAL_BYTES } from './logs.decode';
import { FrameDemuxer, type OutputStream } from './logs.demux';

interface Line {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly text: string;
}

const TS = (i: number) => `2024-05-01T10:00:00.${String(i).padStart(9, '0')}Z`;

function frame(stream: OutputStream, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head[0] = stream === 'stderr' ? 2 : 1;
  head.writeUInt32BE(payload.length, 4);
  return Buffer.concat([head, payload]);
}

/** What the engine sends for one line: messages of at most PARTIAL_BYTES, all stamped with the line's time. */
function messages(line: Line, eol = '\n'): Buffer[] {
  const body = Buffer.from(line.text + eol, 'utf8');
  const out: Buffer[] = [];
  for (let at = 0; at < body.length || at === 0; at += PARTIAL_BYTES) {
    out.push(Buffer.concat([Buffer.from(`${line.ts} `), body.subarray(at, at + PARTIAL_BYTES)]));
    if (body.length === 0) break;
  }
  return out;
}

const framed = (lines: readonly Line[]) =>
  Buffer.concat(lines.flatMap((l) => messages(l).map((m) => frame(l.stream, m))));
const raw = (lines: readonly Line[]) => Buffer.concat(lines.flatMap((l) => messages(l, '\r\n')));

function splitAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}

/** Decodes through the same packing as the service, so UTF-8 is checked the way it is shipped. */
function decode(tty: boolean, pieces: readonly Buffer[]): Line[] {
  const packed = new PackedLines(16, 2);
  const decoder = new LogDecoder(tty, (stream, ts, text) => packed.add(stream, ts, text));
  for (const p of pieces) decoder.push(Buffer.from(p));
  decoder.end();
  return unpackBatch(packed.take()).map((l) => ({ stream: l.stderr ? 'stderr' : 'stdout', ts: l.ts, text: l.text }));
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\u001b[31m', ' '), minLength: 16_000, maxLength: 20_000 }),
);
const lines = fc.array(
  fc.record({ stream: fc.constantFrom<OutputStream>('stdout', 'stderr'), text: text.filter((t) => !/[\n\r]/.test(t)) }),
  { maxLength: 12 },
);
const cuts = fc.array(fc.nat(), { maxLength: 40 });
const stamped = (ls: readonly { stream: OutputStream; text: string }[]) => ls.map((l, i) => ({ ...l, ts: TS(i) }));

describe('FrameDemuxer', () => {
  it('yields the same frames however the bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 300 })), { maxLength: 10 }),
        cuts,
        (fs, at) => {
          const expected = fs.map(([err, p]) => [err ? 'stderr' : 'stdout', Buffer.from(p).toString('hex')]);
          const bytes = Buffer.concat(fs.map(([err, p]) => frame(err ? 'stderr' : 'stdout', Buffer.from(p))));
          const demuxer = new FrameDemuxer();
          const got: string[][] = [];
          for (const piece of splitAt(bytes, at)) demuxer.push(piece, (s, p) => got.push([s, p.toString('hex')]));
          expect(got).toEqual(expected);
          expect(demuxer.leftover).toBe(0);
        },
      ),
    );
  });

  it('holds a header cut after one byte until the rest arrives', () => {
    const bytes = frame('stderr', Buffer.from('boom'));
    const got: string[] = [];
    const demuxer = new FrameDemuxer();
    for (const b of bytes) demuxer.push(Buffer.from([b]), (s, p) => got.push(`${s}:${p.toString()}`));
    expect(got).toEqual(['stderr:boom']);
  });
});

describe('LogDecoder', () => {
  it('gives back every line, stream and timestamp across any chunk split (framed)', () => {
    fc.assert(
      fc.property(lines, cuts, (ls, at) => {
        const input = stamped(ls);
        expect(decode(false, splitAt(framed(input), at))).toEqual(input);
      }),
      { numRuns: 60 },
    );
  });

  it('reads TTY streams raw, joins partial messages and drops the carriage return', () => {
    fc.assert(
      fc.property(lines, cuts, (ls, at) => {
        const input = stamped(ls).map((l) => ({ ...l, stream: 'stdout' as const }));
        expect(decode(true, splitAt(raw(input), at))).toEqual(input);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a character split between two chunks whole', () => {
    const bytes = framed([{ stream: 'stdout', ts: TS(1), text: 'prix: 5 €' }]);
    const mid = bytes.length - 2; // inside the three bytes of €
    expect(decode(false, [bytes.subarray(0, mid), bytes.subarray(mid)]).map((l) => l.text)).toEqual(['prix: 5 €']);
  });

  it('joins a line longer than 16 KB that the engine stored as partial messages', () => {
    const long = 'é'.repeat(20_000); // 40,000 bytes: three messages, the first cut inside a character
    const out = decode(false, [framed([{ stream: 'stdout', ts: TS(3), text: long }])]);
    expect(out).toEqual([{ stream: 'stdout', ts: TS(3), text: long }]);
  });

  it('shows invalid bytes as U+FFFD', () => {
    const payload = Buffer.concat([Buffer.from(`${TS(1)} ok `), Buffer.from([0xff, 0xc3]), Buffer.from(' end\n')]);
    expect(decode(false, [frame('stdout', payload)])[0]?.text).toBe('ok \uFFFD\uFFFD end');
  });

  it('keeps stderr apart from stdout', () => {
    const input: Line[] = [
      { stream: 'stdout', ts: TS(1), text: 'out 1' },
      { stream: 'stderr', ts: TS(2), text: 'err 1' },
      { stream: 'stdout', ts: TS(3), text: 'out 2' },
    ];
    expect(decode(false, [framed(input)]).map((l) => `${l.stream}:${l.text}`)).toEqual([
      'stdout:out 1',
      'stderr:err 1',
      'stdout:out 2',
    ]);
  });

  it('delivers a line cut short by the end of the stream', () => {
    const payload = Buffer.from(`${TS(1)} no newline`);
    expect(decode(false, [frame('stdout', payload)])).toEqual([{ stream: 'stdout', ts: TS(1), text: 'no newline' }]);
  });
});
