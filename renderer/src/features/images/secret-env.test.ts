import { describe, expect, it } from 'vitest';
import { isSecretKey, splitEnv } from './secret-env';

describe('secret env keys', () => {
  it.each(['DB_PASSWORD', 'POSTGRES_PASS', 'GITHUB_TOKEN', 'API_KEY', 'aws_secret_access_key', 'BASIC_AUTH'])(
    '%s is masked',
    (key) => expect(isSecretKey(key)).toBe(true),
  );
  it.each(['PATH', 'HOME', 'LANG', 'NODE_VERSION'])('%s is shown', (key) => expect(isSecretKey(key)).toBe(false));
  it('splits at the first =', () => {
    expect(splitEnv('A=b=c')).toEqual({ key: 'A', value: 'b=c' });
    expect(splitEnv('FLAG')).toEqual({ key: 'FLAG', value: '' });
  });
});
