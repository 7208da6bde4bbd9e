/**
 * Runs one action over many items with a bounded number in flight, and answers item by item: a failure is kept
 * with its reason and never stops the others. The batch is one transcript entry with the combined docker command.
 */
import type { ActionText } from '../../../shared/cli/command';
import type { BulkItemResult, BulkResult } from '../../../shared/dto/bulk';
import { toBerthError } from '../engine/errors';
import type { Transcript } from './transcript';
import { BerthFailure } from '../../../shared/result';

/** Engine calls in flight at once in a batch: enough to be quick, few enough not to swamp the engine. */
export const BULK_CONCURRENCY = 4;

/** Maps over items with at most `limit` promises pending; results keep the items' order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  limit = BULK_CONCURRENCY,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface BulkRun {
  readonly ids: readonly string[];
  /** The item's name as the user knows it (for the result and the command); the id when it cannot be found. */
  readonly nameOf: (id: string) => Promise<string>;
  readonly work: (id: string) => Promise<unknown>;
  /** The docker command for the whole batch, from the items' names. */
  readonly describe: (names: readonly string[]) => ActionText;
}

export async function runBulk(transcript: Transcript, run: BulkRun, limit = BULK_CONCURRENCY): Promise<BulkResult> {
  const unique = [...new Set(run.ids)];
  const items = await mapBounded(
    unique,
    async (id): Promise<BulkItemResult> => {
      const name = await run.nameOf(id);
      try {
        await run.work(id);
        return { id, name, ok: true };
      } catch (error) {
        return { id, name, ok: false, error: toBerthError(error) };
      }
    },
    limit,
  );
  // The engine went away (or was never there): one error for the batch, like any other action, not one per item.
  const first = items[0];
  if (first && !first.ok && items.every((i) => !i.ok && i.error.code === 'ENGINE_UNREACHABLE'))
    throw new BerthFailure('ENGINE_UNREACHABLE', first.error.message);
  const failures = items.filter((i) => !i.ok);
  const action = run.describe(items.map((i) => i.name));
  if (failures.length === 0) transcript.record(action, 'ok');
  else
    transcript.record(
      action,
      'failed',
      `${failures.length} of ${items.length} failed: ${failures.map((f) => `${f.name} (${f.ok ? '' : f.error.message})`).join('; ')}`,
    );
  return { items, done: items.length - failures.length, failed: failures.length };
}
