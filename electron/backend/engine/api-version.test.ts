import { describe, expect, it } from 'vitest';
import { compareApiVersions, CLIENT_API_VERSION, negotiateApiVersion } from './api-version';

describe('negotiateApiVersion', () => {
  it('never asks more than the engine offers', () => {
    expect(negotiateApiVersion('1.41')).toBe('1.41');
    expect(negotiateApiVersion('1.44')).toBe('1.44');
    expect(negotiateApiVersion('1.47')).toBe('1.47');
  });
  it('speaks its own newest version to a newer engine', () => {
    expect(negotiateApiVersion('1.52')).toBe(CLIENT_API_VERSION);
    expect(negotiateApiVersion('2.0')).toBe(CLIENT_API_VERSION);
  });
  it('compares numerically, not as text', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(negotiateApiVersion('1.9', '1.41')).toBe('1.9');
  });
});
