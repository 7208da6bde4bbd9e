/**
 * The renderer is served from `app://berth/`, a custom scheme main answers itself, rather than from file://. A
 * file: page may read other file: URLs and has the opaque origin "null"; an app: page has its own origin, reaches
 * only the files of out/renderer (no traversal, no dotfiles, no symlink out), and every answer carries the CSP as
 * a header. So the packaged app keeps `grantFileProtocolExtraPrivileges` off (electron-builder.yml).
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../../backend/core/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'berth';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before the app is ready: standard (real origin, relative URLs resolve), secure (like https, so the
 * page is a secure context), fetch allowed for the page's own module scripts. No CORS, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The file under `root` that an app: URL names, or null when it names something else or climbs out. */
export function appFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // `..` and `%2e%2e` alike, and dotfiles.
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return file.startsWith(base + path.sep) ? file : null;
}

export interface AppAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

const headers = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

/** What main answers for an app: URL: the file, or a plain 404 (also for a link that leads out of root). */
export async function answerAppRequest(url: string, root: string): Promise<AppAnswer> {
  const notFound: AppAnswer = { status: 404, headers: headers('text/plain; charset=utf-8'), body: 'Not found.' };
  const file = appFileFor(url, root);
  if (file === null) return notFound;
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!real.startsWith(realRoot + path.sep)) return notFound;
    const body = await readFile(real);
    const type = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: headers(type), body };
  } catch {
    return notFound;
  }
}

/** The part of Electron's `protocol` module this needs. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: { readonly url: string }) => Promise<Response>): void;
}

/** Answers app:// from the built renderer folder. */
export function registerAppProtocol(protocol: ProtocolLike, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(request.url, root);
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
