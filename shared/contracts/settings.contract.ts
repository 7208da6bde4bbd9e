import { z } from 'zod';
import { DEFAULT_SETTINGS, LOG_LINE_CAP, THEMES, type Settings } from '../dto/settings';
import { answers, request, stream } from './define';

/**
 * An engine address as DOCKER_HOST takes it. The scheme is checked here; the rest (host, port, path) by the
 * endpoint resolver, which says precisely what is wrong with it.
 */
export const engineEndpointSchema = z
  .string()
  .trim()
  .max(1024, 'An engine address is at most 1024 characters long.')
  .regex(/^(unix|tcp|npipe|ssh):\/\/[^\s\p{Cc}]+$/u, {
    message: 'An engine address starts with unix://, tcp://, ssh:// or npipe://, e.g. unix:///var/run/docker.sock.',
  });

/** An absolute path to a PEM file on the backend's machine. */
const pemPath = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Choose the ${what} file.`)
    .max(4096, `The ${what} path is at most 4096 characters long.`)
    .regex(/^(\/|[A-Za-z]:[\\/])[^\p{Cc}]*$/u, `The ${what} path must be absolute, like /home/me/certs/${what}.pem.`);

/** CA, client certificate and key for a tcp:// engine with TLS. */
export const engineTlsSchema = z.strictObject({ ca: pemPath('ca'), cert: pemPath('cert'), key: pemPath('key') });

const fields = {
  engineEndpoint: engineEndpointSchema.nullable(),
  engineContext: z.string().trim().min(1).max(200, 'A context name is at most 200 characters long.').nullable(),
  engineTls: engineTlsSchema.nullable(),
  theme: z.enum(THEMES),
  logLineCap: z
    .number()
    .int('The log line cap is a whole number.')
    .min(LOG_LINE_CAP.min, `Keep at least ${LOG_LINE_CAP.min.toLocaleString('en')} log lines.`)
    .max(LOG_LINE_CAP.max, `Keep at most ${LOG_LINE_CAP.max.toLocaleString('en')} log lines.`),
  notifications: z.boolean(),
  closeToTray: z.boolean(),
};

/** A complete, valid Settings object. */
export const settingsSchema = z.strictObject(fields) satisfies z.ZodType<Settings>;

/** Some of the settings; the rest stay as they are. */
export const settingsPatchSchema = z.strictObject(fields).partial();

/** Each field's own schema, so a stored file with one bad value loses only that value. */
export const settingsFieldSchemas: { readonly [K in keyof Settings]: z.ZodType<Settings[K]> } = fields;

export { DEFAULT_SETTINGS };

export const settingsRequests = {
  'settings:get': request(z.undefined(), answers<Settings>()),
  'settings:update': request(settingsPatchSchema, answers<Settings>()),
};

export const settingsStreams = {
  'settings:watch': stream(z.undefined(), answers<Settings>()),
};
