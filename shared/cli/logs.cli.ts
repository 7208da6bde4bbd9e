/**
 * The docker CLI command for saving containers' logs to a file, and the Engine API call behind it. One container
 * is one `docker logs`; several are read one after another and sorted by their timestamps, which is what
 * Berth's interleaving does (the CLI has no way to tag each line with its container).
 */
import { dockerCommand, quoteArg } from './command';
import type { ActionText } from './command';

/** `web.log`, `web+db.log`: the names joined, anything unsafe in a file name replaced. */
export function logFilename(names: readonly string[]): string {
  const base = names
    .join('+')
    .replace(/[^A-Za-z0-9._+-]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 100);
  return `${base || 'logs'}.log`;
}

export function saveLogAction(names: readonly string[], filename: string): ActionText {
  const file = quoteArg(filename);
  const logs = (name: string) => dockerCommand('logs', '--timestamps', name);
  // Redirections in this order: the file first, then stderr to where stdout now goes.
  const command =
    names.length === 1
      ? `${logs(names[0] ?? '')} > ${file} 2>&1`
      : `(${names.map((n) => `${logs(n)} 2>&1`).join('; ')}) | sort -s -k1,1 > ${file}`;
  return {
    title:
      names.length === 1 ? `Save the whole log of ${names[0] ?? ''}` : `Save the whole logs of ${names.join(', ')}`,
    command,
    api: names.map((n) => `GET /containers/${encodeURIComponent(n)}/logs?stdout=1&stderr=1&timestamps=1`).join(' + '),
  };
}
