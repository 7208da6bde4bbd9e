/** What removing each selected volume destroys, for the one confirmation of a bulk remove. Pure. */
import type { VolumeSummary } from '../../../../shared/dto/volumes';
import { listInWords } from '../../../../shared/words';
import type { LossLine } from '../../ui/BulkRemove';
import { formatBytes } from '../../ui/format-bytes';

export function volumeLoss(
  names: readonly string[],
  volumes: readonly VolumeSummary[],
  sizes: Readonly<Record<string, number | null>> | null,
): LossLine[] {
  const byName = new Map(volumes.map((v) => [v.name, v]));
  return names.map((name) => {
    const volume = byName.get(name);
    const size = sizes?.[name];
    const measured = size === undefined || size === null ? '' : ` (${formatBytes(size)})`;
    const kind = volume?.anonymous ? 'anonymous volume: ' : '';
    const line: LossLine = { key: name, name, loss: `${kind}every file in it is deleted for good${measured}` };
    const users = volume?.users ?? [];
    if (users.length === 0) return line;
    const who = listInWords(users.map((u) => `${u.name} (${u.state})`));
    return {
      ...line,
      refused: `used by ${users.length === 1 ? 'container' : 'containers'} ${who}; remove ${users.length === 1 ? 'it' : 'them'} first (a stopped container still holds its volumes).`,
    };
  });
}
