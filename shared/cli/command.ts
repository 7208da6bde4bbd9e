/**
 * Formats the docker CLI command equivalent to an action, for the user to read and paste. The renderer shows it
 * before an action (forms update it live) and main records it in the transcript after.
 */

/** POSIX shell quoting: bare when safe, else single quotes with embedded quotes escaped. */
export function quoteArg(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** `formatCommand(['docker', 'stop', 'my web'])` → `docker stop 'my web'` */
export function formatCommand(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

/** `dockerCommand('stop', '--time', '10', 'web')` → `docker stop --time 10 web` */
export function dockerCommand(...args: readonly string[]): string {
  return formatCommand(['docker', ...args]);
}

/**
 * An action as the user reads it before and after: its title, the docker command that does the same, and the
 * Engine API call Berth makes. The forms show it, and the transcript records it.
 */
export interface ActionText {
  readonly title: string;
  readonly command: string;
  readonly api: string;
}
