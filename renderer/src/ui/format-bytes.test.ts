import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('prints whole bytes below a kilobyte', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
  });

  it('uses decimal units with three significant digits, like the Docker CLI', () => {
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(1_240_000)).toBe('1.24 MB');
    expect(formatBytes(812_345)).toBe('812 kB');
    expect(formatBytes(4_560_000_000)).toBe('4.56 GB');
  });

  it('carries a value that rounds up to 1000 into the next unit', () => {
    expect(formatBytes(999_700)).toBe('1 MB');
  });

  it('shows a dash for sizes the engine did not report', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});
