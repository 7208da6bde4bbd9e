// What `build --if-needed` compares: every source that goes into out/ against every output it makes.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders and files whose change means out/ is stale. Tests are not bundled, so they do not count. */
export const SOURCE_ROOTS = ['shared', 'electron', 'renderer', 'vite.config.ts', 'package.json', 'scripts/build.mjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);
const isTest = (name) => /\.(test|int\.test)\.[cm]?[jt]sx?$/.test(name);

/** Modification times (ms) of every source file under the given roots; missing roots are skipped. */
export function sourceTimes(repoRoot, roots = SOURCE_ROOTS) {
  const times = [];
  const visit = (full) => {
    let info;
    try {
      info = statSync(full);
    } catch {
      return;
    }
    if (info.isFile()) {
      times.push(info.mtimeMs);
      return;
    }
    if (!info.isDirectory()) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      if (entry.isFile() && isTest(entry.name)) continue;
      visit(path.join(full, entry.name));
    }
  };
  for (const root of roots) visit(path.join(repoRoot, root));
  return times;
}

/** Modification time (ms) of each output, or null when it does not exist. */
export const outputTimes = (repoRoot, outputs) =>
  outputs.map((output) => {
    try {
      return statSync(path.join(repoRoot, output)).mtimeMs;
    } catch {
      return null;
    }
  });

/** Up to date when every output exists and is newer than every source. */
export function isUpToDate(sources, outputs) {
  if (outputs.length === 0 || outputs.some((time) => time === null)) return false;
  const oldestOutput = Math.min(...outputs);
  return sources.every((time) => time < oldestOutput);
}
