import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code';

describe('splitInlineCode', () => {
  it('marks the parts between backticks as code', () => {
    expect(splitInlineCode('Start it with `npm run serve` and open the address.')).toEqual([
      { text: 'Start it with ', code: false },
      { text: 'npm run serve', code: true },
      { text: ' and open the address.', code: false },
    ]);
  });

  it('leaves a message without backticks as it is', () => {
    expect(splitInlineCode('The engine is down.')).toEqual([{ text: 'The engine is down.', code: false }]);
  });

  it('treats an unmatched backtick as an ordinary character', () => {
    expect(splitInlineCode('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
  });

  it('keeps markup-looking text as plain text', () => {
    expect(splitInlineCode('`<b>x</b>`')).toEqual([{ text: '<b>x</b>', code: true }]);
  });
});
