/**
 * Which paths on this machine a channel may touch. A page (or a leaked bridge token) must not be able to name
 * /etc as a build context and read files from it, so every path a channel takes is checked here first:
 * - the desktop app accepts only folders main handed out from its own dialog (grants), and what lies inside them;
 * - the browser mode keeps typed paths, confined to allowed roots set outside the page (`npm run serve -- --allow`):
 *   by default the user's home and the temporary folder, never through a hidden (dot) folder such as ~/.ssh or
 *   ~/.docker below a root, since those hold keys and credentials.
 * Links are resolved before the check, so ~/link-to-etc is refused like /etc.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BerthFailure } from '../../../shared/result';
import type { DesktopDialogs } from '../desktop/desktop.types';

export type PathMode =
  /** Desktop: only folders chosen in main's dialog. */
  | { readonly kind: 'grants' }
  /** Browser: typed paths inside these folders. */
  | { readonly kind: 'roots'; readonly roots: readonly string[] };

/** The browser mode's roots when none are given: the home folder and the temporary folder. */
export function defaultRoots(homedir = os.homedir(), tmpdir = os.tmpdir()): string[] {
  return [homedir, tmpdir];
}

/** `inner` relative to `outer`, or null when it is not inside it (or is it: ''). */
function below(outer: string, inner: string): string | null {
  const rel = path.relative(outer, inner);
  if (rel === '') return '';
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return rel;
}

async function real(p: string): Promise<string> {
  try {
    return await fs.realpath(path.resolve(p));
  } catch {
    // A missing path is checked as written; the domain then says it is not there.
    return path.resolve(p);
  }
}

export class PathGuard {
  private readonly granted = new Set<string>();

  constructor(readonly mode: PathMode) {}

  /** A folder (or a single file) the user chose in main's dialog. */
  grant(folder: string): void {
    this.granted.add(path.resolve(folder));
  }

  /** The folders a typed path may be inside (browser mode); empty in the desktop app. */
  roots(): readonly string[] {
    return this.mode.kind === 'roots' ? this.mode.roots : [];
  }

  /**
   * Resolves when `p` may be used; otherwise fails with PERMISSION_DENIED and a sentence saying what to do.
   * `what` names the path in that sentence ("The build context").
   */
  async check(p: string, what: string): Promise<void> {
    const target = await real(p);
    if (this.mode.kind === 'grants') {
      for (const folder of this.granted) {
        if (below(await real(folder), target) !== null) return;
      }
      throw new BerthFailure(
        'PERMISSION_DENIED',
        `${what} ${p} was not chosen in Berth's folder dialog. Use Choose… to pick it; Berth only opens folders you chose.`,
      );
    }
    let hidden = false;
    for (const root of this.mode.roots) {
      const rel = below(await real(root), target);
      if (rel === null) continue;
      if (!rel.split(path.sep).some((part) => part.startsWith('.'))) return;
      hidden = true;
    }
    if (hidden) {
      throw new BerthFailure(
        'PERMISSION_DENIED',
        `${what} ${p} is inside a hidden folder. Berth does not open hidden folders (they hold keys and settings, like ~/.ssh); start the server with --allow <folder> to allow this one.`,
      );
    }
    throw new BerthFailure(
      'PERMISSION_DENIED',
      `${what} ${p} is outside the folders Berth may open (${this.mode.roots.join(', ')}). Start the server with --allow <folder> to add one.`,
    );
  }
}

/** The shell's dialogs, granting each folder the user picks. */
export function grantingDialogs(dialogs: DesktopDialogs, guard: PathGuard): DesktopDialogs {
  return {
    showSaveDialog: (options) => dialogs.showSaveDialog(options),
    async showOpenDialog(options) {
      const chosen = await dialogs.showOpenDialog(options);
      // A picked folder grants what is inside it; a picked file grants that file alone.
      if (chosen !== null) guard.grant(chosen);
      return chosen;
    },
  };
}
