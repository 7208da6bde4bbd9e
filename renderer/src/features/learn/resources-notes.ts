/** Explain-mode notes for the volumes and networks lists, computed from the user's own data. Pure. */
import type { NetworkSummary } from '../../../../shared/dto/networks';
import type { VolumeSummary } from '../../../../shared/dto/volumes';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function volumesListNotes(volumes: readonly VolumeSummary[]): readonly string[] {
  if (volumes.length === 0)
    return ['No volumes yet. A container keeps its files in its own writable layer until you mount a volume.'];
  const unused = volumes.filter((v) => v.users.length === 0);
  const anonymous = volumes.filter((v) => v.anonymous).length;
  const notes = [
    `${plural(volumes.length, 'volume')}, ${unused.length} not mounted by any container. A volume outlives the containers that use it: removing a container leaves its volumes here.`,
  ];
  if (anonymous > 0)
    notes.push(
      `${plural(anonymous, 'volume')} ${anonymous === 1 ? 'has' : 'have'} no name: made by a VOLUME line in an image or by \`docker run -v /path\`. They pile up quietly; \`docker volume prune\` removes the unused ones.`,
    );
  return notes;
}

export function networksListNotes(networks: readonly NetworkSummary[]): readonly string[] {
  const own = networks.filter((n) => !n.predefined);
  const notes = [
    'bridge, host and none come with the engine. Containers on the default bridge reach each other only by address.',
  ];
  notes.push(
    own.length === 0
      ? 'You have not made a network yet. On one you make, containers find each other by name.'
      : `${plural(own.length, 'network')} of your own: containers on the same one find each other by name${own.some((n) => n.internal) ? '; internal ones cannot reach outside' : ''}.`,
  );
  return notes;
}
