/**
 * The create form's text fields, read the way the docker CLI reads the same flags (`-p`, `-v`, `-e`, `--label`,
 * the command words), so that what the form accepts and what `docker run` accepts stay the same. Pure.
 */
import { PROTOCOLS, type MountSpec, type PortSpec, type Protocol } from '../dto/containers';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: string): Parsed<never> => ({ ok: false, error });

/** Docker's own rule for container names (at least two characters). */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function checkContainerName(name: string): string | null {
  if (name === '') return null;
  if (name.length > 128) return 'A name can be at most 128 characters long.';
  if (!CONTAINER_NAME.test(name))
    return 'A name starts with a letter or digit, is at least two characters long, and uses only letters, digits, _ . and -.';
  return null;
}

function parsePortNumber(text: string, which: string): Parsed<number> {
  if (!/^\d{1,5}$/.test(text)) return bad(`The ${which} port "${text}" is not a number.`);
  const port = Number(text);
  if (port < 1 || port > 65535) return bad(`The ${which} port ${port} is outside 1–65535.`);
  return good(port);
}

/** `8080:80`, `80`, `127.0.0.1:8080:80/udp`, `127.0.0.1::80`, `[::1]:8080:80`. */
export function parsePortSpec(text: string): Parsed<PortSpec> {
  const trimmed = text.trim();
  if (trimmed === '') return bad('Write a port mapping such as 8080:80.');
  const [mapping = '', protocolText, extra] = trimmed.split('/');
  if (extra !== undefined) return bad(`"${trimmed}" has more than one "/".`);
  const protocol = (protocolText ?? 'tcp').toLowerCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol))
    return bad(`The protocol "${protocolText ?? ''}" is not tcp, udp or sctp.`);
  let hostIp: string | undefined;
  let rest = mapping;
  const ipv6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(mapping);
  if (ipv6) {
    hostIp = ipv6[1];
    rest = ipv6[2] ?? '';
  }
  const parts = rest.split(':');
  if (parts.length > 3 || (ipv6 && parts.length !== 2))
    return bad(`"${trimmed}" is not HOST:CONTAINER or IP:HOST:CONTAINER.`);
  if (parts.length === 3) {
    hostIp = parts.shift();
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(hostIp ?? '')) return bad(`"${hostIp ?? ''}" is not an IP address.`);
  }
  const containerText = parts.pop() ?? '';
  const hostText = parts.pop();
  const containerPort = parsePortNumber(containerText, 'container');
  if (!containerPort.ok) return containerPort;
  let hostPort: number | undefined;
  if (hostText !== undefined && hostText !== '') {
    const parsed = parsePortNumber(hostText, 'host');
    if (!parsed.ok) return parsed;
    hostPort = parsed.value;
  }
  return good({
    ...(hostIp !== undefined ? { hostIp } : {}),
    ...(hostPort !== undefined ? { hostPort } : {}),
    containerPort: containerPort.value,
    protocol: protocol as Protocol,
  });
}

/** `/host/path:/in/container[:ro]` (bind) or `volname:/in/container[:ro]` (named volume). */
export function parseMountSpec(text: string): Parsed<MountSpec> {
  const parts = text.trim().split(':');
  const [source = '', target = '', mode, extra] = parts;
  if (extra !== undefined || parts.length < 2) return bad(`"${text.trim()}" is not SOURCE:TARGET or SOURCE:TARGET:ro.`);
  if (mode !== undefined && mode !== 'ro' && mode !== 'rw') return bad(`The mode "${mode}" is not ro or rw.`);
  if (!target.startsWith('/')) return bad(`The path in the container "${target}" must start with /.`);
  const type = source.startsWith('/') ? 'bind' : 'volume';
  if (type === 'volume' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(source))
    return bad(`"${source}" is neither an absolute host path nor a volume name.`);
  return good({ type, source, target, readOnly: mode === 'ro' });
}

/** `KEY=value` (a bare `KEY` is refused: the CLI would copy it from the caller's environment, Berth has none). */
export function parseEnvLine(text: string): Parsed<string> {
  const at = text.indexOf('=');
  const key = at < 0 ? text.trim() : text.slice(0, at).trim();
  if (key === '') return bad('A variable needs a name before the "=".');
  if (at < 0) return bad(`Give ${key} a value: ${key}=value.`);
  if (/\s/.test(key)) return bad(`The name "${key}" contains a space.`);
  return good(`${key}=${text.slice(at + 1)}`);
}

export function parseLabelLine(text: string): Parsed<readonly [string, string]> {
  const at = text.indexOf('=');
  const key = (at < 0 ? text : text.slice(0, at)).trim();
  if (key === '') return bad('A label needs a key before the "=".');
  return good([key, at < 0 ? '' : text.slice(at + 1)] as const);
}

/** Splits a command line into words like a POSIX shell does for quotes and backslashes (no expansion). */
export function splitWords(text: string): Parsed<readonly string[]> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`'.includes(text.charAt(i + 1))) word += text.charAt(++i);
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text.charAt(++i);
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== null) return bad(`A ${quote === "'" ? 'single' : 'double'} quote is not closed.`);
  if (inWord) words.push(word);
  return good(words);
}

const MEMORY_UNITS: Readonly<Record<string, number>> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `512m`, `1g`, `1.5g`, `67108864`: bytes, as `--memory` reads them, or null when it is not a size. */
export function parseMemory(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(text.trim());
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * (MEMORY_UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1));
  return Number.isFinite(bytes) ? bytes : null;
}
