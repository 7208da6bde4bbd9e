/**
 * The build context as the docker CLI sends it: walk the folder, leave out what .dockerignore excludes (Docker's
 * matcher, via @balena/dockerignore, case-sensitive as on Linux), keep the Dockerfile and .dockerignore themselves,
 * and tar exactly the planned entries. The preview and the build share one plan, so what is shown is what is sent.
 */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import dockerignore from '@balena/dockerignore';
import tar from 'tar-fs';
import { PREVIEW_LIST_LIMIT, type ContextPreview, type HeavyFolderWarning } from '../../../shared/dto/build';
import { BerthFailure } from '../../../shared/result';
import { heavyFolderWarnings } from './build.heavy';

export interface ContextEntry {
  /** Relative, forward slashes. */
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly size: number;
}

export interface ContextPlan {
  readonly root: string;
  readonly dockerfile: string;
  readonly dockerfileText: string | null;
  readonly hasDockerignore: boolean;
  /** Everything sent, in the order it is sent: directories before what they hold, names in byte order. */
  readonly entries: readonly ContextEntry[];
  /** Excluded paths; a folder skipped as a whole ends in `/`. */
  readonly excluded: readonly string[];
  /** The Dockerfile or .dockerignore when .dockerignore matches them: sent, yet hidden from COPY and ADD. */
  readonly buildFilesIgnored: readonly string[];
}

/** A walk past this many entries stops with a message: a context that big is almost always a mistake. */
export const MAX_CONTEXT_ENTRIES = 300_000;

const DOCKERFILE_NAME = /(^|\.)dockerfile$|^dockerfile(\.|$)|^containerfile$/i;

/** The .dockerignore lines as Docker reads them: comments are lines starting with #, blanks are dropped. */
export function readIgnorePatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The cleaned text of each `!` pattern, for deciding whether an excluded folder must still be walked. */
function exceptionPrefixes(patterns: readonly string[]): string[] {
  return patterns
    .filter((p) => p.startsWith('!'))
    .map((p) => path.posix.normalize(p.slice(1).trim()).replace(/\/+$/, '').replace(/^\//, ''))
    .filter((p) => p !== '' && p !== '.');
}

export interface IgnoreRules {
  ignores(relPath: string): boolean;
  /** Docker walks into an excluded folder only when an exception pattern starts with that folder's path. */
  mustDescend(relDir: string): boolean;
  readonly buildFilesIgnored: readonly string[];
}

/** Docker's rules for a context: the patterns, plus exceptions that keep the Dockerfile and .dockerignore. */
export function ignoreRules(patterns: readonly string[], dockerfile: string): IgnoreRules {
  const base = dockerignore({ ignorecase: false }).add([...patterns]);
  const kept = ['.dockerignore', dockerfile].filter((file) => base.ignores(file));
  const all = [...patterns, ...kept.map((file) => `!${file}`)];
  const rules = dockerignore({ ignorecase: false }).add(all);
  const exceptions = exceptionPrefixes(all);
  return {
    ignores: (relPath) => rules.ignores(relPath),
    mustDescend: (relDir) => exceptions.some((p) => `${p}/`.startsWith(`${relDir}/`)),
    buildFilesIgnored: kept,
  };
}

/** Dockerfiles and .dockerignore files past this size are refused rather than read into memory. */
export const MAX_BUILD_FILE_BYTES = 1024 * 1024;

/**
 * A file Berth itself reads from the context (the Dockerfile, .dockerignore), or null when there is none. Like the
 * docker CLI, a link is followed only while it stays inside the context; and only a regular file of a sane size is
 * read, so a cloned project whose Dockerfile links to /dev/zero, a FIFO or someone's key cannot hang or leak.
 */
async function readContextFile(realRoot: string, root: string, rel: string): Promise<string | null> {
  let real: string;
  try {
    real = await fs.realpath(path.join(root, rel));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return null;
    throw error;
  }
  const inside = path.relative(realRoot, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new BerthFailure(
      'INVALID_INPUT',
      `${rel} is a link to ${real}, outside the build context ${root}. Docker only reads it from inside the context.`,
    );
  }
  const stat = await fs.stat(real);
  if (stat.isDirectory()) return null;
  if (!stat.isFile()) throw new BerthFailure('INVALID_INPUT', `${rel} in ${root} is not a regular file.`);
  if (stat.size > MAX_BUILD_FILE_BYTES) {
    throw new BerthFailure(
      'INVALID_INPUT',
      `${rel} in ${root} is too large (${stat.size.toLocaleString('en')} bytes); Berth reads at most ${MAX_BUILD_FILE_BYTES.toLocaleString('en')}.`,
    );
  }
  // Read at most one byte past the cap, in case the file grew since the check.
  const handle = await fs.open(real, 'r');
  try {
    const buffer = Buffer.alloc(MAX_BUILD_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_BUILD_FILE_BYTES) throw new BerthFailure('INVALID_INPUT', `${rel} in ${root} is too large.`);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function checkFolder(root: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new BerthFailure('NOT_FOUND', `There is no folder at ${root}.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new BerthFailure('PERMISSION_DENIED', `Berth is not allowed to open ${root}.`);
    throw error;
  }
  if (!stat.isDirectory()) {
    throw new BerthFailure('INVALID_INPUT', `${root} is a file. The build context must be a folder.`);
  }
  try {
    await fs.access(root, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    throw new BerthFailure('PERMISSION_DENIED', `Berth is not allowed to read the folder ${root}.`);
  }
}

const byteOrder = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function planContext(contextPath: string, dockerfile = 'Dockerfile'): Promise<ContextPlan> {
  const root = path.resolve(contextPath);
  await checkFolder(root);
  const realRoot = await fs.realpath(root);
  const dockerfileRel = path.posix.normalize(dockerfile.replaceAll('\\', '/'));
  const ignoreText = await readContextFile(realRoot, root, '.dockerignore');
  const rules = ignoreRules(readIgnorePatterns(ignoreText ?? ''), dockerfileRel);
  const entries: ContextEntry[] = [];
  const excluded: string[] = [];

  const walk = async (relDir: string): Promise<void> => {
    const absDir = path.join(root, relDir);
    let children: Dirent[];
    try {
      children = await fs.readdir(absDir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') {
        throw new BerthFailure('PERMISSION_DENIED', `Berth cannot read ${absDir}, which is inside the context.`);
      }
      throw error;
    }
    for (const child of children.sort(byteOrder)) {
      const rel = relDir === '' ? child.name : `${relDir}/${child.name}`;
      if (entries.length + excluded.length > MAX_CONTEXT_ENTRIES) {
        throw new BerthFailure(
          'INVALID_INPUT',
          `The context ${root} holds more than ${MAX_CONTEXT_ENTRIES.toLocaleString('en')} files. Pick a smaller folder or list what to leave out in .dockerignore.`,
        );
      }
      const isDir = child.isDirectory();
      if (!isDir && !child.isFile() && !child.isSymbolicLink()) continue; // sockets and devices are never sent
      if (rules.ignores(rel)) {
        if (isDir && rules.mustDescend(rel)) await walk(rel);
        else excluded.push(isDir ? `${rel}/` : rel);
        continue;
      }
      if (isDir) {
        entries.push({ path: rel, kind: 'dir', size: 0 });
        await walk(rel);
      } else {
        const stat = await fs.lstat(path.join(root, rel));
        entries.push({ path: rel, kind: child.isSymbolicLink() ? 'symlink' : 'file', size: stat.size });
      }
    }
  };
  await walk('');
  const dockerfileText = await readContextFile(realRoot, root, dockerfileRel);
  return {
    root,
    dockerfile: dockerfileRel,
    dockerfileText,
    hasDockerignore: ignoreText !== null,
    entries,
    excluded,
    buildFilesIgnored: rules.buildFilesIgnored,
  };
}

/** The tar the engine receives: exactly the plan's entries, owned by root as the docker CLI sends them. */
export function packContext(plan: ContextPlan): Readable {
  // tar-fs takes `umask` (0: keep the files' modes, as the docker CLI does); its typings predate the option.
  const options: tar.PackOptions & { umask: number } = {
    entries: plan.entries.map((e) => e.path),
    // Folders are listed on their own; never add what the walk left out.
    ignore: () => true,
    umask: 0,
    map: (header) => ({ ...header, uid: 0, gid: 0, uname: '', gname: '' }),
  };
  // The pack is a tar-stream Readable; @types/tar-fs describes it with an older, narrower type.
  return tar.pack(plan.root, options) as unknown as Readable;
}

export function toPreview(plan: ContextPlan): ContextPreview {
  const sentFiles = plan.entries.filter((e) => e.kind !== 'dir');
  const warnings: HeavyFolderWarning[] = heavyFolderWarnings(plan.entries);
  return {
    contextPath: plan.root,
    dockerfile: plan.dockerfile,
    dockerfileText: plan.dockerfileText ?? '',
    dockerfileFound: plan.dockerfileText !== null,
    dockerfiles: sentFiles
      .map((e) => e.path)
      .filter((p) => p.split('/').length <= 3 && DOCKERFILE_NAME.test(path.posix.basename(p))),
    hasDockerignore: plan.hasDockerignore,
    buildFilesIgnored: plan.buildFilesIgnored,
    sent: sentFiles.slice(0, PREVIEW_LIST_LIMIT).map((e) => ({ path: e.path, size: e.size })),
    sentCount: sentFiles.length,
    sentSize: sentFiles.reduce((sum, e) => sum + e.size, 0),
    excluded: plan.excluded.slice(0, PREVIEW_LIST_LIMIT),
    excludedCount: plan.excluded.length,
    warnings,
  };
}
