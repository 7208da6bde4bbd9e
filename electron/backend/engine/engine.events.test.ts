import { describe, expect, it } from 'vitest';
import { parseEventLine, splitLines } from './engine.events';

describe('splitLines', () => {
  it('keeps an unfinished line for the next chunk', () => {
    const first = splitLines('', '{"a":1}\n{"b"');
    expect(first).toEqual({ lines: ['{"a":1}'], rest: '{"b"' });
    expect(splitLines(first.rest, ':2}\n\n{"c":3}\n')).toEqual({ lines: ['{"b":2}', '{"c":3}'], rest: '' });
  });
});

describe('parseEventLine', () => {
  it('parses an event line and ignores garbage', () => {
    expect(parseEventLine('{"Type":"image","Action":"tag","Actor":{"ID":"sha256:1"},"time":3}')).toEqual({
      scope: 'image',
      action: 'tag',
      id: 'sha256:1',
      time: 3000,
    });
    expect(parseEventLine('not json')).toBeNull();
  });
});
