/** Raw /version, /info and /events JSON to Berth's engine DTOs. Pure. */
import type { EngineEvent, EngineSummary } from '../../../shared/dto/engine';

export interface RawVersion {
  readonly Version?: string;
  readonly ApiVersion?: string;
  readonly MinAPIVersion?: string;
  readonly Os?: string;
  readonly Arch?: string;
  readonly KernelVersion?: string;
  readonly Platform?: { readonly Name?: string };
  readonly Components?: readonly { readonly Name?: string }[];
}

export interface RawInfo {
  readonly Name?: string;
  readonly OperatingSystem?: string;
  readonly KernelVersion?: string;
  readonly Driver?: string;
  readonly NCPU?: number;
  readonly MemTotal?: number;
  readonly Containers?: number;
  readonly ContainersRunning?: number;
  readonly ContainersPaused?: number;
  readonly ContainersStopped?: number;
  readonly Images?: number;
  /** The engine's clock, RFC 3339. */
  readonly SystemTime?: string;
}

export interface RawEvent {
  readonly Type?: string;
  readonly Action?: string;
  readonly status?: string;
  readonly id?: string;
  readonly Actor?: { readonly ID?: string; readonly Attributes?: Readonly<Record<string, string>> };
  readonly time?: number;
  readonly timeNano?: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function isPodman(version: RawVersion): boolean {
  const names = [version.Platform?.Name, ...(version.Components ?? []).map((c) => c.Name)];
  return names.some((name) => typeof name === 'string' && /podman/i.test(name));
}

export function toEngineSummary(version: RawVersion, info: RawInfo): EngineSummary {
  return {
    name: text(info.Name),
    version: text(version.Version),
    apiVersion: text(version.ApiVersion),
    minApiVersion: text(version.MinAPIVersion),
    os: text(version.Os),
    operatingSystem: text(info.OperatingSystem),
    kernelVersion: text(info.KernelVersion) || text(version.KernelVersion),
    arch: text(version.Arch),
    storageDriver: text(info.Driver),
    cpus: count(info.NCPU),
    memTotal: count(info.MemTotal),
    containers: count(info.Containers),
    containersRunning: count(info.ContainersRunning),
    containersPaused: count(info.ContainersPaused),
    containersStopped: count(info.ContainersStopped),
    images: count(info.Images),
    flavor: isPodman(version) ? 'podman' : 'docker',
  };
}

/** The engine's own time in epoch seconds (its clock may differ from ours over tcp), or ours when it does not say. */
export function engineSeconds(info: RawInfo, fallbackMs: number): number {
  const parsed = typeof info.SystemTime === 'string' ? Date.parse(info.SystemTime) : Number.NaN;
  return Math.floor((Number.isFinite(parsed) ? parsed : fallbackMs) / 1000);
}

/** The same summary with fresh counts from a later /info. */
export function withCounts(summary: EngineSummary, info: RawInfo): EngineSummary {
  return {
    ...summary,
    containers: count(info.Containers),
    containersRunning: count(info.ContainersRunning),
    containersPaused: count(info.ContainersPaused),
    containersStopped: count(info.ContainersStopped),
    images: count(info.Images),
  };
}

const SCOPES = new Set<EngineEvent['scope']>(['container', 'image', 'volume', 'network', 'daemon']);

/**
 * One engine event to an invalidation signal, or null when the JSON is not an event. Actions such as
 * "exec_start: sh -c ..." are cut at the colon: the command line is not the renderer's business.
 */
export function toEngineEvent(raw: RawEvent): EngineEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  // Engines before API 1.22 sent only status/id/from; those are always container events.
  const type = text(raw.Type) || (raw.status ? 'container' : '');
  const action = (text(raw.Action) || text(raw.status)).split(':')[0]?.trim() ?? '';
  if (type === '' || action === '') return null;
  const scope = SCOPES.has(type as EngineEvent['scope']) ? (type as EngineEvent['scope']) : 'other';
  const name = raw.Actor?.Attributes?.name;
  const time =
    typeof raw.timeNano === 'number'
      ? Math.floor(raw.timeNano / 1e6)
      : typeof raw.time === 'number'
        ? raw.time * 1000
        : 0;
  return {
    scope,
    action,
    id: text(raw.Actor?.ID) || text(raw.id),
    ...(name ? { name } : {}),
    time,
  };
}

/** Container and image events change the counts shown in the status bar. */
export const changesCounts = (event: EngineEvent): boolean => event.scope === 'container' || event.scope === 'image';
