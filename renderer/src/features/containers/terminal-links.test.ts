import { describe, expect, it } from 'vitest';
import { terminalLinkHandler, terminalLinkTarget } from './terminal-links';

describe('terminalLinkTarget', () => {
  it('keeps plain http and https addresses', () => {
    expect(terminalLinkTarget('https://docs.docker.com/engine/')).toBe('https://docs.docker.com/engine/');
    expect(terminalLinkTarget('http://127.0.0.1:8080/x?y=1')).toBe('http://127.0.0.1:8080/x?y=1');
  });

  it('refuses every other scheme, credentials in the address, garbage and huge strings', () => {
    for (const uri of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>x</script>',
      'vscode://extension/x',
      'ssh://root@host',
      'https://user:pass@example.com/',
      'not a url',
      '',
      `https://example.com/${'a'.repeat(3000)}`,
    ])
      expect(terminalLinkTarget(uri), uri).toBeNull();
  });
});

describe('terminalLinkHandler', () => {
  it('opens an http link only after the user confirms, and never asks about other schemes', () => {
    const asked: string[] = [];
    const opened: string[] = [];
    let answer = false;
    const handler = terminalLinkHandler(
      (q) => (asked.push(q), answer),
      (url) => opened.push(url),
    );
    const click = {} as MouseEvent;
    handler.activate(click, 'file:///etc/shadow');
    handler.activate(click, 'javascript:alert(1)');
    expect(asked).toEqual([]);
    handler.activate(click, 'https://example.com/');
    expect(asked[0]).toContain('https://example.com/');
    expect(opened).toEqual([]);
    answer = true;
    handler.activate(click, 'https://example.com/');
    expect(opened).toEqual(['https://example.com/']);
    expect(handler.allowNonHttpProtocols).toBe(false);
  });
});
