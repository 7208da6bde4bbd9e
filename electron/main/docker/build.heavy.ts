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

/** One warning per outermost heavy folder that is sent, with what it adds to the context. */
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
  return [...totals].map(([folder, { files, size }]) => {
    const name = folder.split('/').pop() ?? folder;
    return {
      folder,
      files,
      size,
      message: `${folder} is sent to the engine. ${HEAVY[name] ?? ''} Add \`${folder}\` to .dockerignore to leave it out.`,
    };
  });
}
