/**
 * Where the window may go. The app is one page (out/renderer/index.html, or a dev server URL), so every
 * navigation away from it is denied and every new-window request is either handed to the OS browser
 * (http/https only) or dropped: Berth never opens a second BrowserWindow for content.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page: same scheme, host, port and path, no credentials. Query and fragment
 * may differ (in-page state). Origins are not compared because every file: URL has the opaque origin "null".
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appUrl);
  if (!candidate || !app) return false;
  if (candidate.username !== '' || candidate.password !== '') return false;
  return candidate.protocol === app.protocol && candidate.host === app.host && candidate.pathname === app.pathname;
}

export type NavigationDecision = 'allow' | 'deny';

export function decideNavigation(url: string, appUrl: string): NavigationDecision {
  return isAppUrl(url, appUrl) ? 'allow' : 'deny';
}

export type WindowOpenDecision = 'open-external' | 'deny';

/** Links the app renders (docs, registry pages) go to the OS browser; anything else is refused. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  const target = parse(url);
  if (!target) return 'deny';
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return 'deny';
  // user:pass@host links are a classic way to disguise where a link really goes.
  if (target.username !== '' || target.password !== '') return 'deny';
  if (target.hostname === '') return 'deny';
  return 'open-external';
}
