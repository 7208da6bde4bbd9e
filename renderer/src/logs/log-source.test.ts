import { describe, expect, it } from 'vitest';
import { interleave } from './log-source';

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
