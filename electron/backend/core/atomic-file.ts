/**
 * Files that are either whole or not there: the bytes go to a temporary file beside the target, which is renamed
 * over it at the end (a rename within one folder is atomic), and removed when writing fails. A crash or a failed
 * save never leaves half a file under the target's name. Settings, window state and desktop saves all write this way.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Calls `write` with a temporary path beside `target`, then renames that file to `target`. */
export async function writeAtomically(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.part`,
  );
  try {
    await write(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes `text` to `target` atomically, flushed to disk before the rename; `mode` as in fs.writeFile. */
export function writeTextAtomically(target: string, text: string, mode = 0o666): Promise<void> {
  return writeAtomically(target, (file) => writeFile(file, text, { encoding: 'utf8', mode, flush: true }));
}
