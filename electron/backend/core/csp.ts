/**
 * The Content-Security-Policy of the renderer, the same in Electron (meta tag + response header) and in the
 * browser bridge (response header). Engine output is never HTML, so nothing inline is allowed.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // 'self' covers the bridge's same-origin WebSocket; Electron has no network use at all.
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

/** Browsers ignore frame-ancestors in a meta tag and log an error for it, so the meta form leaves it out. */
const HEADER_ONLY = new Set(['frame-ancestors']);

export function contentSecurityPolicy(delivery: 'header' | 'meta' = 'header'): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
