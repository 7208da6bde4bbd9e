import { describe, expect, it } from 'vitest';
import { packBatch } from '../../../../shared/log-batch';
import { stripAnsi } from './ansi';
import { LogBuffer } from './log-buffer';
import { compileQuery, LogSearch, matchRanges, type SearchQuery } from './log-search';

const ts = (n: number) => `2024-05-01T10:00:${String(n).padStart(2, '0')}.000000000Z`;
const batch = (from: number, texts: string[]) =>
  packBatch(texts.map((text, i) => ({ ts: ts(from + i), text, stderr: false })));

/** Runs a search to the end and gives its hits. */
async function hits(buffer: LogBuffer, q: Partial<SearchQuery>): Promise<number[]> {
  const pattern = compileQuery({ text: '', caseSensitive: false, regex: false, ...q });
  if (!(pattern instanceof RegExp)) throw new Error(String(pattern));
  return new Promise((resolve) => {
    const search = new LogSearch(buffer, pattern, () => search.done && resolve(search.hits));
    search.update();
  });
}

/** What a line-by-line search finds: the reference the chunk search must agree with. */
function perLine(buffer: LogBuffer, q: Partial<SearchQuery>): number[] {
  const pattern = compileQuery({ text: '', caseSensitive: false, regex: false, ...q }) as RegExp;
  const out: number[] = [];
  for (let i = 0; i < buffer.length; i++) {
    for (const _ of matchRanges(stripAnsi(buffer.textAt(i)), pattern)) out.push(buffer.offset + i);
  }
  return out;
}

describe('LogSearch over packed chunks', () => {
  const buffer = new LogBuffer(100);
  buffer.append(0, batch(0, ['alpha beta', 'beta beta', '', 'gamma']));
  buffer.append(0, batch(10, ['beta', 'x\u001b[31mbe\u001b[0mta', 'delta']));

  it('counts every occurrence in its row, across chunks, with ANSI codes stripped', async () => {
    expect(await hits(buffer, { text: 'beta' })).toEqual([0, 1, 1, 4, 5]);
  });

  it('keeps ^ and $ to one line', async () => {
    expect(await hits(buffer, { text: '^beta', regex: true })).toEqual([1, 4]);
    expect(await hits(buffer, { text: 'a$', regex: true })).toEqual(perLine(buffer, { text: 'a$', regex: true }));
  });

  it('never matches across a newline: such a line is searched on its own', async () => {
    for (const text of ['a\\s+b', 'beta[^x]*', '\\W+g', 'a\\n']) {
      expect(await hits(buffer, { text, regex: true })).toEqual(perLine(buffer, { text, regex: true }));
    }
    expect(await hits(buffer, { text: 'a\\s+b', regex: true })).toEqual([0, 1]);
  });

  it('keeps lookarounds to one line: they cannot see the neighbouring lines', async () => {
    for (const text of ['(?<=\\n)beta', '(?<=a\\s)beta', '(?<!a )beta', 'a(?=\\n)', 'beta(?!\\s)']) {
      expect(await hits(buffer, { text, regex: true }), text).toEqual(perLine(buffer, { text, regex: true }));
    }
    expect(await hits(buffer, { text: '(?<=\\n)beta', regex: true })).toEqual([]);
  });

  it('searches only the lines the buffer still shows after the cap dropped some', async () => {
    const capped = new LogBuffer(10);
    capped.append(
      0,
      batch(
        0,
        Array.from({ length: 15 }, (_, i) => `n${i}`),
      ),
    );
    expect(await hits(capped, { text: 'n1' })).toEqual([10, 11, 12, 13, 14]);
  });
});
