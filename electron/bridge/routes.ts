/**
 * The bridge's extra HTTP routes (image tar transfers, log downloads): their shape, and the JSON answer they
 * give when they refuse or report.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/result';
import { securityHeaders } from './static';

/** What the bridge calls for paths it does not serve itself; true when the request was handled. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse, port: number) => boolean;

export function reply(
  res: ServerResponse,
  status: number,
  result: Result<unknown>,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    ...securityHeaders(),
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
