import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/backend/core/csp';
import indexHtml from '../../index.html?raw';

describe('renderer/index.html', () => {
  it('carries the Content-Security-Policy that main sends as a header, less what a meta tag cannot carry', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml);
    expect(meta?.[1]).toBe(contentSecurityPolicy('meta'));
  });

  it('has no inline script or style for that policy to block', () => {
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(indexHtml).not.toMatch(/<style|\sstyle=/i);
  });

  it('is titled Berth', () => {
    expect(indexHtml).toContain('<title>Berth</title>');
  });
});
