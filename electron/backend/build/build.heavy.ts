/** Folders that make a build context heavy without helping the image, when .dockerignore lets them through. */
import type { HeavyFolderWarning } from '../../../shared/dto/build';

const HEAVY: Readonly<Record<string, string>> = {
  node_modules: 'Installed npm packages are usually rebuilt inside the image, and they are often large.',
  '.git': 'The repository history rarely belongs in an image, and it changes on every commit, which defeats the cache.',
  '.venv': 'A local Python environment is tied to this machine; images install their own.',
  venv: 'A local Python environment is tied to this machine; images install their own.',
  __pycache__: 'Compiled Python files are rebuilt when the code runs.',
};

interface Sized {
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly size: number;
}

/** A monorepo can hold a node_modules per package; the preview names the heaviest this many. */
export const MAX_HEAVY_WARNINGS = 50;

/** One warning per outermost heavy folder that is sent (the heaviest few, in path order), with what it adds. */
export function heavyFolderWarnings(entries: readonly Sized[]): HeavyFolderWarning[] {
  const totals = new Map<string, { files: number; size: number }>();
  for (const entry of entries) {
    const parts = entry.path.split('/');
    const at = parts.findIndex((part) => Object.hasOwn(HEAVY, part));
    if (at < 0) continue;
    const folder = parts.slice(0, at + 1).join('/');
    const total = totals.get(folder) ?? { files: 0, size: 0 };
    if (entry.kind !== 'dir') {
      total.files += 1;
      total.size += entry.size;
    }
    totals.set(folder, total);
  }
  const heaviest = new Set(
    [...totals]
      .sort((a, b) => b[1].size - a[1].size)
      .slice(0, MAX_HEAVY_WARNINGS)
      .map(([folder]) => folder),
  );
  return [...totals]
    .filter(([folder]) => heaviest.has(folder))
    .map(([folder, { files, size }]) => {
      const name = folder.split('/').pop() ?? folder;
      return {
        folder,
        files,
        size,
        message: `${folder} is sent to the engine. ${HEAVY[name] ?? ''} Add \`${folder}\` to .dockerignore to leave it out.`,
      };
    });
}
