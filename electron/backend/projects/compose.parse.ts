/**
 * Reads a compose file's text with the `yaml` package, keeping where each key is written, and places Compose's
 * validation errors on those lines. Pure.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ComposeProblem, ComposeServiceDecl, Declared } from '../../../shared/dto/projects';

export interface ParsedCompose {
  readonly name: string | null;
  readonly services: readonly ComposeServiceDecl[];
  readonly networks: readonly Declared[];
  readonly volumes: readonly Declared[];
  readonly problems: readonly ComposeProblem[];
  /** Dotted key paths (`services.web.ports`) to the 1-based line the key is written on. */
  readonly lines: ReadonlyMap<string, number>;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** A list written as a sequence of scalars or maps, or a map whose keys are the entries (networks, depends_on). */
function entries(v: unknown, describe: (item: Record<string, unknown>) => string | null = () => null): string[] {
  if (Array.isArray(v))
    return v
      .map((item) =>
        typeof item === 'object' && item !== null ? describe(item as Record<string, unknown>) : str(item),
      )
      .filter((s): s is string => s !== null);
  if (typeof v === 'object' && v !== null) return Object.keys(v);
  return [];
}

const portText = (p: Record<string, unknown>) =>
  [str(p.published), str(p.target)].filter((s) => s !== null).join(':') + (p.protocol ? `/${str(p.protocol)}` : '');
const volumeText = (m: Record<string, unknown>) => [str(m.source), str(m.target)].filter((s) => s !== null).join(':');

function collectLines(node: unknown, prefix: string, counter: LineCounter, out: Map<string, number>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? str(pair.key.value) : null;
      if (key === null) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const at = (pair.key as Node).range?.[0];
      if (at !== undefined) out.set(path, counter.linePos(at).line);
      collectLines(pair.value, path, counter, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const path = `${prefix}.${i}`;
      const at = (item as Node | null)?.range?.[0];
      if (at !== undefined) out.set(path, counter.linePos(at).line);
      collectLines(item, path, counter, out);
    });
  }
}

export function parseCompose(text: string): ParsedCompose {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: ComposeProblem[] = doc.errors.map((e) => ({
    line: e.linePos?.[0]?.line ?? (e.pos[0] >= 0 ? counter.linePos(e.pos[0]).line : null),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const lines = new Map<string, number>();
  collectLines(doc.contents, '', counter, lines);
  const data: unknown = problems.length > 0 ? null : doc.toJS({ maxAliasCount: 100 });
  const root = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (problems.length === 0 && (typeof data !== 'object' || data === null || Array.isArray(data)))
    problems.push({ line: 1, message: 'A compose file is a map with a `services` key at the top.' });
  const services = typeof root.services === 'object' && root.services !== null ? root.services : {};
  if (problems.length === 0 && Object.keys(services).length === 0)
    problems.push({ line: lines.get('services') ?? 1, message: 'The file declares no services.' });
  const line = (path: string) => lines.get(path) ?? 1;
  const declared = (key: 'networks' | 'volumes'): Declared[] => {
    const section = root[key];
    if (typeof section !== 'object' || section === null) return [];
    return Object.keys(section).map((name) => ({ name, line: line(`${key}.${name}`) }));
  };
  return {
    name: str(root.name),
    services: Object.entries(services as Record<string, unknown>).map(([name, raw]) => {
      const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const build =
        typeof s.build === 'object' && s.build !== null
          ? str((s.build as Record<string, unknown>).context)
          : str(s.build);
      return {
        name,
        line: line(`services.${name}`),
        image: str(s.image),
        build,
        ports: entries(s.ports, portText),
        volumes: entries(s.volumes, volumeText),
        networks: entries(s.networks),
        dependsOn: entries(s.depends_on),
      };
    }),
    networks: declared('networks'),
    volumes: declared('volumes'),
    problems,
    lines,
  };
}

/**
 * The line a Compose error is about. Compose names the key by its dotted path ("services.web.ports contains an
 * invalid type", "services.web Additional property imagee is not allowed", "Unsupported config option for
 * services.web: 'imagee'"), or, for YAML syntax, by "line N". The longest known path in the text wins, and a
 * quoted or named unknown key under it narrows it to that key's line.
 */
export function lineOfError(message: string, lines: ReadonlyMap<string, number>): number | null {
  // Top-level keys alone ("services", "name") are common words: they count only when quoted, below.
  const paths = [...lines.keys()].filter((p) => p.includes('.'));
  let best: string | null = null;
  for (const p of paths) {
    const at = message.indexOf(p);
    if (at < 0) continue;
    const after = message[at + p.length];
    // A whole path, not the start of a longer word: "services.web" must not match "services.webapp".
    if (after !== undefined && /[A-Za-z0-9_-]/.test(after)) continue;
    if (best === null || p.length > best.length) best = p;
  }
  if (best !== null) {
    for (const m of message.matchAll(/'([^']+)'|property ([A-Za-z0-9_.-]+)/g)) {
      const key = m[1] ?? m[2];
      const narrowed = key === undefined ? undefined : lines.get(`${best}.${key}`);
      if (narrowed !== undefined) return narrowed;
    }
    return lines.get(best) ?? null;
  }
  for (const m of message.matchAll(/'([^'.]+)'/g)) {
    const top = m[1] === undefined ? undefined : lines.get(m[1]);
    if (top !== undefined) return top;
  }
  const syntax = /line (\d+)/.exec(message);
  return syntax?.[1] === undefined ? null : Number(syntax[1]);
}
