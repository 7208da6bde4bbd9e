import { describe, expect, it } from 'vitest';
import { packBatch } from '../../../../shared/log-batch';
import { LogBuffer } from './log-buffer';
import { isSelected, linesText, selectAll, selectedCount, selectedRows } from './line-selection';

const ts = (n: number) => `2024-05-01T10:00:${String(n).padStart(2, '0')}.000000000Z`;

function bufferOf(count: number, cap = 100): LogBuffer {
  const b = new LogBuffer(cap);
  b.append(0, packBatch(Array.from({ length: count }, (_, i) => ({ ts: ts(i), text: `l${i}`, stderr: i % 3 === 0 }))));
  return b;
}

describe('line selection', () => {
  it('selects the range between anchor and focus in either direction', () => {
    const buffer = bufferOf(10);
    const shown = { buffer, rows: null };
    expect(selectedRows({ anchor: 7, focus: 3 }, shown)).toEqual([3, 4, 5, 6, 7]);
    expect(selectedCount({ anchor: 3, focus: 7 }, shown)).toBe(5);
    expect(isSelected({ anchor: 7, focus: 3 }, 5)).toBe(true);
    expect(isSelected({ anchor: 7, focus: 3 }, 8)).toBe(false);
    expect(selectedRows(null, shown)).toEqual([]);
  });

  it('keeps to the rows a filter shows', () => {
    const buffer = bufferOf(10);
    const shown = { buffer, rows: buffer.stderrRows() };
    expect(shown.rows).toEqual([0, 3, 6, 9]);
    expect(selectedRows({ anchor: 2, focus: 7 }, shown)).toEqual([3, 6]);
    expect(selectedCount({ anchor: 2, focus: 7 }, shown)).toBe(2);
    expect(selectAll(shown)).toEqual({ anchor: 0, focus: 9 });
  });

  it('leaves out lines the cap dropped', () => {
    const buffer = bufferOf(30, 20);
    expect(buffer.offset).toBe(10);
    expect(selectedRows({ anchor: 5, focus: 12 }, { buffer, rows: null })).toEqual([10, 11, 12]);
    expect(selectAll({ buffer, rows: null })).toEqual({ anchor: 10, focus: 29 });
    buffer.clear();
    expect(selectedCount({ anchor: 10, focus: 29 }, { buffer, rows: null })).toBe(0);
    expect(selectAll({ buffer, rows: null })).toBeNull();
  });

  it('copies lines as shown: colour codes removed, the time and the container when they are shown', () => {
    const buffer = new LogBuffer(100);
    buffer.append(0, packBatch([{ ts: ts(1), text: '\u001b[31mred\u001b[0m alert', stderr: false }]));
    buffer.append(1, packBatch([{ ts: ts(2), text: 'from b', stderr: true }]));
    const formatTime = (t: string) => `<${t.slice(17, 19)}>`;
    expect(linesText(buffer, [0, 1], { timestamps: false, names: ['a'], formatTime })).toBe('red alert\nfrom b');
    expect(linesText(buffer, [0, 1], { timestamps: true, names: ['web', 'db'], formatTime })).toBe(
      'web <01> red alert\ndb <02> from b',
    );
  });
});
