/**
 * The TLS files a user chose for a tcp:// engine, checked before Berth switches to it: each path must pass the
 * path guard (the desktop app takes only files picked in main's dialog; the browser mode only typed paths inside
 * its allowed folders), and the three must make a usable client (PEM files, a key that belongs to the certificate).
 * Only paths are kept in the settings; the files are read again at connect time and never leave the backend.
 */
import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { EngineTlsFiles } from '../../../shared/dto/settings';
import { BerthFailure } from '../../../shared/result';
import type { PathGuard } from '../core/paths';

export type TlsCheck = (files: EngineTlsFiles) => Promise<void>;

const NAMES = { ca: 'The CA certificate', cert: 'The client certificate', key: 'The client key' } as const;
/** A PEM certificate or key is a few KB; a bundle of CAs a few hundred. */
const MAX_PEM_BYTES = 1024 * 1024;

async function readPem(path: string, what: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why =
      code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'Berth may not read it' : 'it cannot be read';
    throw new BerthFailure('INVALID_INPUT', `${what} ${path} cannot be used: ${why}.`);
  }
  if (bytes.length > MAX_PEM_BYTES) {
    throw new BerthFailure('INVALID_INPUT', `${what} ${path} is larger than 1 MB: it is not a PEM file.`);
  }
  if (!bytes.includes('-----BEGIN ')) {
    throw new BerthFailure('INVALID_INPUT', `${what} ${path} is not a PEM file (it has no "-----BEGIN" line).`);
  }
  return bytes;
}

export function tlsCheck(guard: PathGuard): TlsCheck {
  return async (files) => {
    for (const which of ['ca', 'cert', 'key'] as const) await guard.check(files[which], NAMES[which]);
    const [ca, cert, key] = await Promise.all([
      readPem(files.ca, NAMES.ca),
      readPem(files.cert, NAMES.cert),
      readPem(files.key, NAMES.key),
    ]);
    try {
      tls.createSecureContext({ ca, cert, key });
    } catch (e) {
      const said = e instanceof Error ? e.message : String(e);
      const why = /key values mismatch/i.test(said)
        ? `the key ${files.key} does not belong to the certificate ${files.cert}`
        : `Node's TLS refused them (${said.slice(0, 200)})`;
      throw new BerthFailure('INVALID_INPUT', `These TLS files cannot be used together: ${why}.`);
    }
  };
}
