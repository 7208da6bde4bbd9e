/**
 * The one place a compose file path from the page becomes a file Berth reads and hands to Compose: absolute, no
 * NUL, resolved through links, an existing regular file of a sane size (a folder means its compose.yaml & co.).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { COMPOSE_FILE_LIMIT } from '../../../shared/dto/projects';
import { BerthFailure } from '../../../shared/result';

/** The names Compose looks for in a folder, in its order. */
export const DEFAULT_COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

const invalid = (message: string) => new BerthFailure('INVALID_INPUT', message);

async function statOrNull(p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

export async function resolveComposePath(input: string): Promise<{ file: string; workingDir: string }> {
  if (input.includes('\0')) throw invalid('A path cannot contain a NUL character.');
  if (!path.isAbsolute(input))
    throw invalid(`${input} is not an absolute path; write it from the root, e.g. /home/me/app/compose.yaml.`);
  let target = path.resolve(input);
  let stat = await statOrNull(target);
  if (stat === null) throw new BerthFailure('NOT_FOUND', `There is no file ${target}.`);
  if (stat.isDirectory()) {
    const folder = target;
    let found: string | null = null;
    for (const name of DEFAULT_COMPOSE_NAMES) {
      const candidate = path.join(folder, name);
      if ((await statOrNull(candidate))?.isFile()) {
        found = candidate;
        break;
      }
    }
    if (found === null) throw new BerthFailure('NOT_FOUND', `${folder} holds no ${DEFAULT_COMPOSE_NAMES.join(', ')}.`);
    target = found;
    stat = await statOrNull(target);
  }
  const real = await fs.realpath(target);
  stat = await statOrNull(real);
  if (stat === null || !stat.isFile()) throw invalid(`${target} is not a regular file.`);
  if (!/\.ya?ml$/i.test(real)) throw invalid(`${target} is not a compose file: its name should end in .yaml or .yml.`);
  if (stat.size > COMPOSE_FILE_LIMIT)
    throw new BerthFailure(
      'LIMIT_REACHED',
      `${target} is larger than ${COMPOSE_FILE_LIMIT / 1024} KB; that is no compose file.`,
    );
  return { file: real, workingDir: path.dirname(real) };
}
