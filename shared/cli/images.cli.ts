/**
 * The docker CLI command for each image action, and the Engine API call it maps to. The renderer shows the
 * command before the action; main records the same string in the transcript afterwards.
 */
import { dockerCommand, type ActionText } from './command';
import { parseReference } from '../image-reference';

const path = (text: string) => encodeURIComponent(text);

/** The engine takes a new tag as `repo` and `tag` apart; a name without a tag gets `latest`. */
export function splitTagTarget(target: string): { repo: string; tag: string } {
  const parsed = parseReference(target);
  if (!parsed.ok) return { repo: target, tag: 'latest' };
  return { repo: parsed.value.repository, tag: parsed.value.tag ?? 'latest' };
}

export function tagAction(source: string, target: string): ActionText {
  const { repo, tag } = splitTagTarget(target);
  return {
    title: `Tag image ${source} as ${target}`,
    command: dockerCommand('tag', source, target),
    api: `POST /images/${path(source)}/tag?repo=${path(repo)}&tag=${path(tag)}`,
  };
}

export function removeImageAction(reference: string, force: boolean): ActionText {
  return {
    title: `Remove image ${reference}`,
    command: force ? dockerCommand('image', 'rm', '--force', reference) : dockerCommand('image', 'rm', reference),
    api: `DELETE /images/${path(reference)}${force ? '?force=1' : ''}`,
  };
}

/** One command for a batch: `docker image rm --force a b c`. */
export function removeImagesAction(references: readonly string[], force: boolean): ActionText {
  return {
    title: `Remove ${references.length} image${references.length === 1 ? '' : 's'}`,
    command: dockerCommand('image', 'rm', ...(force ? ['--force'] : []), ...references),
    api: `DELETE /images/{name}${force ? '?force=1' : ''}, each`,
  };
}

export function pruneAction(): ActionText {
  return {
    title: 'Remove dangling images',
    command: dockerCommand('image', 'prune', '--force'),
    api: 'POST /images/prune?filters={"dangling":["true"]}',
  };
}

export function pullAction(reference: string): ActionText {
  return {
    title: `Pull image ${reference}`,
    command: dockerCommand('pull', reference),
    api: `POST /images/create?fromImage=${path(reference)}`,
  };
}

export function pushAction(reference: string): ActionText {
  return {
    title: `Push image ${reference}`,
    command: dockerCommand('push', reference),
    api: `POST /images/${path(reference)}/push`,
  };
}

export function saveAction(reference: string, filename: string): ActionText {
  return {
    title: `Save image ${reference} to a tar file`,
    command: dockerCommand('save', '--output', filename, reference),
    api: `GET /images/${path(reference)}/get`,
  };
}

export function loadAction(filename: string): ActionText {
  return {
    title: 'Load images from a tar file',
    command: dockerCommand('load', '--input', filename),
    api: 'POST /images/load',
  };
}

/** A file name for `docker save` of this reference: `busybox_1.tar`, `registry_5000_app_latest.tar`. */
export function tarFilename(reference: string): string {
  const base = reference
    .replace(/^sha256:/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 100);
  return `${base || 'image'}.tar`;
}
