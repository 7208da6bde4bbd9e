/**
 * Docker image references (`[registry[:port]/]name[:tag][@digest]`), checked the way the engine's reference
 * grammar does, so a bad name gets a sentence saying what is wrong before anything is sent. Pure.
 */

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const NAME_MAX = 255;

export interface ParsedReference {
  /** Registry host (with port), or '' for Docker Hub. */
  readonly domain: string;
  /** The repository path without the domain: `library/busybox`, `team/app`. */
  readonly path: string;
  /** `domain/path` as written (no `docker.io/library/` added). */
  readonly repository: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

export type ReferenceCheck =
  { readonly ok: true; readonly value: ParsedReference } | { readonly ok: false; readonly message: string };

const bad = (message: string): ReferenceCheck => ({ ok: false, message });

/** The first path component is a registry when it has a dot or a port, or is `localhost` (as docker decides). */
function splitDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return ['', name];
  const first = name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return [first, name.slice(slash + 1)];
  return ['', name];
}

export function parseReference(input: string): ReferenceCheck {
  const text = input.trim();
  if (text === '') return bad('Give the image a name, like `myapp:1.0`.');
  if (/\s/.test(text)) return bad('An image name cannot contain spaces.');
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return bad(`"${digest}" is not a digest; digests look like sha256:<64 hex digits>.`);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return bad(
        `"${tag}" is not a valid tag: use letters, digits, _ . and -, start with a letter, digit or _, at most 128 characters.`,
      );
    }
  }
  if (rest === '') return bad('The name before the tag is missing.');
  if (rest.length > NAME_MAX) return bad(`An image name can be at most ${NAME_MAX} characters long.`);
  const [domain, path] = splitDomain(rest);
  if (domain !== '' && !DOMAIN.test(domain)) return bad(`"${domain}" is not a valid registry address.`);
  for (const component of path.split('/')) {
    if (component === '') return bad('An image name cannot have an empty part between slashes.');
    if (/[A-Z]/.test(component)) return bad(`Image names must be lowercase: "${component}" has capital letters.`);
    if (!COMPONENT.test(component)) {
      return bad(
        `"${component}" is not allowed in an image name: use lowercase letters and digits, separated by . _ __ or -.`,
      );
    }
  }
  return { ok: true, value: { domain, path, repository: rest, tag, digest } };
}

/** A reference a tag can be given to: a name with an optional tag, never a digest. */
export function checkTagTarget(input: string): ReferenceCheck {
  const parsed = parseReference(input);
  if (parsed.ok && parsed.value.digest !== null) {
    return bad('A new tag cannot include a digest (@sha256:…); digests are computed by the registry.');
  }
  return parsed;
}

/** `name` alone means `name:latest`: the default tag, not the newest image. */
export function withDefaultTag(reference: string): string {
  const parsed = parseReference(reference);
  if (!parsed.ok || parsed.value.tag !== null || parsed.value.digest !== null) return reference.trim();
  return `${reference.trim()}:latest`;
}
