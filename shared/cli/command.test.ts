import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dockerCommand, formatCommand, quoteArg } from './command';

describe('quoteArg', () => {
  it('leaves safe words bare', () => {
    expect(quoteArg('berth-fixture/busybox:1')).toBe('berth-fixture/busybox:1');
    expect(quoteArg('--time=10')).toBe('--time=10');
  });

  it('quotes anything the shell would split or expand', () => {
    for (const arg of ['', 'two words', '$HOME', "it's", 'a;b', '`x`', 'glob*', 'new\nline', '"q"']) {
      const quoted = quoteArg(arg);
      // The shell hands back exactly the original argument.
      expect(execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(arg);
    }
  });
});

describe('formatCommand', () => {
  it('joins quoted arguments', () => {
    expect(formatCommand(['docker', 'rename', 'old', 'new name'])).toBe("docker rename old 'new name'");
    expect(dockerCommand('stop', '--time', '10', 'web')).toBe('docker stop --time 10 web');
  });
});
