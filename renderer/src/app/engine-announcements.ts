/**
 * What the engine does by itself, in one sentence for the screen reader announcer (ui/announce.ts): the engine
 * connecting or going away, a container that exits. Pure, so that the wording is tested without a store.
 */
import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';

/** A sentence when the engine's settled state changes (not for every retry), else null. */
export function statusAnnouncement(previous: EngineStatus | null, next: EngineStatus): string | null {
  if (next.state === 'connecting' || previous?.state === next.state) return null;
  if (next.state === 'connected') {
    const product = next.engine.flavor === 'podman' ? 'Podman' : 'Docker Engine';
    return `Connected to ${product} ${next.engine.version}.`;
  }
  return `The Docker Engine is unreachable: ${next.message}`;
}

/** A sentence for the events a person wants to hear about without looking (a container exits), else null. */
export function eventAnnouncement(event: EngineEvent): string | null {
  if (event.scope !== 'container') return null;
  const name = event.name ?? event.id.slice(0, 12);
  if (event.action === 'die') return `Container ${name} exited.`;
  if (event.action === 'oom') return `Container ${name} ran out of memory.`;
  return null;
}
