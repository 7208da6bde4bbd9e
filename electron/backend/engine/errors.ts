/**
 * The one place where engine answers and socket errors become Berth's error codes and plain sentences.
 * Nothing else in the backend decides what an HTTP status or an errno means.
 */
import type { UnreachableReason } from '../../../shared/dto/engine';
import { explainEngineError } from '../../../shared/engine-errors';
import { BerthFailure, isBerthError, type BerthError } from '../../../shared/result';

interface Classified {
  readonly reason: UnreachableReason;
  readonly message: string;
}

const record = (e: unknown): Record<string, unknown> =>
  typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};

const errnoOf = (e: unknown): string | undefined => {
  const code = record(e).code;
  return typeof code === 'string' ? code : undefined;
};

/** The HTTP status of a failed engine call (dockerode puts it on the error), or undefined for anything else. */
export const statusOf = (e: unknown): number | undefined => {
  const status = record(e).statusCode;
  return typeof status === 'number' ? status : undefined;
};

/** The engine's own words from a dockerode error, for matching; toBerthError makes the user's sentence. */
export const engineText = (e: unknown): string => {
  const json = record(e).json;
  if (typeof json === 'string') return json;
  if (Buffer.isBuffer(json)) return json.toString('utf8');
  const message = record(json).message;
  if (typeof message === 'string') return message;
  // Streamed requests (build, pull, the archive API) leave json empty; docker-modem puts the engine's words in its
  // own message.
  const said = record(e).message;
  return typeof said === 'string' ? (/^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(said)?.[1] ?? '') : '';
};

/** "no such container: x" -> "No such container: x." */
function sentence(text: string): string {
  const line = (text.split('\n')[0] ?? '').trim().slice(0, 300);
  if (line === '') return '';
  const capital = line.charAt(0).toUpperCase() + line.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const isTimeout = (e: unknown): boolean => {
  const code = errnoOf(e);
  const name = record(e).name;
  return code === 'ETIMEDOUT' || code === 'ABORT_ERR' || name === 'AbortError' || name === 'TimeoutError';
};

const ADDRESS_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EACCES', 'EPERM', 'ETIMEDOUT']);
const HOST_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** Why an endpoint did not answer, as a reason and a sentence naming the address. */
/** Node's TLS failures (OpenSSL verify codes and alerts) in words, or null when the error is not about TLS. */
function tlsFailure(code: string, message: string, where: string): string | null {
  switch (code) {
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'CERT_SIGNATURE_FAILURE':
      return `The engine at ${where} showed a certificate that the chosen CA did not sign, so Berth did not trust it. Choose the CA certificate (ca.pem) that signed the engine's certificate.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The engine's certificate is not made out for the host in ${where}. Use the host name the certificate names, or have a certificate made for this one.`;
    case 'CERT_HAS_EXPIRED':
      return `The engine at ${where} showed a certificate that has expired.`;
    case 'CERT_NOT_YET_VALID':
      return `The engine at ${where} showed a certificate that is not valid yet: is this computer's clock right?`;
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'EPROTO':
      if (/wrong version number|packet length too long|http request/i.test(message)) {
        return `${where} does not speak TLS: it may be a plain engine (port 2375) or not an engine at all.`;
      }
      break;
    default:
      break;
  }
  if (/alert (bad|unknown|certificate required)|alert number 4[0-9]|certificate required/i.test(message)) {
    return `The engine at ${where} refused Berth's client certificate: choose a certificate and key signed by the CA the engine trusts.`;
  }
  return null;
}

/** @param overTls the address was dialled with TLS: a reset then most likely means the engine refused our certificate. */
export function classifyUnreachable(e: unknown, address?: string, overTls = false): Classified {
  const where = address ?? (typeof record(e).address === 'string' ? String(record(e).address) : 'the engine address');
  const own = record(e);
  // ssh.ts already said what went wrong with the ssh link, in words.
  if (own.code === 'ESSH' && typeof own.message === 'string') {
    const failure = own.failure as Classified | undefined;
    return { reason: failure?.reason ?? 'unknown', message: own.message };
  }
  const status = statusOf(e);
  if (status !== undefined) {
    return {
      reason: 'not-an-engine',
      message: `${where} answered, but not like a Docker Engine (HTTP ${status}).`,
    };
  }
  if (isTimeout(e)) {
    return { reason: 'timeout', message: `${where} did not answer in time. Is the engine busy or stuck?` };
  }
  const tlsWords = tlsFailure(
    errnoOf(e) ?? '',
    typeof record(e).message === 'string' ? String(record(e).message) : '',
    where,
  );
  if (tlsWords !== null) return { reason: 'bad-endpoint', message: tlsWords };
  switch (errnoOf(e) ?? '') {
    case 'ENOENT':
      return { reason: 'socket-missing', message: `There is no engine socket at ${where}. Is Docker running?` };
    case 'EACCES':
    case 'EPERM':
      return {
        reason: 'permission-denied',
        message: `Berth is not allowed to open ${where}. Add your user to the docker group (sudo usermod -aG docker $USER), then log out and in again.`,
      };
    case 'ECONNREFUSED':
      return { reason: 'refused', message: `Nothing is listening at ${where}. Is Docker running?` };
    case 'ECONNRESET':
    case 'EPIPE':
      if (overTls) {
        return {
          reason: 'refused',
          message: `The engine at ${where} closed the TLS connection: it most likely refused Berth's client certificate (choose a certificate and key signed by the CA the engine trusts), or it is stopping.`,
        };
      }
      return {
        reason: 'refused',
        // A stream cut in the middle (Node says "aborted") has no address on it: "the engine at the engine address" reads badly.
        message: `${address === undefined && typeof own.address !== 'string' ? 'The engine' : `The engine at ${where}`} closed the connection before the action finished. Is it stopping?`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { reason: 'bad-endpoint', message: `The host in ${where} could not be found.` };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNABORTED':
      return { reason: 'refused', message: `The network to ${where} is unreachable.` };
    default: {
      const said = record(e).message;
      const detail = typeof said === 'string' ? sentence(said) : '';
      return { reason: 'unknown', message: `Berth could not talk to ${where}.${detail ? ` ${detail}` : ''}` };
    }
  }
}

/**
 * The engine's words (and HTTP status, when there was one) as a BerthError: Berth's sentence from the one table in
 * shared/engine-errors.ts, the engine's own words kept in details for the "Details" disclosure, never instead.
 */
export function engineError(raw: string, statusCode?: number, registry?: string): BerthError {
  const explained = explainEngineError(raw, statusCode, registry);
  return {
    code: explained.code,
    message: explained.message,
    details: {
      engine: raw,
      ...(statusCode === undefined ? {} : { statusCode }),
      entry: explained.entry,
      ...(explained.next === undefined ? {} : { next: explained.next }),
    },
  };
}

/** The same, thrown: for errors the engine reports inside a stream (pull, push, build, load), not as a status. */
export const engineFailure = (raw: string, statusCode?: number, registry?: string): BerthFailure => {
  const e = engineError(raw, statusCode, registry);
  return new BerthFailure(e.code, e.message, e.details);
};

/** The details toBerthError would give this engine error, for services that word the message themselves. */
export const engineDetails = (e: unknown): Record<string, unknown> => ({
  ...engineError(engineText(e).trim(), statusOf(e)).details,
});

function fromStatus(status: number, e: unknown): BerthError {
  if (status === 304)
    return { code: 'CONFLICT', message: 'It is already in that state.', details: { statusCode: 304 } };
  return engineError(engineText(e).trim(), status);
}

/** Any thrown value to a BerthError with a plain sentence; never a stack trace. */
export function toBerthError(e: unknown): BerthError {
  if (e instanceof BerthFailure) return e.error;
  if (isBerthError(e)) return e;
  const status = statusOf(e);
  if (status !== undefined) return fromStatus(status, e);
  const code = errnoOf(e);
  if ((code !== undefined && (ADDRESS_CODES.has(code) || HOST_CODES.has(code))) || isTimeout(e)) {
    const { reason, message } = classifyUnreachable(e);
    const details = code === undefined ? { reason } : { reason, errno: code };
    return reason === 'permission-denied'
      ? { code: 'PERMISSION_DENIED', message, details }
      : { code: 'ENGINE_UNREACHABLE', message, details };
  }
  const said = e instanceof Error ? sentence(e.message) : typeof e === 'string' ? sentence(e) : '';
  return { code: 'INTERNAL', message: `Something went wrong inside Berth.${said ? ` ${said}` : ''}` };
}
