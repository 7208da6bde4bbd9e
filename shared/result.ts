/** Every request across the main/renderer boundary resolves to one of these; nothing is thrown across it. */

export const ERROR_CODES = [
  'ENGINE_UNREACHABLE',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'PERMISSION_DENIED',
  'UNKNOWN_CHANNEL',
  'CANCELLED',
  'TIMEOUT',
  'ENGINE_ERROR',
  'INTERNAL',
  /** Browser mode only: the page lost its WebSocket to the Berth server. */
  'BRIDGE_DISCONNECTED',
  /** Asked of a part this Berth does not have, e.g. a native file dialog in the browser mode. */
  'NOT_SUPPORTED',
  /** A bound on a resource was reached (too many subscriptions, requests at once, bytes uploaded). */
  'LIMIT_REACHED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface BerthError {
  readonly code: ErrorCode;
  /** One plain sentence a user can read. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BerthError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export function isBerthError(value: unknown): value is BerthError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

/** An Error that carries a BerthError through service code; the registrar turns it back into a Result. */
export class BerthFailure extends Error {
  readonly error: BerthError;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'BerthFailure';
    this.error = details === undefined ? { code, message } : { code, message, details };
  }
}
