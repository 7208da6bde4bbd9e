/**
 * Serves the built renderer: GET/HEAD only, confined to one directory (no traversal, no symlink escape, no
 * dotfiles), with the same security headers on every response the bridge sends.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentSecurityPolicy } from '../backend/core/csp';
import { splitTarget } from './auth';

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export const contentTypeFor = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export type StaticTarget =
  { readonly ok: true; readonly file: string } | { readonly ok: false; readonly status: 400 | 404 };

/**
 * Maps a request target to a file under root, lexically. Every segment is checked after decoding, so
 * `..`, `%2e%2e`, `..%2f` and dotfiles are all refused rather than normalised away.
 */
export function resolveStaticTarget(root: string, target: string | undefined): StaticTarget {
  const split = splitTarget(target);
  if (split === null) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(split.path);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return { ok: false, status: 404 };
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return { ok: false, status: 404 };
  return { ok: true, file };
}

/** The real file behind a lexically safe path, or null when a symlink leads out of root or it is no file. */
async function confinedFile(root: string, file: string): Promise<{ real: string; size: number } | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!real.startsWith(realRoot + path.sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { real, size: info.size } : null;
  } catch {
    return null;
  }
}

export function sendPlain(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendPlain(res, 405, 'Only GET and HEAD are allowed here.', {
      Allow: 'GET, HEAD',
    });
    return;
  }
  const target = resolveStaticTarget(root, req.url);
  if (!target.ok) {
    sendPlain(res, target.status, target.status === 400 ? 'Bad request path.' : 'Not found.');
    return;
  }
  const found = await confinedFile(root, target.file);
  if (found === null) {
    sendPlain(res, 404, 'Not found.');
    return;
  }
  const isIndex = path.basename(found.real) === 'index.html';
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': contentTypeFor(found.real),
    'Content-Length': String(found.size),
    // index.html names the hashed bundles of this build, so it must never be reused; the bundles may be.
    'Cache-Control': isIndex ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(found.real), res);
  } catch {
    // The client went away mid-file, or the file vanished: nothing left to tell anyone.
    res.destroy();
  }
}
